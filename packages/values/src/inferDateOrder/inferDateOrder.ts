import { createScannedDate, scanDate, type DateOrder } from "../_internal/dateScanner.ts";

/** How many values of a column pointed to each order. */
export interface DateOrderEvidence {
  /** Values that only fit day-first, e.g. `31/01/2023`. */
  readonly dmy: number;
  /** Values that only fit month-first, e.g. `01/31/2023`. */
  readonly mdy: number;
  /** Values written year-first, e.g. `2023/01/31` or `2023年1月31日`. */
  readonly ymd: number;
  /** Values that fit both day-first and month-first, e.g. `01/02/2023`. */
  readonly ambiguous: number;
  /** Values that say nothing about the order (month names, empty, not dates). */
  readonly other: number;
}

/** What {@link inferDateOrder} concluded. */
export interface DateOrderInference {
  /** The order the unambiguous values agree on, or undefined when they say nothing. */
  readonly order: DateOrder | undefined;
  /** Share of the deciding values that agree with `order`, 0-1 (0 when there is no evidence). */
  readonly confidence: number;
  readonly evidence: DateOrderEvidence;
}

/**
 * Decides whether a column writes dates day-first or month-first from the values that can only be read one way.
 * Values such as `01/02/2023` count as ambiguous and decide nothing.
 * @param values - the column's values (strings; anything else counts as `other`)
 * @returns the order, the share of deciding values that agree with it, and the counts
 * @example
 * inferDateOrder(["01/02/2023", "25/12/2023", "13/01/2024"]) //=> { order: "dmy", confidence: 1, evidence: { dmy: 2, mdy: 0, ymd: 0, ambiguous: 1, other: 0 } }
 */
export function inferDateOrder(values: Iterable<unknown>): DateOrderInference {
  const scanned = createScannedDate();
  const options = { order: undefined, pivotYear: undefined };
  let dmy = 0, mdy = 0, ymd = 0, ambiguous = 0, other = 0;
  for (const value of values) {
    if (typeof value !== "string") {
      other++;
      continue;
    }
    scanDate(value.trim(), options, scanned);
    switch (scanned.evidence) {
      case "dmy": dmy++; break;
      case "mdy": mdy++; break;
      case "ymd": ymd++; break;
      case "either": ambiguous++; break;
      default: other++;
    }
  }
  const evidence: DateOrderEvidence = { dmy, mdy, ymd, ambiguous, other };
  if (dmy + mdy > 0) {
    const order: DateOrder = dmy >= mdy ? "dmy" : "mdy";
    return { order, confidence: round(Math.max(dmy, mdy) / (dmy + mdy)), evidence };
  }
  if (ymd > 0) return { order: "ymd", confidence: 1, evidence };
  return { order: undefined, confidence: 0, evidence };
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}
