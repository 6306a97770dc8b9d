// Zero-config dedupe on low-diversity Chinese customer records (_generate.mjs: 8,000 distinct names): time, peak
// RSS, candidate pairs per record and per blocking rule, and accuracy, per size.
// Usage: node benchmarks/dedupe/lowDiversity.mjs [--full] [--size N ...] [--timeout-s S]
// Default sizes 10k, 20k and 50k; --full adds 100k and 200k. Each size runs in its own child process, so peak RSS
// is its own; a run that passes the timeout (default 900 s) is reported as such.
import { spawnSync } from "node:child_process";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { flag } from "../_lib.mjs";

const args = process.argv.slice(2);

async function child(size) {
  const { dedupeRecords, evaluateClusters } = await import("@cleanse/dedupe");
  const { generateChineseCustomers } = await import("./_generate.mjs");
  const { records, entityOf } = generateChineseCustomers(size);
  const truth = new Map(records.map((r, k) => [r.id, String(entityOf[k])]));
  globalThis.gc?.();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const result = await dedupeRecords(records, "auto", { idField: "id", workers: "auto" });
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const m = evaluateClusters(new Map(result.records.map((r) => [r.id, r.cluster_id])), truth);
  const s = result.stats;
  return {
    records: size,
    wallMs: Math.round(wallMs),
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    candidatePairs: s.candidatePairs,
    pairsPerRecord: Number((s.candidatePairs / size).toFixed(1)),
    blocking: s.blocking.rules.map((r) => ({ rule: r.rule, candidatePairs: r.candidatePairs, newPairs: r.newPairs })),
    precision: Number(m.precision.toFixed(4)),
    recall: Number(m.recall.toFixed(4)),
    f1: Number(m.f1.toFixed(4)),
    warnings: s.warnings,
  };
}

if (args[0] === "--child") {
  process.stdout.write(JSON.stringify(await child(Number(args[1]))));
} else {
  const sizes = [];
  for (let k = 0; k < args.length; k++) if (args[k] === "--size") sizes.push(Number(args[++k]));
  if (sizes.length === 0) sizes.push(10_000, 20_000, 50_000);
  if (args.includes("--full")) sizes.push(100_000, 200_000);
  const timeoutS = Number(flag("timeout-s", "900"));
  const runs = [];
  for (const size of sizes) {
    const res = spawnSync(process.execPath, ["--expose-gc", "--max-old-space-size=8192", fileURLToPath(import.meta.url), "--child", String(size)], {
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
      timeout: timeoutS * 1000,
    });
    if (res.error?.code === "ETIMEDOUT" || res.signal === "SIGTERM") {
      runs.push({ records: size, timedOut: true, timeoutS });
      break; // larger sizes take longer still
    }
    if (res.status !== 0) throw new Error(`size ${size} failed: ${res.stderr}`);
    runs.push(JSON.parse(res.stdout));
  }
  const base = runs[0];
  const ratios = runs
    .filter((r) => !r.timedOut && base !== undefined && !base.timedOut)
    .map((r) => ({ records: r.records, wallPerRecordVsSmallest: Number((r.wallMs / r.records / (base.wallMs / base.records)).toFixed(2)) }));
  process.stdout.write(`${JSON.stringify({ benchmark: "dedupe-low-diversity", node: process.version, cpus: availableParallelism(), runs, ratios }, null, 2)}\n`);
}
