import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { RecordEnvelope } from "@cleanse/core";
import { afterAll, describe, expect, test } from "vitest";
import { openSink } from "./openSink.ts";

const dir = mkdtempSync(join(tmpdir(), "cleanse-io-sink-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const none = undefined as unknown as RecordEnvelope;

describe("openSink", () => {
  test.each([
    ["out.csv", "id,name\n1,Ada\n"],
    ["out.txt", "id,name\n1,Ada\n"],
    ["out.tsv", "id\tname\n1\tAda\n"],
    ["out.jsonl", '{"id":1,"name":"Ada"}\n'],
    ["out.ndjson", '{"id":1,"name":"Ada"}\n'],
    ["out.json", '[\n{"id":1,"name":"Ada"}\n]\n'],
  ])("writes %s in the format its extension names", async (name, content) => {
    const sink = openSink(name, { baseDir: dir });
    await sink.write({ id: 1, name: "Ada" }, none);
    await sink.close();
    expect(readFileSync(join(dir, name), "utf8")).toBe(content);
  });

  test("takes the format and writer options from the spec", async () => {
    const sink = openSink({ path: join(dir, "custom.out"), format: "csv", delimiter: ";", escapeFormulae: false, bom: true });
    await sink.write({ f: "=1+1", g: "x" }, none);
    await sink.close();
    expect(readFileSync(join(dir, "custom.out"), "utf8")).toBe("\ufefff;g\n=1+1;x\n");
  });

  test("passes fallbackColumns to a CSV writer, for the header of an output without records", async () => {
    const sink = openSink({ path: join(dir, "empty.csv"), fallbackColumns: () => ["id", "name"] });
    await sink.close();
    expect(readFileSync(join(dir, "empty.csv"), "utf8")).toBe("id,name\n");
    expect(() => openSink({ path: join(dir, "bad.csv"), fallbackColumns: "id" })).toThrow(expect.objectContaining({ code: "CLEANSE_BAD_OPTION" }));
  });

  test("throws a ConfigError for an unknown extension or option", () => {
    expect(() => openSink("out.xlsx", { baseDir: dir })).toThrow(expect.objectContaining({ code: "CLEANSE_UNKNOWN_FORMAT" }));
    expect(() => openSink({ path: "out.jsonl", delimiter: ";" }, { baseDir: dir })).toThrow(expect.objectContaining({ code: "CLEANSE_BAD_OPTION" }));
  });
});
