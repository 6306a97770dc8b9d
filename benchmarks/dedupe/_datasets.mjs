// Loads the ground-truth datasets used by the dedupe benchmarks.
// Reads the folder named by CLEANSE_DATASETS, else ../shared/datasets (relative to the repository root) when
// present, else the copies kept in packages/dedupe/test-data (febrl1 and splink_fake_1000 only).
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const shared = process.env.CLEANSE_DATASETS ?? join(repoRoot, "..", "shared", "datasets");
const local = join(repoRoot, "packages", "dedupe", "test-data");

function locate(dataset, file) {
  const a = join(shared, dataset, file);
  if (existsSync(a)) return { path: a, origin: "shared" };
  const b = join(local, dataset, file);
  if (existsSync(b)) return { path: b, origin: "repo" };
  return undefined;
}

function readCsv(path) {
  return parse(readFileSync(path, "utf8"), { columns: true, skip_empty_lines: true, relax_column_count: true, trim: false });
}

/** Febrl files: fields separated by ", " and padded; truth in rec_id. */
function loadFebrl(name, file) {
  const where = locate(name, file);
  if (!where) return undefined;
  const lines = readFileSync(where.path, "latin1").split(/\r?\n/).filter((l) => l.trim() !== "");
  const header = lines[0].split(",").map((h) => h.trim());
  const records = lines.slice(1).map((line) => {
    const cells = line.split(",").map((c) => c.trim());
    const r = {};
    header.forEach((h, k) => (r[h] = cells[k] ?? ""));
    return r;
  });
  const truth = new Map(records.map((r) => [r.rec_id, /^rec-(\d+)-/.exec(r.rec_id)[1]]));
  return { name, kind: "dedupe", idField: "rec_id", records, truth, origin: where.origin };
}

function loadSplink() {
  const where = locate("splink_fake_1000", "fake_1000.csv");
  if (!where) return undefined;
  const rows = readCsv(where.path);
  const truth = new Map(rows.map((r) => [r.unique_id, r.cluster]));
  const records = rows.map(({ cluster, ...rest }) => rest);
  return { name: "splink_fake_1000", kind: "dedupe", idField: "unique_id", records, truth, origin: where.origin };
}

function loadCora() {
  const data = locate("cora", "cora.csv");
  const gt = locate("cora", "cora_gt.csv");
  if (!data || !gt) return undefined;
  const records = readCsv(data.path);
  const truth = closeTransitively(
    records.map((r) => r["Entity Id"]),
    readCsv(gt.path).map((p) => [p.id1, p.id2]),
  );
  return { name: "cora", kind: "dedupe", idField: "Entity Id", records, truth, origin: data.origin };
}

function loadDblpAcm() {
  const l = locate("dblp_acm", "DBLP2.csv");
  const r = locate("dblp_acm", "ACM.csv");
  const m = locate("dblp_acm", "DBLP-ACM_perfectMapping.csv");
  if (!l || !r || !m) return undefined;
  const left = readCsv(l.path);
  const right = readCsv(r.path);
  const truth = readCsv(m.path).map((p) => [p.idDBLP, p.idACM]);
  return { name: "dblp_acm", kind: "link", idField: "id", left, right, truth, origin: l.origin };
}

/** SIGMOD 2022 contest product offers: one table, truth as pairs (closed transitively here). */
function loadSigmod(name, file, matches) {
  const data = locate("sigmod2022_products", file);
  const gt = locate("sigmod2022_products", matches);
  if (!data || !gt) return undefined;
  const records = readCsv(data.path);
  const truth = closeTransitively(
    records.map((r) => r.id),
    readCsv(gt.path).map((p) => [p.lid, p.rid]),
  );
  return { name, kind: "dedupe", idField: "id", records, truth, origin: data.origin };
}

/** Entity of each id: the connected components of the true pairs. */
function closeTransitively(ids, pairs) {
  const parent = new Map(ids.map((id) => [id, id]));
  const find = (x) => {
    while (parent.get(x) !== x) x = parent.get(x);
    return x;
  };
  for (const [a, b] of pairs) {
    const x = find(a);
    const y = find(b);
    if (x !== y) parent.set(x, y);
  }
  return new Map(ids.map((id) => [id, find(id)]));
}

export function loadDataset(name) {
  switch (name) {
    case "febrl1":
      return loadFebrl("febrl1", "dataset1.csv");
    case "febrl2":
      return loadFebrl("febrl2", "dataset2.csv");
    case "febrl3":
      return loadFebrl("febrl3", "dataset3.csv");
    case "splink_fake_1000":
      return loadSplink();
    case "cora":
      return loadCora();
    case "dblp_acm":
      return loadDblpAcm();
    case "laptops":
      return loadSigmod("laptops", "laptops.csv", "laptops_matches.csv");
    case "storage":
      return loadSigmod("storage", "storage.csv", "storage_matches.csv");
    default:
      throw new Error(`Unknown dataset ${name}`);
  }
}

export const DATASETS = ["febrl1", "febrl2", "febrl3", "splink_fake_1000", "cora", "dblp_acm", "laptops", "storage"];
