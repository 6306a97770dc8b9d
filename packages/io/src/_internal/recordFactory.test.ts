import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { createRecordFactory } from "./recordFactory.ts";

// Every test also counts attempts to build a function from a string: the factory must make none.
const realFunction = globalThis.Function;
let attempts = 0;
beforeEach(() => {
  attempts = 0;
  globalThis.Function = new Proxy(realFunction, {
    apply(target, self, args) {
      attempts++;
      return Reflect.apply(target, self, args);
    },
    construct(target, args, newTarget) {
      attempts++;
      return Reflect.construct(target, args, newTarget);
    },
  });
});
afterEach(() => {
  globalThis.Function = realFunction;
});

const columns = (n: number) => Array.from({ length: n }, (_, i) => `c${i}`);
const values = (n: number) => Array.from({ length: n }, (_, i) => `v${i}`);

describe("createRecordFactory", () => {
  test.each([1, 3, 15, 16, 17, 40])("maps each of %i values to its column, in column order, without generating code", (n) => {
    const record = createRecordFactory(columns(n))(values(n));
    expect(Object.entries(record)).toEqual(columns(n).map((c, i) => [c, `v${i}`]));
    expect(attempts).toBe(0);
  });

  test("keeps __proto__ as a field of its own and leaves the prototype alone, without generating code", () => {
    const record = createRecordFactory(["__proto__", "id"])(["x", "1"]);
    expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(record, "__proto__")).toEqual({ value: "x", writable: true, enumerable: true, configurable: true });
    expect(Object.keys(record)).toEqual(["__proto__", "id"]);
    expect(attempts).toBe(0);
  });

  test("makes toString, constructor and hasOwnProperty ordinary fields, without generating code", () => {
    const record = createRecordFactory(["toString", "constructor", "hasOwnProperty"])(["a", "b", "c"]);
    expect(Object.entries(record)).toEqual([
      ["toString", "a"],
      ["constructor", "b"],
      ["hasOwnProperty", "c"],
    ]);
    expect(attempts).toBe(0);
  });

  test("keeps null values and the last value of a repeated column name, in records that share no state", () => {
    const make = createRecordFactory(["a", "b", "a"]);
    const first = make(["1", null, "3"]);
    const second = make(["4", "5", "6"]);
    first.b = "changed";
    expect([first, second]).toEqual([
      { a: "3", b: "changed" },
      { a: "6", b: "5" },
    ]);
    expect(attempts).toBe(0);
  });
});
