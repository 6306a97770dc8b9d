// Dedupe/link accuracy on public ground-truth datasets: zero-config ("auto"), configured
// (configs/<dataset>.yaml), and zero-config trained with at most 50 labels from a simulated `cleanse review`
// (reviewPairs asking about the most uncertain pairs, answered from the ground truth). Prints pairwise precision,
// recall and F1 per dataset as JSON.
// Usage: node benchmarks/dedupe/accuracy.mjs [--labels N] [dataset ...]
// Datasets come from the folder CLEANSE_DATASETS names, else ../shared/datasets (relative to the repository
// root) when present, else from
// the copies in packages/dedupe/test-data (febrl1 and splink_fake_1000 only).
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { dedupeRecords, evaluateClusters, evaluatePairs, linkRecords, parseDedupeConfig, reviewPairs } from "@cleanse/dedupe";
import { flag } from "../_lib.mjs";
import { DATASETS, loadDataset } from "./_datasets.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const CONFIG = {
  febrl1: "febrl.yaml",
  febrl2: "febrl.yaml",
  febrl3: "febrl.yaml",
  splink_fake_1000: "splink_fake_1000.yaml",
  cora: "cora.yaml",
  dblp_acm: "dblp_acm.yaml",
  laptops: "laptops.yaml",
  storage: "storage.yaml",
};
// Figures each dataset's README cites (none numeric for most).
const PUBLISHED = {
  dblp_acm: { f1: 0.98, note: "best full-table F-measure in Koepcke, Thor & Rahm (PVLDB 2010), about 97-98 %" },
};

const round = (x) => Number(x.toFixed(4));
const metrics = (m) => ({ precision: round(m.precision), recall: round(m.recall), f1: round(m.f1) });

/** Labels a reviewer who knows the ground truth gives, `budget` at most, as `cleanse review` asks them. */
async function review(d, budget) {
  const input = d.kind === "link" ? { left: d.left, right: d.right } : { records: d.records };
  const same =
    d.kind === "link"
      ? ((pairs) => (a, b) => pairs.has(`${a}\u0000${b}`))(new Set(d.truth.map(([a, b]) => `${a}\u0000${b}`)))
      : (a, b) => d.truth.get(a) === d.truth.get(b);
  const result = await reviewPairs(input, "auto", { idField: d.idField, budget, ask: (p) => (same(p.a, p.b) ? "match" : "distinct") });
  return result.labels;
}

async function run(d, config, labels) {
  const t0 = performance.now();
  const withLabels = labels === undefined ? {} : { labels: { use: "train", pairs: labels } };
  if (d.kind === "link") {
    const result = await linkRecords(d.left, d.right, config, { idField: d.idField, ...withLabels });
    const m = evaluatePairs(result.pairs.map((p) => [p.left_id, p.right_id]), d.truth);
    return { ...metrics(m), candidatePairs: result.stats.candidatePairs, reductionRatio: result.stats.reductionRatio, emIterations: result.stats.emIterations, ms: Math.round(performance.now() - t0) };
  }
  const result = await dedupeRecords(d.records, config, { idField: d.idField, ...withLabels });
  const predicted = new Map(result.records.map((r) => [String(r[d.idField]), String(r.cluster_id)]));
  const m = evaluateClusters(predicted, d.truth);
  return {
    ...metrics(m),
    candidatePairs: result.stats.candidatePairs,
    reductionRatio: result.stats.reductionRatio,
    emIterations: result.stats.emIterations,
    ms: Math.round(performance.now() - t0),
  };
}

const args = process.argv.slice(2);
const budget = Number(flag("labels", 50));
const named = args.filter((a, k) => !a.startsWith("--") && args[k - 1] !== "--labels");
const names = named.length > 0 ? named : DATASETS;
const results = {};
for (const name of names) {
  const d = loadDataset(name);
  if (!d) {
    results[name] = { skipped: "dataset not found in CLEANSE_DATASETS, ../shared/datasets or packages/dedupe/test-data" };
    continue;
  }
  const configured = parseDedupeConfig(readFileSync(join(here, "configs", CONFIG[name]), "utf8"));
  const auto = await run(d, "auto");
  const conf = await run(d, configured);
  const labels = await review(d, budget);
  const reviewed = { ...(await run(d, "auto", labels)), labels: labels.length, matchLabels: labels.filter((l) => l.match).length };
  results[name] = {
    source: d.origin,
    records: d.kind === "link" ? { left: d.left.length, right: d.right.length } : d.records.length,
    zeroConfig: auto,
    configured: conf,
    zeroConfigWithLabels: reviewed,
    ...(PUBLISHED[name] ? { published: PUBLISHED[name] } : {}),
  };
}
process.stdout.write(`${JSON.stringify({ benchmark: "dedupe-accuracy", node: process.version, metric: "pairwise (clusters closed transitively for dedupe)", results }, null, 2)}\n`);
