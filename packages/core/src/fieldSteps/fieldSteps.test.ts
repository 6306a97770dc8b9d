import { describe, expect, test } from "vitest";
import { collect } from "../collect/collect.ts";
import { processRecords } from "../processRecords/processRecords.ts";
import { dropFields, renameFields, selectFields } from "./fieldSteps.ts";

describe("field steps", () => {
  test("renameFields renames and keeps order and other fields", async () => {
    const out = await collect(processRecords([{ 客户编号: "C1", name: "Li" }], [renameFields({ 客户编号: "customer_id" })]));
    expect(Object.entries(out[0]!.record)).toEqual([["customer_id", "C1"], ["name", "Li"]]);
  });
  test("selectFields keeps the named fields in order and fills missing ones with null", async () => {
    const out = await collect(processRecords([{ a: 1, b: 2, c: 3 }], [selectFields(["c", "a", "z"])]));
    expect(out[0]!.record).toEqual({ c: 3, a: 1, z: null });
  });
  test("dropFields removes the named fields and never mutates the input", async () => {
    const input = { a: 1, b: 2 };
    const out = await collect(processRecords([input], [dropFields(["b"])]));
    expect(out[0]!.record).toEqual({ a: 1 });
    expect(input).toEqual({ a: 1, b: 2 });
  });
});
