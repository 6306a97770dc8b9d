import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DataRecord, RecordEnvelope } from "@cleanse/core";
import iconv from "iconv-lite";
import { afterAll, describe, expect, test } from "vitest";
import { readJsonLines } from "../readJsonLines/readJsonLines.ts";
import { writeJsonLines } from "./writeJsonLines.ts";

const root = mkdtempSync(join(tmpdir(), "cleanse-io-jsonl-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const none = undefined as unknown as RecordEnvelope;

describe("writeJsonLines", () => {
  test("writes one JSON object per line and reads back the same records", async () => {
    const file = join(mkdtempSync(join(root, "t-")), "out.jsonl");
    const records: DataRecord[] = [{ id: 1, name: "张伟", tags: ["a"] }, { id: 2, _reasons: "email: not an email", big: 10n }, {}];
    const sink = writeJsonLines(file);
    for (const r of records) await sink.write(r, none);
    await sink.close();
    expect(readFileSync(file, "utf8")).toBe('{"id":1,"name":"张伟","tags":["a"]}\n{"id":2,"_reasons":"email: not an email","big":"10"}\n{}\n');
    const back: DataRecord[] = [];
    for await (const batch of readJsonLines(file).batches()) back.push(...batch.records);
    expect(back).toEqual([records[0], { ...records[1], big: "10" }, {}]);
  });

  test("writes another encoding when asked", async () => {
    const file = join(mkdtempSync(join(root, "t-")), "out.jsonl");
    const sink = writeJsonLines(file, { encoding: "gbk" });
    await sink.write({ 城市: "北京" }, none);
    await sink.close();
    expect(iconv.decode(readFileSync(file), "gbk")).toBe('{"城市":"北京"}\n');
  });

  test("is atomic: abort keeps the previous file and leaves no temporary file", async () => {
    const dir = mkdtempSync(join(root, "t-"));
    const file = join(dir, "out.jsonl");
    writeFileSync(file, "previous\n");
    const sink = writeJsonLines(file);
    for (let i = 0; i < 10000; i++) await sink.write({ i, pad: "x".repeat(40) }, none);
    await sink.abort?.();
    expect(readdirSync(dir)).toEqual(["out.jsonl"]);
    expect(readFileSync(file, "utf8")).toBe("previous\n");
  });

  test("throws a DataError for a record that cannot be JSON", async () => {
    const sink = writeJsonLines(join(mkdtempSync(join(root, "t-")), "out.jsonl"));
    const circular: DataRecord = { id: 1 };
    circular.self = circular;
    expect(() => sink.write(circular, none)).toThrow(expect.objectContaining({ code: "CLEANSE_UNSERIALIZABLE" }));
    await sink.abort?.();
  });
});
