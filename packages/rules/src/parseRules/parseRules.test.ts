import { describe, expect, test } from "vitest";
import { parseRules } from "./parseRules.ts";

function problem(text: string): string {
  try {
    parseRules(text, { file: "rules.yaml", baseDir: "/data" });
  } catch (error) {
    const e = error as Error & { code?: string; stack?: string };
    expect(e.code).toMatch(/^CLEANSE_CONFIG_/);
    return e.message;
  }
  throw new Error("expected the rule file to be refused");
}

describe("parseRules", () => {
  test("reads rules with options, shorthands and common keys", () => {
    const set = parseRules(
      "fields:\n  status: [{ in: [a, b], severity: warning }]\n  email: [{ email: { severity: info, message: 'bad {field}' } }]\n  id: { rules: [required], pii: true, severity: warning }\n",
      { file: "rules.yaml" },
    );
    expect(set.rules.map((r) => [r.id, r.field, r.severity, r.options, r.message, r.location])).toEqual([
      ["in", "status", "warning", { values: ["a", "b"] }, undefined, { file: "rules.yaml", line: 2, column: 12 }],
      ["email", "email", "info", {}, "bad {field}", { file: "rules.yaml", line: 3, column: 11 }],
      ["required", "id", "warning", {}, undefined, { file: "rules.yaml", line: 4, column: 17 }],
    ]);
    expect(set.piiFields).toEqual(["id"]);
  });

  test("suggests the nearest rule name for a typo, at its line and column", () => {
    expect(problem("fields:\n  email: [required, emial]\n")).toMatchInlineSnapshot(`
      "rules.yaml has a problem:
        rules.yaml:2:21: unknown rule "emial" (did you mean "email"?)"
    `);
    expect(problem("fields:\n  email:\n    - { emial: { severity: warning } }\n")).toMatchInlineSnapshot(`
      "rules.yaml has a problem:
        rules.yaml:3:9: unknown rule "emial" (did you mean "email"?)"
    `);
  });

  test("points at an unknown option with a suggestion", () => {
    expect(problem("fields:\n  age: [{ range: { mni: 0, max: 150 } }]\n")).toMatchInlineSnapshot(`
      "rules.yaml has a problem:
        rules.yaml:2:20: unknown key "mni" (did you mean "min"?)"
    `);
  });

  test("refuses a bad option value", () => {
    expect(problem('fields:\n  age: [{ range: { min: "x" } }]\n')).toMatchInlineSnapshot(`
      "rules.yaml has a problem:
        rules.yaml:2:25: "x" is neither a number nor a date (use 2024-01-31, today or today-30d)"
    `);
    expect(problem("fields:\n  age: [{ range: { min: true } }]\n")).toMatchInlineSnapshot(`
      "rules.yaml has a problem:
        rules.yaml:2:25: boolean true does not match any allowed form"
    `);
    expect(problem("fields:\n  age: [{ range: { min: 10, max: 1 } }]\n")).toMatchInlineSnapshot(`
      "rules.yaml has a problem:
        rules.yaml:2:25: min (10) is greater than max (1)"
    `);
    expect(problem("fields:\n  phone: [{ phone: { region: CM1 } }]\n")).toMatchInlineSnapshot(`
      "rules.yaml has a problem:
        rules.yaml:2:30: unknown region "CM1" (did you mean "CM"?); use an ISO 3166 code like CN or US"
    `);
  });

  test("refuses a bad regular expression, naming the engine's limits", () => {
    expect(problem("fields:\n  code: [{ regex: '(a' }]\n")).toMatchInlineSnapshot(`
      "rules.yaml has a problem:
        rules.yaml:2:19: bad regular expression "(a": missing closing ): \`(a\`"
    `);
    expect(problem("fields:\n  code: [{ regex: '^(?!x)' }]\n")).toMatchInlineSnapshot(`
      "rules.yaml has a problem:
        rules.yaml:2:19: bad regular expression "^(?!x)": invalid or unsupported Perl syntax: \`(?!\` (lookahead, lookbehind and backreferences are not supported: rule patterns run on a linear-time engine)"
    `);
  });

  test("places expression errors at their column in the file", () => {
    expect(problem("checks:\n  - name: c1\n    assert: ship_date >= = order_date\n")).toMatchInlineSnapshot(`
      "rules.yaml has a problem:
        rules.yaml:3:26: unexpected "=": expected a value, a field or a function call (column 14 of the expression)"
    `);
    expect(problem("checks:\n  - name: c1\n    assert: \"lenght(name) > 3\"\n")).toMatchInlineSnapshot(`
      "rules.yaml has a problem:
        rules.yaml:3:14: unknown function "lenght"; known functions: len, lower, upper, trim, starts_with, ends_with, contains, matches, date, today, now, days_between, year, month, day, coalesce, if, number, text, abs, round, min, max (column 1 of the expression)"
    `);
    expect(problem("fields:\n  vat: [{ required: null, when: \"country == 'CN\" }]\n")).toMatchInlineSnapshot(`
      "rules.yaml has a problem:
        rules.yaml:2:45: unterminated string: add the closing ' (column 12 of the expression)"
    `);
  });

  test("explains rules in the wrong section, two rules in one item and a missing name", () => {
    expect(problem("dataset:\n  - email\n")).toMatchInlineSnapshot(`
      "rules.yaml has a problem:
        rules.yaml:2:5: rule "email" cannot be used in dataset:; write it under fields:"
    `);
    expect(problem("fields:\n  a: [{ email: null, required: null }]\n")).toMatchInlineSnapshot(`
      "rules.yaml has a problem:
        rules.yaml:2:7: one rule per list item: found email and required; write them as separate items"
    `);
    expect(problem("fields:\n  a: [{ severity: warning }]\n")).toMatchInlineSnapshot(`
      "rules.yaml has a problem:
        rules.yaml:2:7: a rule entry needs a rule name, e.g. { email: { severity: warning } }; found only severity"
    `);
    expect(problem("fields:\n  a: [{ in: 5 }]\n")).toMatchInlineSnapshot(`
      "rules.yaml has a problem:
        rules.yaml:2:13: expected array, received number 5"
    `);
  });

  test("reports every problem of the file at once, in file order", () => {
    expect(problem("fields:\n  a: [emial]\n  b: [{ range: { min: x } }]\nchecks:\n  - name: c\n    assert: a >\n")).toMatchInlineSnapshot(`
      "rules.yaml has 3 problems:
        rules.yaml:2:7: unknown rule "emial" (did you mean "email"?)
        rules.yaml:3:23: "x" is neither a number nor a date (use 2024-01-31, today or today-30d)
        rules.yaml:6:16: the expression ends too early: expected a value, a field or a function call (column 4 of the expression)"
    `);
  });

  test("reports unknown top-level keys and YAML syntax errors", () => {
    expect(problem("feilds:\n  a: [email]\n")).toMatchInlineSnapshot(`
      "rules.yaml has a problem:
        rules.yaml:1:1: unknown key "feilds" (did you mean "fields"?)"
    `);
    expect(problem("fields:\n  a: [email\n")).toMatchInlineSnapshot(`
      "Cannot parse rules.yaml:
      rules.yaml:3:1: Flow sequence in block collection must be sufficiently indented and end with a ]"
    `);
  });
});
