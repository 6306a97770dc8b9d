import { DataError, type CleanseErrorOptions } from "@cleanse/core";

/** What is wrong with a labels file. */
export type InvalidLabelsCode = "CLEANSE_LABELS_MISSING_COLUMN" | "CLEANSE_LABELS_BAD_VALUE" | "CLEANSE_LABELS_UNKNOWN_ID";

/**
 * Thrown by {@link readLabels} for a labels file it cannot use: a missing `a`, `b` or `match` column, a value that
 * is empty or not `yes`/`no`, an id no record has. The location names the file and the line, `field` the column.
 * @example
 * try { await readLabels(readCsv("labels.csv")) } catch (e) { e.code } //=> "CLEANSE_LABELS_BAD_VALUE"
 */
export class InvalidLabelsError extends DataError {
  /** The column at fault. */
  readonly field: string;

  constructor(message: string, code: InvalidLabelsCode, field: string, options: CleanseErrorOptions = {}) {
    super(message, {
      hint: "A labels file is CSV with a header a,b,match: two record ids and yes or no (cleanse review writes one).",
      ...options,
      code,
    });
    this.field = field;
  }
}
