import { createHash } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { AbortedError, type DataRecord, type Issue } from "@cleanse/core";
import fc from "fast-check";
import iconv from "iconv-lite";
import { afterAll, describe, expect, test } from "vitest";
import { UnknownEncodingError } from "../UnknownEncodingError/UnknownEncodingError.ts";
import { readCsv, type ReadCsvOptions } from "./readCsv.ts";

const dir = mkdtempSync(join(tmpdir(), "cleanse-io-readcsv-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Read {
  records: DataRecord[];
  lines: number[];
  issues: { index: number; issue: Issue }[];
}

async function read(input: Parameters<typeof readCsv>[0], options: ReadCsvOptions = {}): Promise<Read> {
  const out: Read = { records: [], lines: [], issues: [] };
  for await (const batch of readCsv(input, options).batches()) {
    batch.issues?.forEach((list, i) => list.forEach((issue) => out.issues.push({ index: out.records.length + i, issue })));
    out.records.push(...batch.records);
    out.lines.push(...(batch.lines ?? []));
  }
  return out;
}

const text = (s: string) => Buffer.from(s, "utf8");
const codes = (r: Read) => r.issues.map(({ index, issue }) => `${index}:${issue.code}`);

describe("readCsv", () => {
  test("reads a header and records whose values stay strings", async () => {
    const r = await read(text("id,name,amount\n1,Ada,12.50\n2,Grace,7\n"));
    expect(r.records).toEqual([
      { id: "1", name: "Ada", amount: "12.50" },
      { id: "2", name: "Grace", amount: "7" },
    ]);
    expect(r.lines).toEqual([2, 3]);
    expect(r.issues).toEqual([]);
  });

  test("handles quotes, escaped quotes and delimiters inside quotes", async () => {
    const r = await read(text('a,b,c\n"x, y","say ""hi""",""\n'));
    expect(r.records).toEqual([{ a: "x, y", b: 'say "hi"', c: "" }]);
  });

  test("keeps line numbers right across embedded newlines", async () => {
    const r = await read(text('id,address\n1,"Main St\nSuite 5\nFloor 2"\n2,plain\n3,"a\r\nb"\n4,x\n'));
    expect(r.records.map((x) => x.address)).toEqual(["Main St\nSuite 5\nFloor 2", "plain", "a\r\nb", "x"]);
    expect(r.lines).toEqual([2, 5, 6, 8]);
  });

  test.each([
    ["LF", "a,b\n1,2\n3,4\n"],
    ["CRLF", "a,b\r\n1,2\r\n3,4\r\n"],
    ["CR", "a,b\r1,2\r3,4\r"],
    ["no final line break", "a,b\n1,2\n3,4"],
  ])("reads %s line endings", async (_name, csv) => {
    const r = await read(text(csv));
    expect(r.records).toEqual([
      { a: "1", b: "2" },
      { a: "3", b: "4" },
    ]);
    expect(r.lines).toEqual([2, 3]);
  });

  test("drops a UTF-8 BOM so the first column name is clean", async () => {
    const r = await read(Buffer.from([0xef, 0xbb, 0xbf, ...text("id,name\n1,Ada\n")]));
    expect(r.records).toEqual([{ id: "1", name: "Ada" }]);
  });

  test.each([
    [",", "a,b,c\n1,2,3\n"],
    [";", "a;b;c\n1;2,5;3\n"],
    ["\t", "a\tb\tc\n1\t2, 3\t4\n"],
    ["|", "a|b|c\n1|2|3\n"],
  ])("detects the delimiter %j", async (delimiter, csv) => {
    const source = readCsv(text(csv));
    const records: DataRecord[] = [];
    for await (const batch of source.batches()) records.push(...batch.records);
    expect(source.delimiter()).toBe(delimiter);
    expect(Object.keys(records[0]!)).toEqual(["a", "b", "c"]);
  });

  test("ignores delimiters inside quotes when detecting", async () => {
    const r = await read(text('name;note\n"Smith, John";"a, b, c"\n"Doe, Jane";x\n'));
    expect(r.records).toEqual([
      { name: "Smith, John", note: "a, b, c" },
      { name: "Doe, Jane", note: "x" },
    ]);
  });

  test("uses the delimiter option", async () => {
    const r = await read(text("a;b\n1,5;2\n"), { delimiter: ";" });
    expect(r.records).toEqual([{ a: "1,5", b: "2" }]);
  });

  test("names columns column1... without a header", async () => {
    const r = await read(text("1,Ada\n2,Grace\n"), { header: false });
    expect(r.records).toEqual([
      { column1: "1", column2: "Ada" },
      { column1: "2", column2: "Grace" },
    ]);
    expect(r.lines).toEqual([1, 2]);
  });

  test("uses explicit columns, reading the first row as data", async () => {
    const r = await read(text("1,Ada\n2,Grace\n"), { columns: ["id", "name"] });
    expect(r.records).toEqual([
      { id: "1", name: "Ada" },
      { id: "2", name: "Grace" },
    ]);
  });

  test("replaces the header row with explicit columns when header is true", async () => {
    const warnings: string[] = [];
    const r = await read(text("ID,Name,Extra\n1,Ada,x\n"), { columns: ["id", "name", "extra"], header: true, onWarning: (w) => warnings.push(w) });
    expect(r.records).toEqual([{ id: "1", name: "Ada", extra: "x" }]);
    expect(warnings).toEqual([]);
  });

  test("renames header columns with headerMap and warns about names it did not find", async () => {
    const source = readCsv(text("Customer Name,E-mail\nAda,ada@example.com\n"), { headerMap: { "Customer Name": "name", "E-mail": "email", Phone: "phone" } });
    const records: DataRecord[] = [];
    for await (const batch of source.batches()) records.push(...batch.records);
    expect(records).toEqual([{ name: "Ada", email: "ada@example.com" }]);
    expect(source.warnings()).toEqual(['headerMap renames "Phone", but the header has no such column.']);
  });

  test("makes duplicate and empty column names unique, with a warning for each", async () => {
    const source = readCsv(text("id,email,,email,email_2\n1,a,b,c,d\n"));
    const records: DataRecord[] = [];
    for await (const batch of source.batches()) records.push(...batch.records);
    expect(source.columns()).toEqual(["id", "email", "column3", "email_3", "email_2"]);
    expect(records).toEqual([{ id: "1", email: "a", column3: "b", email_3: "c", email_2: "d" }]);
    expect(source.warnings()).toMatchInlineSnapshot(`
      [
        "Column 3 has no name; it is named "column3".",
        "Column name "email" appears more than once; column 4 is named "email_3".",
      ]
    `);
  });

  test("keeps ragged rows in both directions, with their line numbers, as records with issues", async () => {
    const r = await read(text('a,b,c\n1,2,3\n4,5\n6,"7\n7",8,9,10\n11,12,13\n'));
    expect(r.records).toEqual([
      { a: "1", b: "2", c: "3" },
      { a: "4", b: "5", c: null },
      { a: "6", b: "7\n7", c: "8", _extra: ["9", "10"] },
      { a: "11", b: "12", c: "13" },
    ]);
    expect(r.lines).toEqual([2, 3, 4, 6]);
    expect(r.issues.map(({ index, issue }) => [index, issue])).toEqual([
      [1, { code: "ragged_row", rule: "csv-shape", severity: "error", dimension: "validity", message: "Expected 3 fields, found 2; the missing fields are null", location: { file: "input", line: 3 } }],
      [
        2,
        {
          code: "ragged_row",
          rule: "csv-shape",
          severity: "error",
          dimension: "validity",
          message: "Expected 3 fields, found 5; the extra values are kept in _extra",
          location: { file: "input", line: 4 },
        },
      ],
    ]);
  });

  test("counts the expected fields and the header's columns in the singular too", async () => {
    const r = await read(text("a\n1\n2,3\n"));
    expect(r.issues.map(({ issue }) => issue.message)).toEqual(["Expected 1 field, found 2; the extra values are kept in _extra"]);
    const warnings: string[] = [];
    await read(text("ID\n1\n"), { columns: ["id", "name"], header: true, onWarning: (w) => warnings.push(w) });
    expect(warnings).toEqual(["The header row has 1 column but 2 column names were given; the given names are used."]);
    warnings.length = 0;
    await read(text("ID,Name\n1,Ada\n"), { columns: ["id"], header: true, onWarning: (w) => warnings.push(w) });
    expect(warnings).toEqual(["The header row has 2 columns but 1 column name was given; the given names are used."]);
  });

  test("pads short rows with a warning when ragged is pad", async () => {
    const r = await read(text("a,b,c\n1\n2,3,4,5\n"), { ragged: "pad" });
    expect(r.records).toEqual([
      { a: "1", b: "", c: "" },
      { a: "2", b: "3", c: "4", _extra: ["5"] },
    ]);
    expect(r.issues.map(({ issue }) => issue.severity)).toEqual(["warning", "error"]);
  });

  test("throws with file and line when ragged is error", async () => {
    const file = join(dir, "ragged.csv");
    writeFileSync(file, "a,b\n1,2\n3\n");
    await expect(read(file, { ragged: "error" })).rejects.toMatchObject({
      code: "CLEANSE_CSV_RAGGED_ROW",
      message: `${file}:3: Expected 2 fields, found 1.`,
      location: { file, line: 3 },
    });
  });

  test("keeps a column named _extra (a quarantine file read back), and refuses a row whose extra values would overwrite it", async () => {
    const quarantined = await read(text('id,name,_extra,_reasons\n4,Zoë,"[""extra""]",csv-shape: too many fields\n5,Ann,,\n'));
    expect(quarantined.records).toEqual([
      { id: "4", name: "Zoë", _extra: '["extra"]', _reasons: "csv-shape: too many fields" },
      { id: "5", name: "Ann", _extra: "", _reasons: "" },
    ]);
    const file = join(dir, "extra.csv");
    writeFileSync(file, "id,_extra\n1,mine\n2,mine,surplus\n");
    const error = await read(file).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "CLEANSE_RESERVED_FIELD", location: { file, line: 3 } });
    expect((error as Error).message.replace(file, "extra.csv")).toMatchInlineSnapshot(
      `"extra.csv:3: Expected 2 fields, found 3, and the extra values cannot be kept in _extra: the header has a column of that name."`,
    );
    expect((error as { hint?: string }).hint).toMatchInlineSnapshot(`"Fix the row, or rename the _extra column in the file (headerMap: { _extra: source_extra } renames it while reading)."`);
    const renamed = await read(file, { headerMap: { _extra: "source_extra" } });
    expect(renamed.records).toEqual([
      { id: "1", source_extra: "mine" },
      { id: "2", source_extra: "mine", _extra: ["surplus"] },
    ]);
  });

  test("throws at EOF on an unclosed quote, naming the line where it opened", async () => {
    await expect(read(text('a,b\n1,2\n3,"open\n4,5\n6,7\n'))).rejects.toMatchObject({
      code: "CLEANSE_CSV_UNCLOSED_QUOTE",
      message: "input:3:3: a quoted field opened here is never closed.",
      location: { file: "input", line: 3, column: 3 },
    });
  });

  test("keeps a field with text after its closing quote as written, with an issue", async () => {
    const r = await read(text('a,b\n"x"y,2\n3,"z" \n'));
    expect(r.records).toEqual([
      { a: '"x"y', b: "2" },
      { a: "3", b: '"z" ' },
    ]);
    expect(codes(r)).toEqual(["0:invalid_quotes", "1:invalid_quotes"]);
  });

  test("turns empty unquoted cells into null with emptyAs null, but keeps a quoted empty string", async () => {
    const r = await read(text('a,b,c\n,"",x\n'), { emptyAs: null });
    expect(r.records).toEqual([{ a: null, b: "", c: "x" }]);
  });

  test("skips blank lines but counts them", async () => {
    const r = await read(text("\na,b\n\n1,2\r\n\r\n3,4\n\n"));
    expect(r.records).toEqual([
      { a: "1", b: "2" },
      { a: "3", b: "4" },
    ]);
    expect(r.lines).toEqual([4, 6]);
  });

  test("keeps blank lines as empty values in a single-column file", async () => {
    const r = await read(text("name\nAda\n\nGrace\n"));
    expect(r.records).toEqual([{ name: "Ada" }, { name: "" }, { name: "Grace" }]);
  });

  test("reads a column named __proto__ as a plain field", async () => {
    const r = await read(text("__proto__,b\n1,2\n"));
    expect(Object.keys(r.records[0]!)).toEqual(["__proto__", "b"]);
    expect(Object.getPrototypeOf(r.records[0]!)).toBe(Object.prototype);
  });

  test.each([
    ["gbk", "gbk", "客户编号,姓名,城市\n1,张伟,北京市\n2,王芳,上海市\n"],
    ["gb18030", "gb18030", "编号,姓名,备注\n1,张伟,😀\n2,王芳,上海市朝阳区\n"],
    ["big5", "big5", "客戶編號,姓名,城市\n1,陳大文,臺北市\n2,林美玲,高雄市\n"],
    ["shiftjis", "shift_jis", "顧客番号,氏名,住所\n1,田中太郎,東京都千代田区\n2,さとう,大阪府\n"],
    ["windows1252", "windows-1252", "id,name,city\n1,Jürgen Müller,München\n2,François,Besançon\n"],
  ])("detects and reads %s", async (iconvName, expected, csv) => {
    const source = readCsv(iconv.encode(csv, iconvName));
    const records: DataRecord[] = [];
    for await (const batch of source.batches()) records.push(...batch.records);
    expect(records).toEqual((await read(text(csv))).records);
    expect(source.fingerprint().encoding).toBe(expected);
    expect(source.fingerprint().encodingConfidence).toBeGreaterThan(0.3);
  });

  test.each([
    ["utf-16le with BOM", Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode("id,名前\n1,田中\n", "utf16le")])],
    ["utf-16le without BOM", iconv.encode("id,名前\n1,田中\n", "utf16le")],
    ["utf-16be with BOM", Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode("id,名前\n1,田中\n", "utf16be")])],
    ["utf-16be without BOM", iconv.encode("id,名前\n1,田中\n", "utf16be")],
  ])("detects and reads %s", async (_name, bytes) => {
    expect((await read(bytes)).records).toEqual([{ id: "1", 名前: "田中" }]);
  });

  test("reads an encoding given by name", async () => {
    const r = await read(iconv.encode("a,b\n1,张\n", "gbk"), { encoding: "GB2312" });
    expect(r.records).toEqual([{ a: "1", b: "张" }]);
  });

  test("quarantines a record holding invalid bytes, naming their byte offset", async () => {
    const bytes = Buffer.concat([text("a,b\n1,ok\n2,caf"), Buffer.from([0xe9]), text("\n3,ok\n")]);
    const r = await read(bytes, { encoding: "utf-8" });
    expect(r.records).toEqual([
      { a: "1", b: "ok" },
      { a: "2", b: "caf\ufffd" },
      { a: "3", b: "ok" },
    ]);
    expect(r.issues).toEqual([
      {
        index: 1,
        issue: {
          code: "invalid_encoding",
          rule: "encoding",
          severity: "error",
          dimension: "validity",
          message: "A byte at byte offset 14 is not valid utf-8; replaced by U+FFFD",
          location: { file: "input", line: 3, byteOffset: 14 },
        },
      },
    ]);
  });

  test("throws on invalid bytes when invalidBytes is error, and stays silent with replace", async () => {
    const bytes = Buffer.concat([text("a\n1\n"), Buffer.from([0xff]), text("\n")]);
    await expect(read(bytes, { encoding: "utf-8", invalidBytes: "error" })).rejects.toMatchObject({
      code: "CLEANSE_INVALID_ENCODING",
      location: { line: 3, byteOffset: 4 },
    });
    const r = await read(bytes, { encoding: "utf-8", invalidBytes: "replace" });
    expect(r.records).toEqual([{ a: "1" }, { a: "\ufffd" }]);
    expect(r.issues).toEqual([]);
  });

  test("gives the same records, lines and issues whatever the chunk boundaries", async () => {
    const bytes = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      text('id;name;note\r\n1;张伟;"a;b"\r\n2;"王\r\n芳";"say ""hi"""\r\n3;Zoë\r\n\r\n4;😀;'),
      Buffer.from([0xff]),
      text("x;extra\r\n5;最后;end"),
    ]);
    const whole = await read(bytes);
    expect(whole.records).toHaveLength(5);
    expect(codes(whole)).toEqual(["2:ragged_row", "3:ragged_row", "3:invalid_encoding"]);
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(fc.integer({ min: 1, max: bytes.length - 1 }), { maxLength: 12 }), async (cuts) => {
        const points = [0, ...cuts.sort((a, b) => a - b), bytes.length];
        const chunks = points.slice(1).map((p, i) => bytes.subarray(points[i], p));
        expect(await read(Readable.from(chunks))).toEqual(whole);
      }),
      { numRuns: 200 },
    );
  });

  test("gives the same result when fed one byte at a time", async () => {
    const bytes = iconv.encode('a,b\r\n"x\r\ny",张伟\r\n1,2,3\r\n', "gbk");
    const chunks = Array.from(bytes, (b) => Uint8Array.of(b));
    expect(await read(Readable.from(chunks))).toEqual(await read(bytes));
  });

  test("fingerprints a file: name, path, format, encoding, bytes, sha256 and records", async () => {
    const file = join(dir, "fingerprint.csv");
    const content = iconv.encode("客户编号,姓名\n1,张伟\n2,王芳\n3,李娜\n", "gbk");
    writeFileSync(file, content);
    const source = readCsv(file);
    expect(source.progress()).toEqual({ bytesRead: 0, bytesTotal: content.length });
    for await (const _batch of source.batches());
    expect(source.fingerprint()).toEqual({
      name: "fingerprint.csv",
      path: file,
      format: "csv",
      encoding: "gbk",
      encodingConfidence: expect.any(Number),
      bytes: content.length,
      sha256: createHash("sha256").update(content).digest("hex"),
      records: 3,
    });
    expect(source.progress()).toEqual({ bytesRead: content.length, bytesTotal: content.length });
  });

  test("reads a large file in many chunks, and can read it again", async () => {
    const file = join(dir, "large.csv");
    const row = '1,"Acme, Inc.","12 Main St\nSuite 5",张伟,2024-01-31\n';
    const rows = Math.ceil((9 * 1024 * 1024) / Buffer.byteLength(row));
    const content = Buffer.from(`id,company,address,name,date\n${row.repeat(rows)}`);
    writeFileSync(file, content);
    const source = readCsv(file);
    for (let pass = 0; pass < 2; pass++) {
      let count = 0;
      let lastLine = 0;
      for await (const batch of source.batches()) {
        count += batch.records.length;
        lastLine = batch.lines![batch.lines!.length - 1]!;
      }
      expect(count).toBe(rows);
      expect(lastLine).toBe(2 * rows);
      expect(source.fingerprint().sha256).toBe(createHash("sha256").update(content).digest("hex"));
    }
  });

  test("reads a Web ReadableStream of bytes", async () => {
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(text("a,b\n1,"));
        controller.enqueue(text("2\n"));
        controller.close();
      },
    });
    expect((await read(stream)).records).toEqual([{ a: "1", b: "2" }]);
  });

  test("reads a stream only once", async () => {
    const source = readCsv(Readable.from([text("a\n1\n")]));
    for await (const _batch of source.batches());
    await expect(source.batches()[Symbol.asyncIterator]().next()).rejects.toMatchObject({ code: "CLEANSE_STREAM_CONSUMED" });
  });

  test("refuses a stream of text, whose encoding cannot be detected", async () => {
    await expect(read(Readable.from(["a,b\n1,2\n"]))).rejects.toMatchObject({ code: "CLEANSE_TEXT_STREAM" });
  });

  test("throws CLEANSE_FILE_NOT_FOUND naming the path as soon as it is called", () => {
    const missing = join(dir, "missing.csv");
    expect(() => readCsv(missing)).toThrow(expect.objectContaining({ code: "CLEANSE_FILE_NOT_FOUND", message: `File not found: ${missing}` }));
  });

  test("rejects bad options at once", () => {
    expect(() => readCsv(text("a"), { delimiter: ",," })).toThrow(expect.objectContaining({ code: "CLEANSE_BAD_OPTION" }));
    expect(() => readCsv(text("a"), { ragged: "drop" as never })).toThrow(expect.objectContaining({ code: "CLEANSE_BAD_OPTION" }));
    expect(() => readCsv(text("a"), { encoding: "utf-9" })).toThrow(UnknownEncodingError);
  });

  test("stops on a record larger than maxRecordSize", async () => {
    const chunks = [text('a,b\n1,"'), ...Array.from({ length: 100 }, () => text("x".repeat(1000)))];
    await expect(read(Readable.from(chunks), { maxRecordSize: 1000 })).rejects.toMatchObject({ code: "CLEANSE_CSV_RECORD_TOO_LARGE", location: { line: 2 } });
  });

  test("stops when its signal is aborted", async () => {
    const controller = new AbortController();
    controller.abort();
    const batches = readCsv(text("a\n1\n")).batches(controller.signal);
    await expect(batches[Symbol.asyncIterator]().next()).rejects.toBeInstanceOf(AbortedError);
  });
});

