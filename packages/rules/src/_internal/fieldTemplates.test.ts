import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
// @ts-expect-error: a plain ESM script that writes the file under test
import { COPIES, renderTemplates, TARGET } from "../../scripts/write-templates.mjs";
import { FIELD_TEMPLATES, isBlankPresent } from "./fieldTemplates.ts";

describe("fieldTemplates", () => {
  test("is generated (regenerate with packages/rules/scripts/write-templates.mjs)", () => {
    expect(readFileSync(TARGET, "utf8")).toBe(renderTemplates());
    expect(FIELD_TEMPLATES).toHaveLength(COPIES);
  });

  test("every copy behaves the same", () => {
    const isNumber = (v: unknown) => typeof v === "number";
    const issue = (rule: string) => (value: unknown) => ({ code: "x", rule, field: "a", severity: "error" as const, dimension: "validity", message: rule, value });
    for (const template of FIELD_TEMPLATES) {
      const out: { rule: string }[] = [];
      const step = template("a", issue("required"), [isNumber], [issue("number")], undefined);
      for (const a of [1, "x", null, " ", []]) step({ a }, out as never, 0, undefined);
      expect(out.map((i) => i.rule)).toEqual(["number", "required", "required", "number", "required", "number"]);
    }
  });

  test("isBlankPresent", () => {
    expect([" ", "\t", "a", [], [1], 0].map(isBlankPresent)).toEqual([true, true, false, true, false, false]);
  });
});
