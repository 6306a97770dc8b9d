import { describe, expect, test } from "vitest";
import { z } from "zod";
import { parseConfigText } from "../parseConfigText/parseConfigText.ts";
import type { ConfigValidationError } from "../ConfigValidationError/ConfigValidationError.ts";
import { configError, validateConfig } from "./validateConfig.ts";

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

describe("validateConfig with unions", () => {
  const kinds = ["date", "phone", "text"] as const;
  const spec = z.union([
    z.enum(kinds),
    z.strictObject({ date: z.strictObject({ order: z.enum(["dmy", "mdy"]).optional() }).nullable() }),
    z.strictObject({ phone: z.strictObject({ region: z.string().length(2).optional(), format: z.enum(["E.164", "digits"]).optional() }).nullable() }),
    z.strictObject({ text: z.strictObject({ trim: z.boolean().optional() }).nullable() }),
  ]);
  const step = z.strictObject({ standardize: z.record(z.string(), z.union([spec, z.array(spec).min(1)])) });
  const problems = (yaml: string) => errorOf(() => validateConfig(parseConfigText(yaml, { file: "job.yaml" }), step)).message;

  test("a misspelt form name in a mapping gets a suggestion at its key, not 'does not match any allowed form'", () => {
    expect(problems("standardize:\n  phone: { phon: {} }\n")).toMatchInlineSnapshot(`
      "job.yaml has a problem:
        job.yaml:2:12: unknown key "phon" (did you mean "phone"?)"
    `);
  });

  test("reports the problems of the form the value fits best, nested keys at their own line and column", () => {
    expect(problems("standardize:\n  phone:\n    phone:\n      regon: CN\n      format: digts\n  born: { date: { order: ymd } }\n"))
      .toMatchInlineSnapshot(`
        "job.yaml has 3 problems:
          job.yaml:4:7: unknown key "regon" (did you mean "region"?)
          job.yaml:5:15: "digts" is not allowed here (did you mean "digits"?); expected one of: E.164, digits
          job.yaml:6:26: "ymd" is not allowed here; expected one of: dmy, mdy"
      `);
  });

  test("a misspelt name among the bare names, and inside a list of forms", () => {
    expect(problems("standardize:\n  phone: phon\n  name: [text, { txt: null }]\n")).toMatchInlineSnapshot(`
      "job.yaml has 2 problems:
        job.yaml:2:10: "phon" is not allowed here (did you mean "phone"?); expected one of: date, phone, text
        job.yaml:3:18: unknown key "txt" (did you mean "text"?)"
    `);
  });

  test("two forms in one mapping are named as such", () => {
    expect(problems("standardize:\n  phone: { phone: null, date: null }\n")).toMatchInlineSnapshot(`
      "job.yaml has a problem:
        job.yaml:2:25: "date" cannot be used together with "phone"; each belongs to a different form"
    `);
  });

  test("a value of a type no form has still says so", () => {
    expect(problems("standardize:\n  phone: 3\n")).toMatchInlineSnapshot(`
      "job.yaml has a problem:
        job.yaml:2:10: number 3 does not match any allowed form"
    `);
  });

  test("a misspelt required key is one problem, not also a missing key", () => {
    const doc = parseConfigText("name: demo\nsource: { pth: a.csv }\n", { file: "job.yaml" });
    const error = errorOf(() => validateConfig(doc, jobSchema));
    expect(error.problems).toEqual([
      { code: "unknown_key", path: ["source", "pth"], location: { file: "job.yaml", line: 2, column: 11 }, message: 'unknown key "pth" (did you mean "path"?)' },
    ]);
  });

  test("every problem carries a code", () => {
    const doc = parseConfigText("name: 3\nthreshold: 2\nmode: strikt\nextra: 1\n", { file: "job.yaml" });
    expect(errorOf(() => validateConfig(doc, jobSchema)).problems.map((p) => p.code)).toEqual([
      "missing_key",
      "invalid_type",
      "too_big",
      "invalid_value",
      "unknown_key",
    ]);
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
