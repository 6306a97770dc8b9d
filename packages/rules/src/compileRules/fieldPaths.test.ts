import { processRecords, collect } from "@cleanse/core";
import { describe, expect, test } from "vitest";
import { z } from "zod";
import { createRulesStep } from "../createRulesStep/createRulesStep.ts";
import { fromStandardSchema } from "../fromStandardSchema/fromStandardSchema.ts";
import { parseRules } from "../parseRules/parseRules.ts";
import type { RuleEntry } from "../ruleFileSchema/ruleFileSchema.ts";
import { compileRules } from "./compileRules.ts";

const nested = (city: unknown) => ({ address: { city } });
const fieldsOf = (issues: readonly { readonly rule: string; readonly field?: string }[]) => issues.map((i) => [i.rule, i.field]);

describe("nested field paths", () => {
  test("a rule on address.city checks record.address.city and reports the full path as the field", () => {
    const checker = compileRules({ fields: { "address.city": ["required"] } });
    expect(checker.check(nested("Paris"))).toEqual([]);
    expect(checker.check({ address: {} })).toMatchObject([{ rule: "required", field: "address.city", message: "a value is required" }]);
    expect(checker.check({})).toMatchObject([{ rule: "required", field: "address.city" }]);
    expect(checker.check({ address: "Paris" })).toMatchObject([{ rule: "required", field: "address.city" }]);
  });

  test("a flat field named address.city (a CSV header) wins over the nested path", () => {
    const checker = compileRules({ fields: { "address.city": [{ in: ["Paris"] }] } });
    expect(checker.check({ "address.city": "Paris", address: { city: "Lyon" } })).toEqual([]);
    expect(checker.check({ "address.city": "Lyon", address: { city: "Paris" } })).toMatchObject([{ rule: "in", field: "address.city", value: "Lyon" }]);
  });

  test("works in rule files, YAML keys included", () => {
    const rules = parseRules("fields:\n  customer.address.zip: [required, { regex: '^\\d{5}$' }]\n", { file: "rules.yaml" });
    const checker = compileRules(rules);
    expect(checker.check({ customer: { address: { zip: "75001" } } })).toEqual([]);
    expect(fieldsOf(checker.check({ customer: { address: { zip: "7500" } } }))).toEqual([["regex", "customer.address.zip"]]);
  });

  test.each<[string, RuleEntry, unknown, unknown]>([
    ["required", "required", "Paris", ""],
    ["not_null", "not_null", "", null],
    ["string", "string", "Paris", 12],
    ["type", { type: "string" }, "Paris", 12],
    ["regex", { regex: "^[A-Z]" }, "Paris", "paris"],
    ["like", { like: "P%" }, "Paris", "Lyon"],
    ["in", { in: ["Paris", "Lyon"] }, "Lyon", "Nice"],
    ["not_in", { not_in: ["n/a"] }, "Nice", "n/a"],
    ["length", { length: { max: 5 } }, "Paris", "Marseille"],
    ["range", { range: { min: 0, max: 10 } }, 5, 11],
    ["integer", "integer", 5, 1.5],
    ["email", "email", "a@b.co", "nope"],
    ["date", "date", "2024-01-31", "2024-02-30"],
  ])("%s reads the nested value", (rule, entry, valid, invalid) => {
    const checker = compileRules({ fields: { "address.city": [entry] } });
    expect(checker.check(nested(valid))).toEqual([]);
    expect(fieldsOf(checker.check(nested(invalid)))).toEqual([[rule, "address.city"]]);
  });

  test("more than four rules, when and custom messages on a nested field", () => {
    const checker = compileRules({
      fields: {
        "a.b": ["required", "string", { length: { min: 1 } }, { regex: "^x" }, { not_in: ["xx"] }, { like: "x%" }, { in: { values: ["x", "xy"], when: "a.kind == 'strict'", message: "{field}: {value}" } }],
      },
    });
    expect(checker.check({ a: { b: "xz" } })).toEqual([]);
    expect(checker.check({ a: { b: "xz", kind: "strict" } })).toMatchObject([{ rule: "in", field: "a.b", message: 'a.b: "xz"' }]);
  });

  test("unique over a nested field remembers values in a checker and in the pipeline step", async () => {
    const records = [nested("Paris"), nested("Lyon"), nested("Paris")];
    const checker = compileRules({ fields: { "address.city": ["unique"] } }).createChecker();
    expect(records.map((r) => fieldsOf(checker.check(r)))).toEqual([[], [], [["unique", "address.city"]]]);
    const run = processRecords(records, createRulesStep({ fields: { "address.city": ["unique"] } }, { baseDir: "." }));
    expect((await collect(run)).map((e) => e.issues.map((i) => i.field))).toEqual([[], [], ["address.city"]]);
  });

  test("compound unique, distinct_fields and sum_of_fields read nested fields", () => {
    const checker = compileRules({
      records: [{ unique: ["name.first", "name.last"] }, { distinct_fields: ["phone.home", "phone.work"] }, { sum_of_fields: { fields: ["share.a", "share.b"], equals: 100 } }],
    }).createChecker();
    const ok = { name: { first: "Ann", last: "Lee" }, phone: { home: "1", work: "2" }, share: { a: 40, b: 60 } };
    expect(checker.check(ok)).toEqual([]);
    const bad = { name: { first: "Ann", last: "Lee" }, phone: { home: "1", work: "1" }, share: { a: 40, b: "50" } };
    expect(checker.check(bad).map((i) => [i.rule, i.field, i.message])).toEqual([
      ["unique", undefined, "duplicate combination of name.first, name.last, first seen in record 1"],
      ["distinct_fields", "phone.work", 'phone.work repeats the value of phone.home ("1")'],
      ["sum_of_fields", undefined, "share.a + share.b = 90, expected 100"],
    ]);
  });

  test("checks and when conditions read nested fields, written plainly or in backticks", () => {
    const checker = compileRules({
      checks: [
        { name: "ship-after-order", assert: "order.shipped >= order.placed" },
        { name: "city-known", when: "`address.country` == 'FR'", assert: "address.city in ['Paris', 'Lyon']" },
      ],
    });
    expect(checker.check({ order: { placed: "2024-01-02", shipped: "2024-01-03" }, address: { country: "FR", city: "Paris" } })).toEqual([]);
    const issues = checker.check({ order: { placed: "2024-01-02", shipped: "2024-01-01" }, address: { country: "FR", city: "Nice" } });
    expect(issues.map((i) => [i.rule, i.field, i.message])).toEqual([
      ["ship-after-order", undefined, 'ship-after-order failed: order.shipped >= order.placed (order.shipped="2024-01-01", order.placed="2024-01-02")'],
      ["city-known", "address.city", 'city-known failed: address.city in [\'Paris\', \'Lyon\'] (address.city="Nice")'],
    ]);
  });

  test("references look up nested keys on both sides", async () => {
    const customers = [{ ids: { crm: "C1" } }, { ids: { crm: "C2" } }];
    const checker = compileRules({ references: [{ field: "customer.id", in: { records: customers, field: "ids.crm" } }] });
    await checker.prepare();
    expect(checker.check({ customer: { id: "C1" } })).toEqual([]);
    expect(checker.check({ customer: { id: "C9" } })).toMatchObject([{ rule: "reference", field: "customer.id", value: "C9" }]);
  });

  test("dataset rules with a field read nested fields", () => {
    const checker = compileRules({ fields: { "contact.email": [{ null_ratio: { max: 0.4 } }] }, dataset: [{ distinct_count: { field: "address.city", max: 1 } }] }).createChecker();
    for (const r of [{ contact: { email: "a@b.co" }, ...nested("Paris") }, { contact: {}, ...nested("Lyon") }]) checker.check(r);
    expect(checker.finish().map((i) => [i.rule, i.field, i.message])).toEqual([
      ["null_ratio", "contact.email", "null ratio of contact.email (1/2) is 0.5, expected at most 0.4"],
      ["distinct_count", "address.city", "distinct count of address.city is 2, expected at most 1"],
    ]);
  });

  test("a Standard Schema under a nested field validates its value", () => {
    const checker = compileRules({ fields: { "contact.email": [fromStandardSchema(z.email())] } });
    expect(checker.check({ contact: { email: "a@b.co" } })).toEqual([]);
    expect(checker.check({ contact: { email: "nope" } })).toMatchObject([{ rule: "schema", field: "contact.email", value: "nope" }]);
  });

  test("masks nested pii fields in messages", () => {
    const checker = compileRules({ fields: { "contact.phone": { rules: [{ phone: { region: "CN" } }], pii: true } }, checks: [{ name: "has-name", assert: "name != null" }] });
    const issues = checker.check({ contact: { phone: "12345" } });
    expect(issues.map((i) => i.message).join("\n")).not.toContain("12345");
  });

  test.each(["constructor", "toString", "__proto__", "hasOwnProperty"])("reads only own properties: %s.name is data, never Object.prototype", (name) => {
    const checker = compileRules({ fields: { [`${name}.name`]: ["required"], [`a.${name}`]: ["required"] } });
    expect(fieldsOf(checker.check({ a: {} }))).toEqual([
      ["required", `${name}.name`],
      ["required", `a.${name}`],
    ]);
    const record = JSON.parse(`{"${name}": {"name": "Acme"}, "a": {"${name}": "x"}}`) as Record<string, unknown>;
    expect(checker.check(record)).toEqual([]);
  });

  test("does not walk into arrays or class instances", () => {
    const checker = compileRules({ fields: { "items.0": ["required"], "items.length": ["required"], "at.getTime": ["required"] } });
    expect(fieldsOf(checker.check({ items: ["a"], at: new Date() }))).toEqual([
      ["required", "items.0"],
      ["required", "items.length"],
      ["required", "at.getTime"],
    ]);
  });
});
