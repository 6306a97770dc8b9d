import type { PiiPolicy } from "@cleanse/core";
import type { PairExplanation } from "../explain/explainPair.ts";
import type { GoldenRecord } from "../golden/buildGoldenRecords.ts";

/** A golden record as a report shows it: the values of its personal fields, and values personal by themselves, masked. */
export function maskGoldenRecord(golden: GoldenRecord, pii: PiiPolicy): GoldenRecord {
  return { ...golden, record: pii.record(golden.record) };
}

/**
 * An explained pair as a report shows it: a comparison's values are masked when one of the fields it compares is
 * personal, or when they are personal by themselves.
 */
export function maskExplanation(explanation: PairExplanation, pii: PiiPolicy): PairExplanation {
  return {
    ...explanation,
    comparisons: explanation.comparisons.map((c) => {
      const field = c.fields.find((f) => pii.isPersonalField(f));
      const shown = (v: string | null): string | null => (v === null ? v : String(pii.value(v, field)));
      return { ...c, values: [shown(c.values[0]), shown(c.values[1])] as const };
    }),
  };
}
