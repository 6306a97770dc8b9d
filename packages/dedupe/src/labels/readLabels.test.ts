import { toRecordSource, type DataRecord, type Issue, type RecordSource } from "@cleanse/core";
import { describe, expect, test } from "vitest";
import { InvalidLabelsError } from "./InvalidLabelsError.ts";
import { readLabels } from "./readLabels.ts";

/** A labels file as a CSV reader gives it: rows from line 2 on, after the header. */
function file(rows: readonly DataRecord[], options: { issues?: ReadonlyMap<number, readonly Issue[]>; columns?: readonly string[] } = {}): RecordSource & { columns(): readonly string[] | undefined } {
  return {
    name: "labels.csv",
    async *batches() {
      if (rows.length > 0) yield { records: rows, lines: rows.map((_, k) => k + 2), ...(options.issues ? { issues: options.issues } : {}) };
    },
    columns: () => options.columns ?? (rows[0] ? Object.keys(rows[0]) : undefined),
  };
}

const ids = new Set(["1", "2", "3"]);

describe("readLabels", () => {
  test("reads yes and no in any case, keeps file order and ignores other columns", async () => {
    const rows = [
      { a: "1", b: "2", match: "yes", note: "same phone" },
      { a: "3", b: "1", match: " NO ", note: "" },
    ];
    const seen: DataRecord[] = [];
    expect(await readLabels(file(rows), { ids, onRow: (r) => seen.push(r) })).toEqual([
      { a: "1", b: "2", match: true },
      { a: "3", b: "1", match: false },
    ]);
    expect(seen).toEqual(rows);
  });

  test("reads an empty file, or one with only its header, as no labels", async () => {
    expect(await readLabels(file([]))).toEqual([]);
    expect(await readLabels(file([], { columns: ["a", "b", "match"] }))).toEqual([]);
  });

  test.each([
    [[{ a: "1", b: "2", matched: "yes" }], "CLEANSE_LABELS_MISSING_COLUMN", "match", 'labels.csv:1: the header has no column "match" (found "a", "b", "matched"); expected a,b,match.'],
    [[{ a: "1", b: "2", match: "yes" }, { a: "1", b: "3", match: "maybe" }], "CLEANSE_LABELS_BAD_VALUE", "match", 'labels.csv:3: field "match" is "maybe"; expected yes or no.'],
    [[{ a: "1", b: "", match: "no" }], "CLEANSE_LABELS_BAD_VALUE", "b", 'labels.csv:2: field "b" is empty; expected a record id.'],
    [[{ a: "1", b: "9", match: "no" }], "CLEANSE_LABELS_UNKNOWN_ID", "b", 'labels.csv:2: field "b" is "9", which no record has as its id.'],
    [[{ a: "2", b: "2", match: "no" }], "CLEANSE_LABELS_BAD_VALUE", "b", 'labels.csv:2: fields "a" and "b" are both "2"; a label pairs two different records.'],
  ])("rejects %j, naming the file, the line and the field", async (rows, code, field, message) => {
    const error = await readLabels(file(rows), { ids }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidLabelsError);
    expect(error).toMatchObject({ code, field, message, location: { file: "labels.csv", line: message.startsWith("labels.csv:1:") ? 1 : Number(/:(\d+):/.exec(message)![1]) } });
  });

  test("rejects a header without a column even when no row follows", async () => {
    await expect(readLabels(file([], { columns: ["left", "right", "match"] }))).rejects.toMatchObject({ code: "CLEANSE_LABELS_MISSING_COLUMN", field: "a" });
  });

  test("checks a and b against the left and the right ids when linking", async () => {
    const options = { ids: new Set(["C1"]), rightIds: new Set(["E1", "C1"]) };
    expect(await readLabels(file([{ a: "C1", b: "C1", match: "no" }]), options)).toEqual([{ a: "C1", b: "C1", match: false }]);
    await expect(readLabels(file([{ a: "E1", b: "C1", match: "no" }]), options)).rejects.toMatchObject({
      code: "CLEANSE_LABELS_UNKNOWN_ID",
      message: 'labels.csv:2: field "a" is "E1", which no left record has as its id.',
    });
  });

  test("rejects a row the reader found broken", async () => {
    const issue: Issue = { code: "ragged_row", rule: "csv", severity: "error", dimension: "validity", message: "Expected 3 fields, found 2; the missing fields are null" };
    const source = file([{ a: "1", b: "2", match: null }], { issues: new Map([[0, [issue]]]) });
    await expect(readLabels(source)).rejects.toMatchObject({ code: "CLEANSE_LABELS_BAD_VALUE", message: "labels.csv:2: Expected 3 fields, found 2; the missing fields are null; expected a,b,match." });
  });

  test("names the record when the source has no lines", async () => {
    await expect(readLabels(toRecordSource([{ a: "1", b: "2", match: "y" }], { name: "labels" }))).rejects.toMatchObject({
      message: 'labels, record 1: field "match" is "y"; expected yes or no.',
      location: { file: "labels", record: 1 },
    });
  });
});
