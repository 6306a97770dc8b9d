import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import type { StandardizeResult } from "../StandardizeResult/StandardizeResult.ts";
import { mapValues } from "../mapValues/mapValues.ts";
import { loadDictionary } from "./loadDictionary.ts";

const valueOf = (r: StandardizeResult<string, unknown>): string | null | undefined => (r.ok ? r.value : undefined);

const dir = mkdtempSync(join(tmpdir(), "cleanse-dict-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("loadDictionary", () => {
  test("reads a YAML mapping of canonical values to variants", () => {
    const d = loadDictionary({ text: "M: [男, male, Male]\nF:\n  - 女\n  - female\nU: unknown\nX:\n" });
    expect(d).toEqual({ name: "dictionary", entries: { M: ["男", "male", "Male"], F: ["女", "female"], U: ["unknown"], X: [] } });
    expect(valueOf(mapValues("Male", d))).toBe("M");
  });

  test("reads a YAML document with a name and values", () => {
    const d = loadDictionary({ text: "name: status\nvalues:\n  active: [1, yes, true]\n  inactive: [0, no]\n" });
    expect(d.entries).toEqual({ active: ["1", "yes", "true"], inactive: ["0", "no"] });
    expect(valueOf(mapValues(1, d))).toBe("active");
  });

  test("reads JSON, which is YAML", () => {
    expect(loadDictionary({ text: '{"Y": ["yes", "oui"], "N": ["no", "non"]}' }).entries).toEqual({ Y: ["yes", "oui"], N: ["no", "non"] });
  });

  test("reads a CSV with from and to columns, quotes and CRLF", () => {
    const d = loadDictionary({ text: '\ufeffto,from\r\nM,男\r\nM,"male"\r\nF,"fe""male"\r\n\r\n' }, { format: "csv", name: "gender" });
    expect(d).toEqual({ name: "gender", entries: { M: ["男", "male"], F: ['fe"male'] } });
  });

  test("reads files relative to a base folder, the format from the extension", () => {
    writeFileSync(join(dir, "gender.csv"), "value,code\n男,M\n女,F\n");
    writeFileSync(join(dir, "yesno.yml"), "Y: [yes]\n");
    expect(loadDictionary({ path: "gender.csv" }, { baseDir: dir })).toEqual({ name: "gender", entries: { M: ["男"], F: ["女"] } });
    expect(loadDictionary({ path: join(dir, "yesno.yml") }).name).toBe("yesno");
  });

  test.each([
    ["- a\n- b", "yaml"],
    ["M: {a: 1}", "yaml"],
    ["M: [[nested]]", "yaml"],
    ["M: [", "yaml"],
    ["a,b\n1,2", "csv"],
    ["from,to\nx,", "csv"],
    ["", "csv"],
  ] as const)("rejects %j (%s) with CLEANSE_BAD_DICTIONARY", (text, format) => {
    expect(() => loadDictionary({ text }, { format })).toThrow(expect.objectContaining({ code: "CLEANSE_BAD_DICTIONARY" }));
  });

  test("reports a missing file as an IoError", () => {
    expect(() => loadDictionary({ path: "missing.yaml" }, { baseDir: dir })).toThrow(expect.objectContaining({ code: "CLEANSE_IO" }));
  });
});
