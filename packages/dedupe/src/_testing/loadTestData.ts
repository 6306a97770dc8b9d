import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { DataRecord } from "@cleanse/core";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "test-data");

/** A test dataset with its truth: entity of each record id. */
export interface TestDataset {
  readonly records: DataRecord[];
  readonly idField: string;
  readonly truth: Map<string, string>;
}

/** Febrl dataset 1: fields separated by ", ", truth in rec_id. */
export function loadFebrl1(): TestDataset {
  const lines = readFileSync(join(root, "febrl1", "dataset1.csv"), "latin1").split(/\r?\n/).filter((l) => l.trim() !== "");
  const header = lines[0]!.split(",").map((h) => h.trim());
  const records = lines.slice(1).map((line) => {
    const cells = line.split(",").map((c) => c.trim());
    const r: DataRecord = {};
    header.forEach((h, k) => {
      r[h] = cells[k] ?? "";
    });
    return r;
  });
  const truth = new Map(records.map((r) => [String(r.rec_id), /^rec-(\d+)-/.exec(String(r.rec_id))![1]!]));
  return { records, idField: "rec_id", truth };
}

/** Splink's fake_1000: plain CSV without quoted fields; truth in the cluster column (removed). */
export function loadSplinkFake1000(): TestDataset {
  const lines = readFileSync(join(root, "splink_fake_1000", "fake_1000.csv"), "utf8").split(/\r?\n/).filter((l) => l !== "");
  const header = lines[0]!.split(",");
  const truth = new Map<string, string>();
  const records = lines.slice(1).map((line) => {
    const cells = line.split(",");
    const r: DataRecord = {};
    header.forEach((h, k) => {
      if (h !== "cluster") r[h] = cells[k] ?? "";
    });
    truth.set(String(r.unique_id), cells[header.indexOf("cluster")]!);
    return r;
  });
  return { records, idField: "unique_id", truth };
}
