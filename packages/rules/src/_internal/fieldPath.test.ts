import { describe, expect, test } from "vitest";
import { fieldPathOf, pathSegments, readField } from "./fieldPath.ts";

describe("readField", () => {
  test("reads a plain name as the record's own property", () => {
    expect(readField({ city: "Paris" }, "city")).toBe("Paris");
    expect(readField({}, "city")).toBeUndefined();
  });

  test("reads a dotted name through nested plain objects", () => {
    expect(readField({ address: { city: "Paris" } }, "address.city")).toBe("Paris");
    expect(readField({ a: { b: { c: 0 } } }, "a.b.c")).toBe(0);
    expect(readField({ a: Object.assign(Object.create(null) as object, { b: 1 }) }, "a.b")).toBe(1);
  });

  test("prefers a flat field of exactly that name, as CSV headers have them", () => {
    expect(readField({ "address.city": "flat", address: { city: "nested" } }, "address.city")).toBe("flat");
  });

  test("a missing step, null or a value that is no plain object ends the path", () => {
    expect(readField({ address: null }, "address.city")).toBeUndefined();
    expect(readField({ address: "Paris" }, "address.length")).toBeUndefined();
    expect(readField({ items: ["a"] }, "items.0")).toBeUndefined();
    expect(readField({ items: ["a"] }, "items.length")).toBeUndefined();
    expect(readField({ at: new Date(0) }, "at.getTime")).toBeUndefined();
    class Address {
      city = "Paris";
    }
    expect(readField({ address: new Address() }, "address.city")).toBeUndefined();
  });

  test.each(["constructor", "toString", "__proto__", "hasOwnProperty"])("never reads %s from Object.prototype, at any depth", (name) => {
    expect(readField({}, name)).toBeUndefined();
    expect(readField({ a: {} }, `a.${name}`)).toBeUndefined();
    expect(readField({}, `${name}.name`)).toBeUndefined();
  });

  test("field names such as constructor or __proto__ are data when the record has them", () => {
    expect(readField({ constructor: { name: "Acme" } }, "constructor.name")).toBe("Acme");
    expect(readField(JSON.parse('{"a": {"__proto__": {"b": 1}}}') as Record<string, unknown>, "a.__proto__.b")).toBe(1);
    expect(readField({ toString: "x" }, "toString")).toBe("x");
  });

  test("a name with an empty segment is only ever a flat field", () => {
    expect(pathSegments("a..b")).toBeUndefined();
    expect(pathSegments(".a")).toBeUndefined();
    expect(pathSegments("a.")).toBeUndefined();
    expect(readField({ a: { "": { b: 1 } } }, "a..b")).toBeUndefined();
    expect(readField({ "a..b": 1 }, "a..b")).toBe(1);
  });
});

describe("fieldPathOf", () => {
  test("splits a nested path into segments, keeps a flat dotted field whole", () => {
    expect(fieldPathOf({ address: { city: 1 } }, "address.city")).toEqual(["address", "city"]);
    expect(fieldPathOf({ "address.city": 1 }, "address.city")).toEqual(["address.city"]);
    expect(fieldPathOf({}, "email")).toEqual(["email"]);
  });
});
