import { describe, expect, test } from "vitest";
import { getField, hasField, isInheritedName, setField } from "./fieldAccess.ts";

const INHERITED = [...new Set([...Object.getOwnPropertyNames(Object.prototype), "__proto__"])];

describe("hasField", () => {
  test.each(INHERITED)("says a record without %s has no such field", (name) => {
    expect(hasField({ id: 1 }, name)).toBe(false);
  });

  test("finds a field called __proto__ that JSON.parse made", () => {
    expect(hasField(JSON.parse('{"__proto__":"x"}'), "__proto__")).toBe(true);
  });
});

describe("getField", () => {
  test.each(INHERITED)("reads nothing for an absent %s", (name) => {
    expect(getField({ id: 1 }, name)).toBeUndefined();
  });

  test("reads the record's own value of a field named like an inherited property", () => {
    expect(getField({ constructor: "Acme", toString: "x" }, "constructor")).toBe("Acme");
    expect(getField(JSON.parse('{"__proto__":"p"}'), "__proto__")).toBe("p");
  });
});

describe("setField", () => {
  test("adds a field called __proto__ without touching the prototype", () => {
    const out = {};
    setField(out, "__proto__", { polluted: true });
    expect(Object.keys(out)).toEqual(["__proto__"]);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect((out as { polluted?: unknown }).polluted).toBeUndefined();
  });

  test("adds fields named like inherited properties as own fields, in order", () => {
    const out = {};
    for (const name of INHERITED) setField(out, name, name.length);
    expect(Object.keys(out)).toEqual(INHERITED);
  });
});

describe("isInheritedName", () => {
  test.each(INHERITED)("knows %s", (name) => {
    expect(isInheritedName(name)).toBe(true);
  });

  test("leaves ordinary field names alone", () => {
    expect(isInheritedName("customer_id")).toBe(false);
    expect(isInheritedName("name")).toBe(false);
  });
});
