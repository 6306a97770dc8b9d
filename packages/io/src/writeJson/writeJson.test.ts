import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DataRecord, RecordEnvelope } from "@cleanse/core";
import { afterAll, describe, expect, test } from "vitest";
import { readJson } from "../readJson/readJson.ts";
import { writeJson } from "./writeJson.ts";

const root = mkdtempSync(join(tmpdir(), "cleanse-io-json-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const none = undefined as unknown as RecordEnvelope;

describe("writeJson", () => {
  test("writes a JSON array, one record per line, that readJson reads back", async () => {
    const file = join(mkdtempSync(join(root, "t-")), "out.json");
    const records: DataRecord[] = [{ id: 1, name: "Ada" }, { id: 2, nested: { a: [1, 2] } }];
    const sink = writeJson(file);
    for (const r of records) await sink.write(r, none);
    await sink.close();
    expect(readFileSync(file, "utf8")).toBe('[\n{"id":1,"name":"Ada"},\n{"id":2,"nested":{"a":[1,2]}}\n]\n');
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual(records);
    const back: DataRecord[] = [];
    for await (const batch of readJson(file).batches()) back.push(...batch.records);
    expect(back).toEqual(records);
  });

  test("writes an empty array when no record came", async () => {
    const file = join(mkdtempSync(join(root, "t-")), "out.json");
    const sink = writeJson(file);
    await sink.close();
    expect(readFileSync(file, "utf8")).toBe("[]\n");
  });

  test("leaves nothing behind when aborted", async () => {
    const dir = mkdtempSync(join(root, "t-"));
    const sink = writeJson(join(dir, "out.json"));
    await sink.write({ a: 1 }, none);
    await sink.abort?.();
    expect(readdirSync(dir)).toEqual([]);
  });
});
