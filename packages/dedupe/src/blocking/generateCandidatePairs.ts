import { getField, type DataRecord } from "@cleanse/core";
import { normalizeText, toNullSet } from "../_internal/normalize.ts";
import { createTable } from "../_internal/table.ts";
import type { BlockingConfig } from "../config/dedupeConfigSchema.ts";
import { resolveRule } from "../config/resolveConfig.ts";
import { blockPairs, type BlockingStats } from "./blockPairs.ts";

/** Options of {@link generateCandidatePairs}. */
export interface GenerateCandidatePairsOptions {
  /** Field holding record ids. Default `id`. */
  readonly idField?: string;
  readonly nullValues?: readonly string[];
  /** Fields whose values order the records of an oversized block. Default: every field. */
  readonly sortFields?: readonly string[];
}

/**
 * Runs blocking rules alone: the candidate pairs a dedupe run would compare, with the pairs and reduction
 * ratio of each rule. Useful to tune rules before a full run.
 * @param records - records with ids
 * @param blocking - rules, max block size and window
 * @param options - id field and null values
 * @returns candidate pairs of ids and blocking statistics
 * @example
 * generateCandidatePairs([{ id: 1, dob: "1980-01-02" }, { id: 2, dob: "1980-01-02" }], { rules: [{ type: "key", on: ["dob"] }] }).pairs
 * //=> [["1", "2"]]
 */
export function generateCandidatePairs(
  records: readonly DataRecord[],
  blocking: BlockingConfig,
  options: GenerateCandidatePairsOptions = {},
): { pairs: [string, string][]; stats: BlockingStats } {
  const idField = options.idField ?? "id";
  const nullSet = toNullSet(options.nullValues);
  const table = createTable(records, nullSet);
  const sortFields = options.sortFields;
  const result = blockPairs(table, blocking.rules.map((rule, index) => resolveRule(rule, index)), {
    mode: "dedupe",
    maxBlockSize: blocking.maxBlockSize ?? 1000,
    oversizedWindow: blocking.oversizedWindow ?? 10,
    signature: (i) => {
      const r = records[i]!;
      return (sortFields ?? Object.keys(r)).map((f) => normalizeText(getField(r, f), nullSet) ?? "").join("\u0001");
    },
  });
  const n = records.length;
  const pairs: [string, string][] = [];
  for (const code of result.codes) {
    const i = Math.floor(code / n);
    pairs.push([String(records[i]![idField]), String(records[code - i * n]![idField])]);
  }
  return { pairs, stats: result.stats };
}
