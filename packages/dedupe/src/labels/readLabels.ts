import { AbortedError, formatLocation, type DataRecord, type RecordSource, type SourceLocation } from "@cleanse/core";
import type { LabelledPair } from "../scoring/runMatching.ts";
import { InvalidLabelsError } from "./InvalidLabelsError.ts";

/** Options of {@link readLabels}. */
export interface ReadLabelsOptions {
  /**
   * Ids of the records: an `a` (and, unless `rightIds` is given, a `b`) outside them is an error, and so is a
   * pair of a record with itself. Without it, ids are not checked.
   */
  readonly ids?: ReadonlySet<string>;
  /** When linking: ids of the right source, which `b` names (`a` names a left record). */
  readonly rightIds?: ReadonlySet<string>;
  /** Receives every row as it was read, with all its columns (to write the file again with more labels). */
  readonly onRow?: (record: DataRecord) => void;
  readonly signal?: AbortSignal;
}

/** The columns of a labels file. */
export const LABEL_COLUMNS: readonly ["a", "b", "match"] = ["a", "b", "match"];

/** The `match` values of a labels file, by what they mean. */
const MATCH_VALUES: ReadonlyMap<string, boolean> = new Map([
  ["yes", true],
  ["no", false],
]);

function text(value: unknown): string {
  return value === null || value === undefined ? "" : String(value).trim();
}

/**
 * Reads labelled pairs from a labels file: a header `a,b,match` (other columns are allowed and ignored), then one
 * row per pair with two record ids (for a link, `a` is the left id and `b` the right one) and `match` `yes` or
 * `no` (any case). Every problem is an error naming the file, the line and the column, never a skipped row.
 * @param source - the rows of the file, e.g. `readCsv("labels.csv")`
 * @param options - the ids the labels may name, a callback receiving each row
 * @returns the labelled pairs, in file order, ready for `labels: { use: "train", pairs }`
 * @throws InvalidLabelsError `CLEANSE_LABELS_MISSING_COLUMN`, `CLEANSE_LABELS_BAD_VALUE` (also for a row the
 *   reader found broken) or `CLEANSE_LABELS_UNKNOWN_ID`
 * @example
 * await readLabels(readCsv("labels.csv"), { ids: new Set(["c-1", "c-2"]) })
 * //=> [{ a: "c-1", b: "c-2", match: true }]
 */
export async function readLabels(source: RecordSource, options: ReadLabelsOptions = {}): Promise<LabelledPair[]> {
  const file = source.name;
  const pairs: LabelledPair[] = [];
  let checkedColumns = false;
  const checkColumns = (columns: readonly string[]) => {
    checkedColumns = true;
    for (const column of LABEL_COLUMNS) {
      if (columns.includes(column)) continue;
      throw new InvalidLabelsError(`${file}:1: the header has no column "${column}" (found ${columns.map((c) => `"${c}"`).join(", ") || "none"}); expected a,b,match.`, "CLEANSE_LABELS_MISSING_COLUMN", column, {
        location: { file, line: 1 },
      });
    }
  };
  let row = 0;
  for await (const batch of source.batches(options.signal)) {
    if (options.signal?.aborted) throw new AbortedError(undefined, { cause: options.signal.reason });
    for (let k = 0; k < batch.records.length; k++) {
      const record = batch.records[k]!;
      row++;
      const line = batch.lines?.[k];
      const location: SourceLocation = { file, ...(line === undefined ? { record: row } : { line }) };
      const where = formatLocation(location);
      if (!checkedColumns) checkColumns(Object.keys(record));
      const broken = batch.issues?.get(k)?.find((issue) => issue.severity === "error");
      if (broken) {
        throw new InvalidLabelsError(`${where}: ${broken.message}; expected a,b,match.`, "CLEANSE_LABELS_BAD_VALUE", broken.field ?? "match", { location });
      }
      const value = (field: string) => {
        const v = text(record[field]);
        if (v === "") throw new InvalidLabelsError(`${where}: field "${field}" is empty; expected ${field === "match" ? "yes or no" : "a record id"}.`, "CLEANSE_LABELS_BAD_VALUE", field, { location });
        return v;
      };
      const a = value("a");
      const b = value("b");
      const answer = value("match");
      const match = MATCH_VALUES.get(answer.toLowerCase());
      if (match === undefined) {
        throw new InvalidLabelsError(`${where}: field "match" is "${answer}"; expected yes or no.`, "CLEANSE_LABELS_BAD_VALUE", "match", { location });
      }
      checkIds(a, b, where, location, options);
      options.onRow?.(record);
      pairs.push({ a, b, match });
    }
  }
  if (!checkedColumns) {
    const columns = (source as { columns?: () => readonly string[] | undefined }).columns?.();
    if (columns !== undefined && columns.length > 0) checkColumns(columns);
  }
  return pairs;
}

function checkIds(a: string, b: string, where: string, location: SourceLocation, options: ReadLabelsOptions): void {
  const left = options.ids;
  if (left === undefined) return;
  const right = options.rightIds ?? left;
  const unknown = !left.has(a) ? (["a", a] as const) : !right.has(b) ? (["b", b] as const) : undefined;
  if (unknown) {
    const side = options.rightIds === undefined ? "" : unknown[0] === "a" ? " left" : " right";
    throw new InvalidLabelsError(`${where}: field "${unknown[0]}" is "${unknown[1]}", which no${side} record has as its id.`, "CLEANSE_LABELS_UNKNOWN_ID", unknown[0], {
      location,
      hint: "Label pairs of the records being matched, with the same id field (--id, --right-id).",
    });
  }
  if (options.rightIds === undefined && a === b) {
    throw new InvalidLabelsError(`${where}: fields "a" and "b" are both "${a}"; a label pairs two different records.`, "CLEANSE_LABELS_BAD_VALUE", "b", { location });
  }
}
