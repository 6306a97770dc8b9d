import { describe, expect, test } from "vitest";
import { z } from "zod";
import { parseConfigText } from "../parseConfigText/parseConfigText.ts";
import { configError, ConfigValidationError, validateConfig } from "./validateConfig.ts";

const jobSchema = z.strictObject({
  name: z.string(),
  source: z.strictObject({ path: z.string(), encoding: z.string().optional() }),
  threshold: z.number().min(0).max(1).optional(),
  mode: z.enum(["strict", "lenient"]).optional(),
});

function errorOf(fn: () => unknown): ConfigValidationError {
  try {
    fn();
  } catch (error) {
    return error as ConfigValidationError;
  }
  throw new Error("expected an error");
}

describe("validateConfig", () => {
  test("returns the typed value when the document is valid", () => {
    const doc = parseConfigText("name: demo\nsource:\n  path: a.csv\n", { file: "job.yaml" });
    expect(validateConfig(doc, jobSchema)).toEqual({ name: "demo", source: { path: "a.csv" } });
  });

  test("points at a misspelt key and suggests the nearest one", () => {
    const doc = parseConfigText("name: demo\nsource:\n  path: a.csv\n  encodng: gbk\n", { file: "job.yaml" });
    const error = errorOf(() => validateConfig(doc, jobSchema));
    expect(error.code).toBe("CLEANSE_CONFIG_INVALID");
    expect(error.location).toEqual({ file: "job.yaml", line: 4, column: 3 });
    expect(error.message).toMatchInlineSnapshot(`
      "job.yaml has a problem:
        job.yaml:4:3: unknown key "encodng" (did you mean "encoding"?)"
    `);
  });

  test("reports every problem in file order: wrong type, missing key, bad enum value", () => {
    const doc = parseConfigText("name: 3\nthreshold: high\nmode: strikt\n", { file: "job.yaml" });
    const error = errorOf(() => validateConfig(doc, jobSchema));
    expect(error.message).toMatchInlineSnapshot(`
      "job.yaml has 4 problems:
        job.yaml:1:1: missing required key "source"
        job.yaml:1:7: expected string, received number 3
        job.yaml:2:12: expected number, received "high"
        job.yaml:3:7: "strikt" is not allowed here (did you mean "strict"?); expected one of: strict, lenient"
    `);
  });

  test("reports range errors at the value", () => {
    const doc = parseConfigText('{"name": "x", "source": {"path": "a"}, "threshold": 2}', { file: "job.json", format: "json" });
    const error = errorOf(() => validateConfig(doc, jobSchema));
    expect(error.problems[0]?.location).toEqual({ file: "job.json", line: 1, column: 53 });
    expect(error.problems[0]?.message).toMatch(/<=\s*1/);
  });

  test("validates a sub-tree with `at`", () => {
    const doc = parseConfigText("steps:\n  - x: 1\n", { file: "job.yaml" });
    const error = errorOf(() => validateConfig(doc, z.strictObject({ y: z.number() }), { at: ["steps", 0] }));
    expect(error.message).toContain('job.yaml:2:5: unknown key "x"');
  });

  test("configError points at a node", () => {
    const doc = parseConfigText("fields:\n  email: [emial]\n", { file: "rules.yaml" });
    const error = configError(doc, ["fields", "email", 0], 'unknown rule "emial" (did you mean "email"?)');
    expect(error.location).toEqual({ file: "rules.yaml", line: 2, column: 11 });
  });
});

describe("parseConfigText", () => {
  test("throws a syntax error with line and column", () => {
    const error = errorOf(() => parseConfigText("a: [1, 2\nb: 3\n", { file: "bad.yaml" }));
    expect(error.code).toBe("CLEANSE_CONFIG_SYNTAX");
    expect(error.location?.file).toBe("bad.yaml");
    expect(error.location?.line).toBeGreaterThanOrEqual(1);
    expect(error.message).toMatch(/^Cannot parse bad\.yaml:\nbad\.yaml:\d+:\d+: /);
  });

  test("rejects duplicate keys", () => {
    const error = errorOf(() => parseConfigText("a: 1\na: 2\n", { file: "dup.yaml" }));
    expect(error.message).toContain("dup.yaml:2:1");
  });

  test("locates keys and values in nested lists", () => {
    const doc = parseConfigText("steps:\n  - standardize:\n      phone: digits\n", { file: "j.yaml" });
    expect(doc.locate(["steps", 0, "standardize", "phone"])).toEqual({ file: "j.yaml", line: 3, column: 14 });
    expect(doc.locate(["steps", 0, "standardize", "phone"], { key: true })).toEqual({ file: "j.yaml", line: 3, column: 7 });
    expect(doc.locate(["steps", 5])).toEqual({ file: "j.yaml", line: 2, column: 3 });
  });
});
