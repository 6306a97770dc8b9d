import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { ruleCatalog } from "../ruleCatalog/ruleCatalog.ts";
import { ruleFileJsonSchema } from "./ruleFileJsonSchema.ts";

const shipped = join(import.meta.dirname, "..", "..", "schema", "rules.schema.json");

describe("ruleFileJsonSchema", () => {
  test("the shipped schema/rules.schema.json is up to date (regenerate with packages/rules/scripts/write-schema.mjs)", () => {
    expect(JSON.parse(readFileSync(shipped, "utf8"))).toEqual(ruleFileJsonSchema());
  });

  test("describes every built-in rule, so editors can complete rule names", () => {
    const text = JSON.stringify(ruleFileJsonSchema());
    for (const group of ruleCatalog) for (const rule of group.rules) expect(text).toContain(`"${rule.name}"`);
    expect(ruleFileJsonSchema()).toMatchObject({ title: "Cleanse rule file", type: "object", additionalProperties: false });
  });
});
