import { CleanseError, DataError, isCleanseError, type DataRecord } from "@cleanse/core";
import { describe, expect, test } from "vitest";
import { defineRule } from "../defineRule/defineRule.ts";
import { toRuleSet } from "../toRuleSet/toRuleSet.ts";
import { compileRules } from "./compileRules.ts";

describe("compileRules", () => {
  test("checks field rules and returns issues with rule, field, severity and dimension", () => {
    const checker = compileRules(toRuleSet({ fields: { email: ["required", "email"], age: [{ range: { min: 0, max: 150 } }] } }));
    expect(checker.check({ email: "a@example.com", age: 30 })).toEqual([]);
    const issues = checker.check({ email: "nope", age: "200" });
    expect(issues.map((i) => [i.rule, i.field, i.code, i.severity, i.dimension])).toEqual([
      ["email", "email", "invalid_format", "error", "validity"],
      ["range", "age", "out_of_range", "error", "validity"],
    ]);
    expect(issues[1]?.message).toBe('"200" is not between 0 and 150');
  });

  test("lists every rule, so reports show rules with no failures", () => {
    const checker = compileRules({ fields: { id: ["required", "unique"] }, dataset: [{ row_count: { min: 1 } }] });
    expect(checker.rules).toEqual([
      { rule: "required", field: "id", severity: "error", dimension: "completeness", description: expect.any(String) },
      { rule: "unique", field: "id", severity: "error", dimension: "uniqueness", description: expect.any(String) },
      { rule: "row_count", severity: "error", dimension: "completeness", description: expect.any(String) },
    ]);
  });

  test("flags later duplicates at once and lists first occurrences at the end", () => {
    const checker = compileRules({ fields: { id: ["unique"] } }).createChecker();
    const found = ["a", "b", "a", "c", "b", "a"].map((id) => checker.check({ id }).length);
    expect(found).toEqual([0, 0, 1, 0, 1, 1]);
    const end = checker.finish();
    expect(end).toHaveLength(1);
    expect(end[0]?.message).toBe("2 values occur more than once; later occurrences are flagged on their records, the first occurrences are records 1, 2");
  });

  test("applies custom messages, severities and when conditions", () => {
    const checker = compileRules({
      fields: { vat_id: [{ required: null, when: "country == 'CN'", severity: "warning", message: "{field} is needed for {value} customers" }] },
    });
    expect(checker.check({ country: "US" })).toEqual([]);
    const [issue] = checker.check({ country: "CN", vat_id: "" });
    expect(issue?.severity).toBe("warning");
    expect(issue?.message).toBe('vat_id is needed for "" customers');
  });

  test("masks values of pii fields in messages", () => {
    const checker = compileRules({ fields: { phone: { rules: [{ phone: { region: "CN" } }], pii: true } } });
    expect(checker.piiFields).toEqual(["phone"]);
    const [issue] = checker.check({ phone: "12345" });
    expect(issue?.message).toBe('expected a phone number (CN), received "1***5" (Invalid phone number "1***5" (region CN): it has too few digits.)');
  });
});

