import { ConfigError, createPiiPolicy, type DataRecord, type Masker } from "@cleanse/core";
import type { GoldenRecord } from "@cleanse/dedupe";
import { openOutput } from "../_internal/openOutput.ts";

/** Reads `--threshold`: a match probability between 0 and 1. */
export function parseThreshold(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (typeof value !== "string" || !Number.isFinite(n) || n <= 0 || n >= 1) {
    throw new ConfigError(`--threshold takes a match probability between 0 and 1 (e.g. 0.9); received "${String(value)}"`, { code: "CLEANSE_USAGE" });
  }
  return n;
}

/**
 * A dedupe result as its JSON report shows it: the golden records' personal fields (declared by name, or holding
 * mostly personal values among `records`) and every value personal by itself masked, unless `mask` is false.
 */
export function maskDedupeReport(report: { readonly goldenRecords: readonly GoldenRecord[] }, records: readonly DataRecord[], mask: Masker | false): unknown {
  const pii = createPiiPolicy({ mask });
  if (!pii.masking) return report;
  for (const record of records) pii.observe(record);
  return pii.deep({ ...report, goldenRecords: report.goldenRecords.map((g) => ({ ...g, record: pii.record(g.record) })) });
}

/** Writes golden records: the surviving values, the cluster id, its members and where each value came from. */
export async function writeGolden(path: string, golden: readonly GoldenRecord[], options: { readonly escapeFormulae?: boolean } = {}): Promise<string> {
  const sink = await openOutput({ path, ...(options.escapeFormulae === undefined ? {} : { escapeFormulae: options.escapeFormulae }) }, { varyingFields: true });
  try {
    for (const g of golden) {
      const lineage = Object.fromEntries(Object.entries(g.lineage).map(([field, l]) => [field, l]));
      await sink.write({ cluster_id: g.cluster_id, ...g.record, _members: g.members.join(" "), _lineage: JSON.stringify(lineage) }, undefined as never);
    }
    await sink.close();
  } catch (error) {
    await sink.abort?.(error);
    throw error;
  }
  return path;
}
