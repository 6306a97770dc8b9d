import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DataRecord, RecordSource } from "@cleanse/core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { openSource } from "./openSource.ts";

const dir = mkdtempSync(join(tmpdir(), "cleanse-io-open-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeAll(() => {
  writeFileSync(join(dir, "a.csv"), "id,name\n1,Ada\n");
  writeFileSync(join(dir, "a.txt"), "id;name\n1;Ada\n");
  writeFileSync(join(dir, "a.tsv"), "id\tname\n1\tAda, Lady\n");
  writeFileSync(join(dir, "a.jsonl"), '{"id":"1","name":"Ada"}\n');
  writeFileSync(join(dir, "a.ndjson"), '{"id":"1","name":"Ada"}\n');
  writeFileSync(join(dir, "a.json"), '[{"id":"1","name":"Ada"}]');
  writeFileSync(join(dir, "data.dat"), "id,name\n1,Ada\n");
});

async function records(source: RecordSource): Promise<DataRecord[]> {
  const out: DataRecord[] = [];
  for await (const batch of source.batches()) out.push(...batch.records);
  return out;
}

describe("openSource", () => {
  test.each([
    ["a.csv", "csv"],
    ["a.txt", "csv"],
    ["a.jsonl", "jsonl"],
    ["a.ndjson", "jsonl"],
    ["a.json", "json"],
  ])("reads %s as %s", async (name, format) => {
    const source = openSource(name, { baseDir: dir });
    expect(await records(source)).toEqual([{ id: "1", name: "Ada" }]);
    expect(source.fingerprint?.().format).toBe(format);
  });

  test("reads .tsv with tabs", async () => {
    expect(await records(openSource(join(dir, "a.tsv")))).toEqual([{ id: "1", name: "Ada, Lady" }]);
  });

  test("takes the format and reader options from the spec", async () => {
    const source = openSource({ path: "data.dat", format: "csv", name: "crm", header: false }, { baseDir: dir });
    expect(source.name).toBe("crm");
    expect(await records(source)).toEqual([
      { column1: "id", column2: "name" },
      { column1: "1", column2: "Ada" },
    ]);
  });

  test("throws CLEANSE_FILE_NOT_FOUND naming the path", () => {
    expect(() => openSource("missing.csv", { baseDir: dir })).toThrow(
      expect.objectContaining({ code: "CLEANSE_FILE_NOT_FOUND", message: `File not found: ${join(dir, "missing.csv")}` }),
    );
  });

  test("throws a ConfigError listing the known formats for an unknown extension", () => {
    expect(() => openSource("data.dat", { baseDir: dir })).toThrow(
      expect.objectContaining({
        code: "CLEANSE_UNKNOWN_FORMAT",
        message: `Cannot tell the format of ${join(dir, "data.dat")} from its extension. Known extensions: .csv .txt .tsv .tab .jsonl .ndjson .json; or set format to one of csv, tsv, jsonl, json.`,
      }),
    );
    expect(() => openSource({ path: "a.csv", format: "xlsx" }, { baseDir: dir })).toThrow(expect.objectContaining({ code: "CLEANSE_UNKNOWN_FORMAT" }));
  });

  test("rejects options the reader does not know, or values of the wrong type", () => {
    expect(() => openSource({ path: "a.jsonl", delimiter: ";" }, { baseDir: dir })).toThrow(
      expect.objectContaining({ code: "CLEANSE_BAD_OPTION", message: 'Unknown option "delimiter" for a jsonl source. Known options: name, encoding, strict, invalidBytes, hash.' }),
    );
    expect(() => openSource({ path: "a.csv", header: "yes" }, { baseDir: dir })).toThrow(expect.objectContaining({ code: "CLEANSE_BAD_OPTION" }));
  });
});
