import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DataRecord, RecordEnvelope, RecordSink } from "@cleanse/core";
import fc from "fast-check";
import iconv from "iconv-lite";
import { afterAll, describe, expect, test } from "vitest";
import { readCsv } from "../readCsv/readCsv.ts";
import { writeCsv } from "./writeCsv.ts";

const root = mkdtempSync(join(tmpdir(), "cleanse-io-writecsv-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
/** A fresh folder per test, so listings show only that test's files. */
const folder = () => mkdtempSync(join(root, "t-"));

async function writeAll(sink: RecordSink, records: readonly DataRecord[]): Promise<void> {
  for (const record of records) await sink.write(record, undefined as unknown as RecordEnvelope);
  await sink.close();
}

function envelope(record: number, line: number): RecordEnvelope {
  return { record: {}, seq: record - 1, location: { file: "crm.csv", line, record }, issues: [], changed: undefined, mergedInto: undefined, status: "clean" };
}

describe("writeCsv", () => {
  test("writes a header from the first record, then the rows, quoting where needed", async () => {
    const file = join(folder(), "out.csv");
    await writeAll(writeCsv(file), [
      { id: 1, name: "Ada", note: "plain" },
      { id: 2, name: "Smith, John", note: 'say "hi"\nbye' },
    ]);
    expect(readFileSync(file, "utf8")).toBe('id,name,note\n1,Ada,plain\n2,"Smith, John","say ""hi""\nbye"\n');
  });

  test("follows the columns option, leaving missing fields empty", async () => {
    const file = join(folder(), "out.csv");
    await writeAll(writeCsv(file, { columns: ["name", "id", "email"], delimiter: ";", lineEnding: "\r\n" }), [{ id: 1, name: "Ada" }]);
    expect(readFileSync(file, "utf8")).toBe("name;id;email\r\nAda;1;\r\n");
  });

  test("adds an _extra column to quarantine output, for the extra values of ragged rows", async () => {
    const file = join(folder(), "quarantine.csv");
    const quarantined = (record: number): RecordEnvelope => ({ ...envelope(record, record + 1), status: "quarantine" });
    const sink = writeCsv(file);
    await sink.write({ id: "1", name: null, _reasons: "csv-shape: Expected 2 fields, found 1", _record: 1 }, quarantined(1));
    await sink.write({ id: "2", name: "x", _extra: ["y"], _reasons: "csv-shape: Expected 2 fields, found 3", _record: 2 }, quarantined(2));
    await sink.close();
    expect(readFileSync(file, "utf8")).toBe(
      'id,name,_extra,_reasons,_record\n1,,,"csv-shape: Expected 2 fields, found 1",1\n2,x,"[""y""]","csv-shape: Expected 2 fields, found 3",2\n',
    );
  });

  test("turns values into cell text", async () => {
    const file = join(folder(), "out.csv");
    const record = { nothing: null, missing: undefined, n: -12.5, yes: true, big: 12345678901234567890n, when: new Date("2024-01-31T10:00:00Z"), list: [1, "a"], obj: { a: { b: 2n } } };
    await writeAll(writeCsv(file), [record]);
    expect(readFileSync(file, "utf8").split("\n")[1]).toBe(',,-12.5,true,12345678901234567890,2024-01-31T10:00:00.000Z,"[1,""a""]","{""a"":{""b"":""2""}}"');
  });

  test.each([
    ["=SUM(A1:A2)", "'=SUM(A1:A2)"],
    ["+33 1 23", "'+33 1 23"],
    ["-cmd|' /C calc'!A0", "'-cmd|' /C calc'!A0"],
    ["@SUM(1)", "'@SUM(1)"],
    ["\tx", "'\tx"],
    ["\rx", "\"'\rx\""],
    ["-12.5", "-12.5"],
    ["+3", "+3"],
    ["-1e5", "-1e5"],
    ["a=b", "a=b"],
  ])("neutralizes spreadsheet formulas: %j becomes %j", async (value, cell) => {
    const file = join(folder(), "out.csv");
    await writeAll(writeCsv(file, { header: false }), [{ v: value }]);
    expect(readFileSync(file, "utf8")).toBe(`${cell}\n`);
  });

  test("leaves formulas alone with escapeFormulae false", async () => {
    const file = join(folder(), "out.csv");
    await writeAll(writeCsv(file, { escapeFormulae: false, header: false }), [{ v: "=1+1" }]);
    expect(readFileSync(file, "utf8")).toBe("=1+1\n");
  });

  test("writes GBK, and a UTF-8 BOM when asked", async () => {
    const dir = folder();
    await writeAll(writeCsv(join(dir, "gbk.csv"), { encoding: "gbk" }), [{ 姓名: "张伟", 城市: "北京" }]);
    expect(iconv.decode(readFileSync(join(dir, "gbk.csv")), "gbk")).toBe("姓名,城市\n张伟,北京\n");
    await writeAll(writeCsv(join(dir, "bom.csv"), { bom: true }), [{ a: "é" }]);
    expect([...readFileSync(join(dir, "bom.csv")).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  test("refuses a BOM for an encoding without one", () => {
    expect(() => writeCsv(join(folder(), "x.csv"), { encoding: "gbk", bom: true })).toThrow(expect.objectContaining({ code: "CLEANSE_BAD_OPTION" }));
  });

  test("throws instead of writing ? for a character the encoding lacks", async () => {
    const sink = writeCsv(join(folder(), "x.csv"), { encoding: "gbk" });
    await sink.write({ a: "ok?" }, envelope(1, 2));
    expect(() => sink.write({ a: "smile 😀" }, envelope(2, 3))).toThrow(
      expect.objectContaining({ code: "CLEANSE_UNENCODABLE_CHARACTER", message: 'Record 2 (crm.csv:3): "😀" (U+1F600) cannot be written in gbk.' }),
    );
    await sink.abort?.();
  });

  test("throws for a field that is not a column, naming the field and the record", async () => {
    const file = join(folder(), "x.csv");
    const sink = writeCsv(file);
    await sink.write({ id: 1, name: "Ada" }, envelope(1, 2));
    expect(() => sink.write({ id: 2, name: "Grace", email: "g@example.com" }, envelope(2, 3))).toThrow(
      expect.objectContaining({
        code: "CLEANSE_CSV_UNKNOWN_COLUMN",
        message: `Record 2 (crm.csv:3) has a field "email" that is not a column of ${file} (id, name). Give all columns in the columns option, or write JSON Lines for records whose fields vary.`,
      }),
    );
    await sink.abort?.();
  });

  test("writes nothing to the target until close, then leaves no temporary file", async () => {
    const dir = folder();
    const file = join(dir, "out.csv");
    const sink = writeCsv(file);
    for (let i = 0; i < 20000; i++) await sink.write({ id: i, text: "x".repeat(20) }, envelope(i + 1, i + 2));
    expect(existsSync(file)).toBe(false);
    expect(readdirSync(dir).every((f) => f.startsWith(".cleanse-tmp-out.csv-"))).toBe(true);
    await sink.close();
    expect(readdirSync(dir)).toEqual(["out.csv"]);
    expect(readFileSync(file, "utf8").split("\n")).toHaveLength(20002);
  });

  test("abort removes the temporary file and keeps the previous file intact", async () => {
    const dir = folder();
    const file = join(dir, "out.csv");
    writeFileSync(file, "previous\n");
    const sink = writeCsv(file);
    for (let i = 0; i < 20000; i++) await sink.write({ id: i, text: "y".repeat(20) }, envelope(i + 1, i + 2));
    await sink.abort?.(new Error("step failed"));
    expect(readdirSync(dir)).toEqual(["out.csv"]);
    expect(readFileSync(file, "utf8")).toBe("previous\n");
  });

  test("abort before any write leaves no file at all", async () => {
    const dir = folder();
    const sink = writeCsv(join(dir, "out.csv"));
    await sink.abort?.();
    expect(readdirSync(dir)).toEqual([]);
  });

  test("close replaces the previous file", async () => {
    const dir = folder();
    const file = join(dir, "out.csv");
    writeFileSync(file, "previous\n");
    await writeAll(writeCsv(file), [{ a: 1 }]);
    expect(readFileSync(file, "utf8")).toBe("a\n1\n");
  });

  test("writes just the header when no record came, and an empty file without known columns", async () => {
    const dir = folder();
    await writeAll(writeCsv(join(dir, "a.csv"), { columns: ["id", "name"] }), []);
    await writeAll(writeCsv(join(dir, "b.csv")), []);
    expect(readFileSync(join(dir, "a.csv"), "utf8")).toBe("id,name\n");
    expect(readFileSync(join(dir, "b.csv"), "utf8")).toBe("");
  });

  test("writes the header from fallbackColumns when no record came, and ignores them once one did", async () => {
    const dir = folder();
    await writeAll(writeCsv(join(dir, "a.csv"), { fallbackColumns: ["id", "name"] }), []);
    await writeAll(writeCsv(join(dir, "b.csv"), { fallbackColumns: () => ["id"] }), []);
    await writeAll(writeCsv(join(dir, "c.csv"), { fallbackColumns: () => undefined }), []);
    await writeAll(writeCsv(join(dir, "d.csv"), { fallbackColumns: ["x"] }), [{ a: 1 }]);
    expect(readFileSync(join(dir, "a.csv"), "utf8")).toBe("id,name\n");
    expect(readFileSync(join(dir, "b.csv"), "utf8")).toBe("id\n");
    expect(readFileSync(join(dir, "c.csv"), "utf8")).toBe("");
    expect(readFileSync(join(dir, "d.csv"), "utf8")).toBe("a\n1\n");
  });

  test('columns: "union" with no record writes the header from fallbackColumns, and no blank line without them', async () => {
    const dir = folder();
    await writeAll(writeCsv(join(dir, "q.csv"), { columns: "union", fallbackColumns: () => ["id", "_reasons", "_record"] }), []);
    await writeAll(writeCsv(join(dir, "e.csv"), { columns: "union" }), []);
    expect(readFileSync(join(dir, "q.csv"), "utf8")).toBe("id,_reasons,_record\n");
    expect(readFileSync(join(dir, "e.csv"), "utf8")).toBe("");
  });

  test("returns a promise from write when the buffer is full, so callers wait for the disk", async () => {
    const sink = writeCsv(join(folder(), "out.csv"));
    let promises = 0;
    for (let i = 0; i < 5000; i++) {
      const r = sink.write({ id: i, text: "z".repeat(200) }, envelope(i + 1, i + 2));
      if (r instanceof Promise) {
        promises++;
        await r;
      }
    }
    await sink.close();
    expect(promises).toBeGreaterThan(2);
    expect(promises).toBeLessThan(5000);
  });

  test("refuses writes after close", async () => {
    const sink = writeCsv(join(folder(), "out.csv"));
    await sink.close();
    expect(() => sink.write({ a: 1 }, envelope(1, 2))).toThrow(expect.objectContaining({ code: "CLEANSE_SINK_CLOSED" }));
  });

  test('columns: "union" writes every field seen, in order of first appearance, and leaves no spool file', async () => {
    const dir = folder();
    const path = join(dir, "q", "quarantine.csv");
    const sink = writeCsv(path, { columns: "union" });
    await sink.write({ id: 1, _reasons: "r1" }, envelope(1, 2));
    await sink.write({ id: 2, _extra: '["x"]', _reasons: "r2" }, envelope(2, 3));
    await sink.close();
    expect(readFileSync(path, "utf8")).toBe('id,_reasons,_extra\n1,r1,\n2,r2,"[""x""]"\n');
    expect(readdirSync(join(dir, "q"))).toEqual(["quarantine.csv"]);
  });

  test('columns: "union" discards its spool file on abort', async () => {
    const dir = folder();
    const sink = writeCsv(join(dir, "u.csv"), { columns: "union" });
    await sink.write({ a: 1 }, envelope(1, 2));
    await sink.abort?.(new Error("stop"));
    expect(readdirSync(dir)).toEqual([]);
  });

  test("creates a missing folder, as mkdir -p would", async () => {
    const path = join(folder(), "no", "such", "out.csv");
    const sink = writeCsv(path);
    await sink.write({ a: 1 }, envelope(1, 2));
    await sink.close();
    expect(readFileSync(path, "utf8")).toBe("a\n1\n");
  });

  test("reports a folder it cannot create", async () => {
    const blocker = join(folder(), "file");
    writeFileSync(blocker, "");
    const sink = writeCsv(join(blocker, "out.csv"));
    await sink.write({ a: 1 }, envelope(1, 2));
    await expect(sink.close()).rejects.toMatchObject({ code: "CLEANSE_IO" });
  });

  test("round-trips any text through readCsv", async () => {
    const dir = folder();
    const cell = fc.string({ unit: "grapheme", maxLength: 12 });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ a: cell, b: cell, c: cell }), { minLength: 1, maxLength: 8 }), async (records) => {
        const file = join(dir, "round.csv");
        await writeAll(writeCsv(file, { escapeFormulae: false }), records);
        const back: DataRecord[] = [];
        for await (const batch of readCsv(file, { delimiter: "," }).batches()) back.push(...batch.records);
        expect(back).toEqual(records);
      }),
      { numRuns: 60 },
    );
  });
});