describe("compileRules check()", () => {
  test("judges each record alone: unique and order rules never remember earlier calls", () => {
    const checker = compileRules({ fields: { id: ["required", "unique"], n: ["increasing"] } });
    expect([1, 2, 3].map(() => checker.check({ id: "a", n: 4 }))).toEqual([[], [], []]);
    expect(checker.check({ id: "a", n: 1 })).toEqual([]);
    expect(checker.check({ id: "" })).toMatchObject([{ rule: "required", field: "id" }]);
  });

  test("says which rules it leaves out: cross-record rules and dataset rules", () => {
    const checker = compileRules({ fields: { id: ["required", "unique"], n: ["increasing"] }, records: [{ unique: ["a", "b"] }], dataset: [{ row_count: { min: 1 } }] });
    expect(checker.crossRecordRules.map((r) => [r.rule, r.field])).toEqual([
      ["unique", "id"],
      ["increasing", "n"],
      ["unique", undefined],
      ["row_count", undefined],
    ]);
  });

  test("does not feed the dataset rules of the run", () => {
    const checker = compileRules({ dataset: [{ row_count: { max: 1 } }] });
    for (let i = 0; i < 3; i++) checker.check({ id: i });
    expect(checker.finish()).toEqual([]);
  });

  test("leaves out custom rules compiled with stateful: true", () => {
    const seen = new Set<unknown>();
    const firstOnly = defineRule({
      name: "first_only",
      compile: () => ({ kind: "value", stateful: true, test: (v) => !seen.has(v) && (seen.add(v), true), message: () => "seen before" }),
    });
    const checker = compileRules(toRuleSet({ fields: { id: [firstOnly] } }));
    expect(checker.crossRecordRules.map((r) => r.rule)).toEqual(["first_only"]);
    expect([checker.check({ id: 1 }), checker.check({ id: 1 })]).toEqual([[], []]);
    expect(seen.size).toBe(0);
  });

  test.each<[string, unknown]>([
    ["null", null],
    ["undefined", undefined],
    ["the number 42", 42],
    ['the string "abc"', "abc"],
    ["the boolean true", true],
    ["an array of 2 items", [{ id: 1 }, { id: 2 }]],
  ])("refuses %s with a DataError (CLEANSE_NOT_A_RECORD) that says what it received", (received, value) => {
    const checker = compileRules({ fields: { id: ["required"] } });
    const error = (() => {
      try {
        checker.check(value as DataRecord);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(DataError);
    expect(error).toBeInstanceOf(CleanseError);
    expect(isCleanseError(error)).toBe(true);
    expect(error).toMatchObject({ code: "CLEANSE_NOT_A_RECORD", name: "DataError" });
    expect((error as Error).message).toContain(`received ${received}.`);
  });

  test("the not-a-record messages say what to do", () => {
    const checker = compileRules({ fields: { id: ["required"] } });
    expect(() => checker.check(null as unknown as DataRecord)).toThrowErrorMatchingInlineSnapshot(
      `[DataError: check() expects a record (an object of field values), received null. Pass one record per call, e.g. { id: 1 }.]`,
    );
    expect(() => checker.check([{ id: 1 }] as unknown as DataRecord)).toThrowErrorMatchingInlineSnapshot(
      `[DataError: check() expects a record (an object of field values), received an array of 1 item. Pass the records one at a time: call it for each item of the array.]`,
    );
    expect(() => checker.createChecker().check("id=1" as unknown as DataRecord)).toThrow(/received the string "id=1"/);
  });

  test("a reference that was not prepared is a typed error, not a crash", () => {
    const checker = compileRules({ references: [{ field: "customer_id", in: { records: [{ id: "C1" }], field: "id" } }] });
    expect(() => checker.check({ customer_id: "C1" })).toThrow(expect.objectContaining({ code: "CLEANSE_NOT_PREPARED" }));
  });
});

describe("compileRules createChecker()", () => {
  test("remembers the records it checks, for unique and order rules", () => {
    const checker = compileRules({ fields: { id: ["unique"], n: ["increasing"] } }).createChecker();
    expect(checker.check({ id: "a", n: 1 })).toEqual([]);
    expect(checker.check({ id: "a", n: 0 }).map((i) => [i.rule, i.message])).toEqual([
      ["unique", 'duplicate value "a", first seen in record 1'],
      ["increasing", "0 is not above the previous value 1"],
    ]);
  });

  test("checkers are independent of each other and of check()", () => {
    const rules = compileRules({ fields: { id: ["unique"] } });
    const one = rules.createChecker();
    const two = rules.createChecker();
    expect(one.check({ id: "a" })).toEqual([]);
    expect(two.check({ id: "a" })).toEqual([]);
    expect(rules.check({ id: "a" })).toEqual([]);
    expect(one.check({ id: "a" })).toHaveLength(1);
    expect(two.finish()).toEqual([]);
    expect(one.finish().map((i) => i.value)).toEqual([[1]]);
  });

  test("reset() forgets every record seen and restarts the record numbers", () => {
    const checker = compileRules({ fields: { id: ["unique"] }, dataset: [{ row_count: { max: 2 } }] }).createChecker();
    for (const id of ["a", "b", "c"]) checker.check({ id });
    expect(checker.finish().map((i) => i.rule)).toEqual(["row_count"]);
    checker.reset();
    expect(checker.check({ id: "a" })).toEqual([]);
    expect(checker.check({ id: "a" })[0]?.message).toBe('duplicate value "a", first seen in record 1');
    expect(checker.finish().map((i) => i.rule)).toEqual(["unique"]);
  });

  test("shares reference keys loaded by prepare()", async () => {
    const rules = compileRules({ references: [{ field: "customer_id", in: { records: [{ id: "C1" }], field: "id" } }] });
    await rules.prepare();
    const checker = rules.createChecker();
    expect(checker.check({ customer_id: "C1" })).toEqual([]);
    expect(checker.check({ customer_id: "C2" })).toMatchObject([{ rule: "reference" }]);
  });
});
