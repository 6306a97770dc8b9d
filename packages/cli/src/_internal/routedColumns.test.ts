import { createMemorySink, toRecordSource, type DataRecord, type RecordEnvelope, type RecordSource } from "@cleanse/core";
import { describe, expect, test } from "vitest";
import { createRoutedColumns } from "./routedColumns.ts";

/** A source that knows its columns, as a CSV source does once its header is read. */
const source = (columns: readonly string[]): RecordSource => Object.assign(toRecordSource([]), { columns: () => columns });
const envelope = (record: DataRecord): RecordEnvelope => ({
  record,
  seq: 0,
  location: { file: "in.csv", line: 2, record: 1 },
  issues: [],
  changed: undefined,
  mergedInto: undefined,
  status: "quarantine",
});

describe("createRoutedColumns", () => {
  test("leaves out the _extra of a ragged row from the columns of an empty output", async () => {
    const routed = createRoutedColumns(source(["id", "name"]));
    const record = { id: "1", name: "x", _extra: ["y"] };
    await routed.watch(createMemorySink()).write(record, envelope(record));
    expect(routed.columns("clean")()).toEqual(["id", "name"]);
    expect(routed.columns("quarantine")()).toEqual(["id", "name", "_reasons", "_record"]);
  });

  test("keeps a column of the source named _extra", async () => {
    const routed = createRoutedColumns(source(["id", "_extra"]));
    const record = { id: "1", _extra: "mine" };
    await routed.watch(createMemorySink()).write(record, envelope(record));
    expect(routed.columns("clean")()).toEqual(["id", "_extra"]);
    expect(routed.columns("quarantine")()).toEqual(["id", "_extra", "_reasons", "_record"]);
  });
});
