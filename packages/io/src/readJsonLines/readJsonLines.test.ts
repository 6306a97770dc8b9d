import { Readable } from "node:stream";
import type { DataRecord, Issue } from "@cleanse/core";
import fc from "fast-check";
import iconv from "iconv-lite";
import { describe, expect, test } from "vitest";
import { readJsonLines, type ReadJsonLinesOptions } from "./readJsonLines.ts";

async function read(input: Parameters<typeof readJsonLines>[0], options: ReadJsonLinesOptions = {}) {
  const out = { records: [] as DataRecord[], lines: [] as number[], issues: [] as [number, Issue][] };
  for await (const batch of readJsonLines(input, options).batches()) {
    batch.issues?.forEach((list, i) => list.forEach((issue) => out.issues.push([out.records.length + i, issue])));
    out.records.push(...batch.records);
    out.lines.push(...(batch.lines ?? []));
  }
  return out;
}

const text = (s: string) => Buffer.from(s, "utf8");

describe("readJsonLines", () => {
  test("reads one object per line, skipping blank lines but counting them", async () => {
    const r = await read(text('{"id":1,"tags":["a"]}\n\n  \r\n{"id":2,"name":"张伟"}\r\n{"id":3}'));
    expect(r.records).toEqual([{ id: 1, tags: ["a"] }, { id: 2, name: "张伟" }, { id: 3 }]);
    expect(r.lines).toEqual([1, 4, 5]);
    expect(r.issues).toEqual([]);
  });

  test("keeps a malformed line as _raw with an invalid_json error at its line and column", async () => {
    const r = await read(text('{"id":1}\n{"id":2,"name":}\n{"id":3}\n'));
    expect(r.records).toEqual([{ id: 1 }, { _raw: '{"id":2,"name":}' }, { id: 3 }]);
    expect(r.issues).toEqual([
      [
        1,
        {
          code: "invalid_json",
          rule: "json",
          severity: "error",
          dimension: "validity",
          message: 'Invalid JSON at column 16: unexpected "}"',
          location: { file: "input", line: 2, column: 16 },
        },
      ],
    ]);
  });

  test.each([
    ['{"a":1', "Invalid JSON at column 7: unexpected end of input"],
    ["{oops}", 'Invalid JSON at column 2: unexpected "o"'],
    ["[1,2]", "Expected a JSON object, found an array"],
    ["42", "Expected a JSON object, found a number"],
    ["null", "Expected a JSON object, found null"],
    ['"text"', "Expected a JSON object, found a string"],
  ])("keeps %j as _raw: %s", async (line, message) => {
    const r = await read(text(`${line}\n`));
    expect(r.records).toEqual([{ _raw: line }]);
    expect(r.issues.map(([, issue]) => issue.message)).toEqual([message]);
  });

  test("reports invalid bytes on the record holding them", async () => {
    const bytes = Buffer.concat([text('{"a":"x"}\n{"a":"'), Buffer.from([0xff]), text('"}\n')]);
    const r = await read(bytes, { encoding: "utf-8" });
    expect(r.records).toEqual([{ a: "x" }, { a: "\ufffd" }]);
    expect(r.issues.map(([i, issue]) => [i, issue.code, issue.location])).toEqual([[1, "invalid_encoding", { file: "input", line: 2, byteOffset: 16 }]]);
    await expect(read(bytes, { encoding: "utf-8", invalidBytes: "error" })).rejects.toMatchObject({ code: "CLEANSE_INVALID_ENCODING" });
  });

  test("reads other encodings and drops a BOM", async () => {
    expect((await read(iconv.encode('{"姓名":"张伟","城市":"北京市朝阳区"}\n', "gbk"))).records).toEqual([{ 姓名: "张伟", 城市: "北京市朝阳区" }]);
    expect((await read(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), text('{"a":1}\n')]))).records).toEqual([{ a: 1 }]);
  });

  test("gives the same records whatever the chunk boundaries", async () => {
    const bytes = text('{"a":"张伟"}\r\n\n{"b":[1,2]}\n{bad\n{"c":"😀"}');
    const whole = await read(bytes);
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(fc.integer({ min: 1, max: bytes.length - 1 }), { maxLength: 10 }), async (cuts) => {
        const points = [0, ...cuts.sort((a, b) => a - b), bytes.length];
        expect(await read(Readable.from(points.slice(1).map((p, i) => bytes.subarray(points[i], p))))).toEqual(whole);
      }),
      { numRuns: 100 },
    );
  });

  test("fingerprints the input as jsonl", async () => {
    const source = readJsonLines(text('{"a":1}\n{"a":2}\n'), { name: "events" });
    for await (const _batch of source.batches());
    expect(source.fingerprint()).toMatchObject({ name: "events", format: "jsonl", encoding: "utf-8", bytes: 16, records: 2 });
    expect(source.progress()).toEqual({ bytesRead: 16, bytesTotal: 16 });
  });

  test("flags a UTF-8 line after GBK lines, and warns about an uncertain encoding", async () => {
    const gbk = iconv.encode(Array.from({ length: 50 }, (_, i) => `{"id":${i},"city":"北京市朝阳区"}\n`).join(""), "gbk");
    const bytes = Buffer.concat([gbk, text('{"id":50,"name":"张伟"}\n')]);
    const r = await read(bytes);
    expect(r.issues.map(([i, issue]) => `${i}:${issue.code}:${issue.location?.line}`)).toEqual(["50:mixed_encoding:51"]);
    const stray = readJsonLines(Buffer.concat([text('{"a":"x'), Buffer.of(0xff), text('"}\n')]));
    for await (const batch of stray.batches()) expect(batch.issues?.get(0)?.[0]?.code).toBe("invalid_encoding");
    expect(stray.fingerprint().encoding).toBe("utf-8");
    expect(stray.warnings()).toHaveLength(1);
    expect(stray.warnings()[0]).toContain("The encoding of input is uncertain");
  });
});
