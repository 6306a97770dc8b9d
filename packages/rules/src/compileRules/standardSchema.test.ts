import type { DataRecord } from "@cleanse/core";
import { describe, expect, expectTypeOf, test } from "vitest";
import type { StandardSchemaV1 as OwnStandardSchemaV1 } from "../fromStandardSchema/fromStandardSchema.ts";
import { fromStandardSchema } from "../fromStandardSchema/fromStandardSchema.ts";
import { compileRules } from "./compileRules.ts";

// The Standard Schema v1 interface as the spec (https://standardschema.dev) publishes it, copied verbatim in
// substance, so that the compiled rule set is checked against the spec itself and not only against our copy.
interface StandardSchemaV1<Input = unknown, Output = Input> {
  readonly "~standard": StandardSchemaV1.Props<Input, Output>;
}
declare namespace StandardSchemaV1 {
  interface Props<Input = unknown, Output = Input> {
    readonly version: 1;
    readonly vendor: string;
    readonly validate: (value: unknown) => Result<Output> | Promise<Result<Output>>;
    readonly types?: Types<Input, Output> | undefined;
  }
  type Result<Output> = SuccessResult<Output> | FailureResult;
  interface SuccessResult<Output> {
    readonly value: Output;
    readonly issues?: undefined;
  }
  interface FailureResult {
    readonly issues: ReadonlyArray<Issue>;
  }
  interface Issue {
    readonly message: string;
    readonly path?: ReadonlyArray<PropertyKey | PathSegment> | undefined;
  }
  interface PathSegment {
    readonly key: PropertyKey;
  }
  interface Types<Input = unknown, Output = Input> {
    readonly input: Input;
    readonly output: Output;
  }
  type InferInput<Schema extends StandardSchemaV1> = NonNullable<Schema["~standard"]["types"]>["input"];
  type InferOutput<Schema extends StandardSchemaV1> = NonNullable<Schema["~standard"]["types"]>["output"];
}

/** How a library that accepts any Standard Schema calls it (the spec's own example). */
async function standardValidate<T extends StandardSchemaV1>(schema: T, input: StandardSchemaV1.InferInput<T>): Promise<StandardSchemaV1.InferOutput<T>> {
  let result = schema["~standard"].validate(input);
  if (result instanceof Promise) result = await result;
  if (result.issues) throw new Error(JSON.stringify(result.issues, null, 2));
  return result.value;
}

const rules = compileRules({
  fields: {
    email: ["required", "email"],
    "address.city": ["required"],
    nickname: [{ length: { max: 3 }, severity: "warning" }],
    id: ["unique"],
  },
  checks: [{ name: "ship-after-order", assert: "ship_date >= order_date" }],
});
const valid = { email: "a@b.co", address: { city: "Paris" }, id: 1 };

describe("compiled rule sets as Standard Schemas", () => {
  test("carry the Standard Schema v1 properties", () => {
    expect(rules["~standard"]).toMatchObject({ version: 1, vendor: "cleanse" });
    expect(typeof rules["~standard"].validate).toBe("function");
  });

  test("a valid record comes back as the value, synchronously", () => {
    const result = rules["~standard"].validate(valid);
    expect(result).toEqual({ value: valid });
    expect(result.issues).toBeUndefined();
    expect((result as { value: unknown }).value).toBe(valid);
  });

  test("error findings become issues with the field as path segments, nested paths split", () => {
    const result = rules["~standard"].validate({ email: "nope", address: {}, id: 1 });
    expect(result.issues).toEqual([
      { message: 'expected an email address, received "nope" (Invalid e-mail address "nope": it needs one @ with text on both sides.)', path: ["email"] },
      { message: "a value is required", path: ["address", "city"] },
    ]);
  });

  test("a flat field named address.city keeps its name whole in the path", () => {
    expect(rules["~standard"].validate({ email: "a@b.co", "address.city": "", id: 1 }).issues).toEqual([{ message: 'a value is required, received ""', path: ["address.city"] }]);
  });

  test("a record-level finding without a field has no path", () => {
    const result = rules["~standard"].validate({ ...valid, order_date: "2024-01-02", ship_date: "2024-01-01" });
    expect(result.issues).toEqual([{ message: 'ship-after-order failed: ship_date >= order_date (ship_date="2024-01-01", order_date="2024-01-02")' }]);
  });

  test("warnings neither fail validation nor appear among the issues", () => {
    expect(rules["~standard"].validate({ ...valid, nickname: "Jonathan" })).toEqual({ value: { ...valid, nickname: "Jonathan" } });
    expect(rules["~standard"].validate({ ...valid, email: "nope", nickname: "Jonathan" }).issues?.map((i) => i.path)).toEqual([["email"]]);
  });

  test("validates each value alone: cross-record rules such as unique are not evaluated", () => {
    expect(rules["~standard"].validate(valid).issues).toBeUndefined();
    expect(rules["~standard"].validate(valid).issues).toBeUndefined();
  });

  test.each([null, undefined, 42, "text", [valid]])("a value that is no record (%j) is an issue, never an exception", (value) => {
    const result = rules["~standard"].validate(value);
    expect(result.issues).toHaveLength(1);
    expect(result.issues?.[0]?.message).toMatch(/^expected a record \(an object of field values\), received /);
    expect(result.issues?.[0]?.path).toBeUndefined();
  });

  test("plugs into code written for any Standard Schema", async () => {
    await expect(standardValidate(rules, valid)).resolves.toBe(valid);
    await expect(standardValidate(rules, { ...valid, email: "" })).rejects.toThrow(/"path": \[\s*"email"\s*\]/);
  });

  test("round-trips through fromStandardSchema", () => {
    const wrapped = compileRules({ records: [fromStandardSchema(rules, { name: "customer" })] });
    expect(wrapped.check(valid)).toEqual([]);
    expect(wrapped.check({ ...valid, address: { city: "" } })).toMatchObject([{ rule: "customer", field: "address", message: 'a value is required, received "" (at city)' }]);
  });

  test("type-checks against the Standard Schema v1 interface", () => {
    const spec: StandardSchemaV1<DataRecord> = rules;
    const own: OwnStandardSchemaV1<DataRecord> = rules;
    expect([spec, own]).toHaveLength(2);
    expectTypeOf(rules).toExtend<StandardSchemaV1>();
    expectTypeOf<StandardSchemaV1.InferInput<typeof rules>>().toEqualTypeOf<DataRecord>();
    expectTypeOf<StandardSchemaV1.InferOutput<typeof rules>>().toEqualTypeOf<DataRecord>();
    // Validation is synchronous: the result is never a promise.
    expectTypeOf(rules["~standard"].validate).returns.not.toExtend<Promise<unknown>>();
  });
});