describe("readCsv with mixed or damaged encodings", () => {
  const NAMES = ["张伟", "王芳", "李娜", "刘洋", "陈静", "杨帆", "赵丽", "周杰", "吴涛", "孙红"];
  const gbkRows = Array.from({ length: 100 }, (_, i) => `${i + 1},${NAMES[i % 10]},北京市朝阳区建国路${i}号\n`).join("");
  // Two-character UTF-8 names that decode in GBK without an unmapped byte: 张伟 reads 寮犱紵.
  const utf8Rows = NAMES.map((name, i) => `${101 + i},${name},x\n`).join("");
  const mixed = Buffer.concat([iconv.encode(`id,name,address\n${gbkRows}`, "gbk"), text(utf8Rows)]);

  const readSource = async (input: Parameters<typeof readCsv>[0], options: ReadCsvOptions = {}) => {
    const source = readCsv(input, options);
    const out: Read = { records: [], lines: [], issues: [] };
    for await (const batch of source.batches()) {
      batch.issues?.forEach((list, i) => list.forEach((issue) => out.issues.push({ index: out.records.length + i, issue })));
      out.records.push(...batch.records);
      out.lines.push(...(batch.lines ?? []));
    }
    return { ...out, encoding: source.fingerprint().encoding, warnings: source.warnings() };
  };

  test("quarantines UTF-8 rows that follow GBK rows, with their line and byte offset", async () => {
    const r = await readSource(mixed);
    expect(r.encoding).toBe("gbk");
    expect(r.records).toHaveLength(110);
    expect(r.issues.map(({ index }) => index)).toEqual([100, 101, 102, 103, 104, 105, 106, 107, 108, 109]);
    expect(new Set(r.issues.map(({ issue }) => `${issue.code}/${issue.severity}`))).toEqual(new Set(["mixed_encoding/error"]));
    const firstUtf8 = mixed.indexOf(text("101,"));
    expect(r.issues[0]!.issue.location).toEqual({ file: "input", line: 102, byteOffset: firstUtf8 + 4 });
    expect(r.issues[0]!.issue.message).toMatchInlineSnapshot(
      `"A line (first at byte offset 3102) is valid UTF-8, but the file was detected as gbk; the record was decoded as gbk. Set the encoding option, or convert these lines to gbk"`,
    );
    expect(r.records[0]).toEqual({ id: "1", name: "张伟", address: "北京市朝阳区建国路0号" });
    expect(r.warnings).toEqual([]);
    // An explicit encoding turns the check off.
    const given = await readSource(mixed, { encoding: "gbk" });
    expect(given.issues).toEqual([]);
    expect(given.records[100]).toEqual({ id: "101", name: "寮犱紵", address: "x" });
  });

  test("finds the same UTF-8 rows whatever the chunk boundaries", async () => {
    const whole = await readSource(mixed);
    expect(whole.issues).toHaveLength(10);
    for (const size of [1, 7, 100, 4096]) {
      const chunks = Array.from({ length: Math.ceil(mixed.length / size) }, (_, i) => mixed.subarray(i * size, (i + 1) * size));
      const r = await readSource(Readable.from(chunks));
      expect(r.records, `chunks of ${size}`).toEqual(whole.records);
      expect(r.issues, `chunks of ${size}`).toEqual(whole.issues);
    }
  });

  test("quarantines a UTF-8 row in a file detected as windows-1252", async () => {
    const bytes = Buffer.concat([iconv.encode("id,name\n1,Jürgen Müller\n2,François Dubois\n3,Zoë O'Brien\n", "windows1252"), text("4,José Peña\n")]);
    const r = await readSource(bytes);
    expect(r.encoding).toBe("windows-1252");
    expect(codes(r)).toEqual(["3:mixed_encoding"]);
  });

  test("throws CLEANSE_MIXED_ENCODING for a UTF-8 row with invalidBytes error, and keeps it silently with replace", async () => {
    await expect(readSource(mixed, { invalidBytes: "error" })).rejects.toMatchObject({ code: "CLEANSE_MIXED_ENCODING", location: { line: 102 } });
    expect((await readSource(mixed, { invalidBytes: "replace" })).issues).toEqual([]);
  });

  test("reads a UTF-8 file with one truncated character as UTF-8, flags that record and warns", async () => {
    const bytes = Buffer.concat([text("id,name\n1,José\n2,"), text("中").subarray(0, 2), text("x\n3,Zoë\n")]);
    const r = await readSource(bytes);
    expect(r.encoding).toBe("utf-8");
    expect(r.records).toEqual([{ id: "1", name: "José" }, { id: "2", name: "\ufffdx" }, { id: "3", name: "Zoë" }]);
    expect(codes(r)).toEqual(["1:invalid_encoding"]);
    expect(r.issues[0]!.issue.location).toEqual({ file: "input", line: 3, byteOffset: 18 });
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatch(/^The encoding of input is uncertain: read as utf-8 with confidence 0\.4\d/);
  });

  test("reads an ASCII file with one stray 0xFF byte as UTF-8 and flags that record, not as windows-1252", async () => {
    const bytes = Buffer.concat([text("id,name\n1,Ann\n2,B"), Buffer.of(0xff), text("b\n3,Cy\n")]);
    const r = await readSource(bytes);
    expect(r.encoding).toBe("utf-8");
    expect(codes(r)).toEqual(["1:invalid_encoding"]);
    expect(r.warnings).toMatchInlineSnapshot(`
      [
        "The encoding of input is uncertain: read as utf-8 with confidence 0.05 (next guess windows-1252, 0.05); records with bytes invalid in utf-8 are quarantined. Set the encoding on the source (encoding: "utf-8" or encoding: "windows-1252") to read it without guessing.",
      ]
    `);
  });

  test("throws CLEANSE_ENCODING_UNCERTAIN naming the file with strict, before any record", async () => {
    const path = join(dir, "stray.csv");
    writeFileSync(path, Buffer.concat([text("id,name\n1,Ann\n2,B"), Buffer.of(0xff), text("b\n")]));
    const source = readCsv(path, { strict: true });
    const seen: DataRecord[] = [];
    const run = async () => {
      for await (const batch of source.batches()) seen.push(...batch.records);
    };
    await expect(run()).rejects.toMatchObject({ code: "CLEANSE_ENCODING_UNCERTAIN", encoding: "utf-8", location: { file: path } });
    expect(seen).toEqual([]);
    const confident = await readSource(mixed, { strict: true });
    expect(confident.encoding).toBe("gbk");
  });

  test.each([
    ["gbk", "gbk", `id,name,address\n${gbkRows}`],
    ["windows1252", "windows-1252", "id,name,city\n1,Jürgen Müller,München\n2,François Dubois,Besançon\n3,José Peña,Málaga\n4,Zoë O'Brien,Cork\n"],
  ])("still reads a clean %s file clean, without a warning", async (iconvName, expected, content) => {
    const r = await readSource(iconv.encode(content, iconvName));
    expect(r.encoding).toBe(expected);
    expect(r.issues).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(Object.values(r.records.at(-1)!).join(",")).toBe(content.trimEnd().split("\n").at(-1));
  });
});
