import { Readable } from "node:stream";
import type { DataRecord, Issue } from "@cleanse/core";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { readJson } from "./readJson.ts";

async function read(input: Parameters<typeof readJson>[0]) {
  const out = { records: [] as DataRecord[], lines: [] as number[], issues: [] as [number, Issue][] };
  for await (const batch of readJson(input).batches()) {
    batch.issues?.forEach((list, i) => list.forEach((issue) => out.issues.push([out.records.length + i, issue])));
    out.records.push(...batch.records);
    out.lines.push(...(batch.lines ?? []));
  }
  return out;
}

const text = (s: string) => Buffer.from(s, "utf8");

const DOC = `[
  {"id": 1, "name": "Ada", "tags": ["a", "]"]},
  {"id": 2, "note": "braces } and { in \\"strings\\" ], ["},

  {
    "id": 3,
    "nested": {"deep": [[1, 2], {"x": null}]}
  }
]
`;

describe("readJson", () => {
  test("streams the elements of a top-level array with the line where each starts", async () => {
    const r = await read(text(DOC));
    expect(r.records).toEqual([
      { id: 1, name: "Ada", tags: ["a", "]"] },
      { id: 2, note: 'braces } and { in "strings" ], [' },
      { id: 3, nested: { deep: [[1, 2], { x: null }] } },
    ]);
    expect(r.lines).toEqual([2, 3, 5]);
  });

  test("reads an empty array", async () => {
    expect((await read(text(" [ ] \n"))).records).toEqual([]);
  });

  test("keeps an element that is not an object as _raw with an invalid_json error", async () => {
    const r = await read(text('[{"a":1}, 42, "x", [1]]'));
    expect(r.records).toEqual([{ a: 1 }, { _raw: "42" }, { _raw: '"x"' }, { _raw: "[1]" }]);
    expect(r.issues.map(([i, issue]) => [i, issue.code, issue.message])).toEqual([
      [1, "invalid_json", "Expected a JSON object, found a number"],
      [2, "invalid_json", "Expected a JSON object, found a string"],
      [3, "invalid_json", "Expected a JSON object, found an array"],
    ]);
  });

  test.each([
    ['[\n {"a":1},\n {"b":}\n]', "input:3:7: invalid JSON: unexpected \"}\""],
    ['[\n {"a":1},\n]', "input:3:1: a comma before ] is not allowed in JSON"],
    ['[{"a":1},,{"b":2}]', "input:1:10: a value is missing before this comma"],
    ['{"a":1}', 'input:1:1: expected "[" to open an array, found "{"'],
    ['[{"a":1}] x', 'input:1:11: unexpected "x" after the end of the array'],
    ['[{"a":1},\n {"b":2}', "input:2:9: unexpected end of input: the array is not closed"],
    ["", "input:1:1: the input is empty; expected a JSON array"],
  ])("throws a DataError with line and column for %j", async (doc, message) => {
    await expect(read(text(doc))).rejects.toMatchObject({ code: "CLEANSE_JSON_SYNTAX", message });
  });

  test("gives the same records and lines whatever the chunk boundaries", async () => {
    const bytes = text(DOC.replace("Ada", "张伟😀"));
    const whole = await read(bytes);
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(fc.integer({ min: 1, max: bytes.length - 1 }), { maxLength: 12 }), async (cuts) => {
        const points = [0, ...cuts.sort((a, b) => a - b), bytes.length];
        expect(await read(Readable.from(points.slice(1).map((p, i) => bytes.subarray(points[i], p))))).toEqual(whole);
      }),
      { numRuns: 150 },
    );
  });

  test("streams a large array in batches", async () => {
    const count = 3000;
    const doc = `[${Array.from({ length: count }, (_, i) => `\n{"id":${i},"pad":"${"p".repeat(50)}"}`).join(",")}\n]`;
    const source = readJson(text(doc));
    let batches = 0;
    let records = 0;
    for await (const batch of source.batches()) {
      batches++;
      records += batch.records.length;
    }
    expect(records).toBe(count);
    expect(batches).toBeGreaterThan(1);
    expect(source.fingerprint()).toMatchObject({ format: "json", records: count });
  });
});
