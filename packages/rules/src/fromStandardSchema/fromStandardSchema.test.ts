import * as v from "valibot";
import { describe, expect, test } from "vitest";
import { z } from "zod";
import { compileRules } from "../compileRules/compileRules.ts";
import { fromStandardSchema } from "./fromStandardSchema.ts";

describe("fromStandardSchema", () => {
  test("a zod schema validates a field", () => {
    const checker = compileRules({ fields: { email: [fromStandardSchema(z.email())] } });
    expect(checker.check({ email: "a@b.com" })).toEqual([]);
    expect(checker.check({ email: "" })).toEqual([]);
    expect(checker.check({ email: "nope" })[0]).toMatchObject({ rule: "schema", field: "email", value: "nope", message: "Invalid email address" });
  });

  test("a valibot object schema validates whole records and maps issue paths to fields", () => {
    const schema = v.object({ age: v.pipe(v.number(), v.minValue(18)), name: v.string() });
    const checker = compileRules({ records: [fromStandardSchema(schema, { name: "customer-shape", severity: "warning" })] });
    expect(checker.check({ age: 30, name: "Ann" })).toEqual([]);
    const issues = checker.check({ age: 12, name: 5 });
    expect(issues.map((i) => [i.rule, i.field, i.severity, i.value])).toEqual([
      ["customer-shape", "age", "warning", 12],
      ["customer-shape", "name", "warning", 5],
    ]);
  });

  test("reports nested paths inside the field", () => {
    const checker = compileRules({ records: [fromStandardSchema(z.object({ address: z.object({ zip: z.string() }) }))] });
    expect(checker.check({ address: { zip: 1 } })[0]?.message).toBe("Invalid input: expected string, received number (at zip)");
  });

  test("refuses asynchronous validation with a clear error", () => {
    const rule = fromStandardSchema(z.string().refine(async () => true));
    const checker = compileRules({ fields: { a: [rule] } });
    expect(() => checker.check({ a: "x" })).toThrow(/validates asynchronously; rules must be synchronous/);
  });

  test("refuses things that are not Standard Schemas", () => {
    expect(() => fromStandardSchema({} as never)).toThrow(/expected a Standard Schema v1 validator/);
  });
});
