import { describe, expect, test } from "vitest";
import { accepts, issuesPerValue } from "../testing.ts";

describe("type rules", () => {
  test.each([
    ["string", ["a", " "], [1, true, [], {}]],
    ["integer", [1, -7, "42", " 3 ", "-0", "3.0"], [1.5, "1.5", "1e3x", "abc", true, Number.NaN]],
    [{ integer: { strict: true } }, [1, -7], ["42", 1.5]],
    ["number", [1, 1.5, "12.5", "-3e2", ".5"], ["abc", "12,5", true, Number.POSITIVE_INFINITY, "1.2.3"]],
    [{ number: { strict: true } }, [1.5], ["1.5"]],
    ["boolean", [true, false, "true", "No", "Y", "0", 1], ["maybe", "2", 5]],
    [{ boolean: { true_values: ["是"], false_values: ["否"] } }, ["是", "否", true], ["yes", "true"]],
    [{ boolean: { strict: true } }, [true], ["true"]],
    [{ type: "object" }, [{ a: 1 }], [[1], "x", new Date(0)]],
    [{ type: ["integer", "string"] }, [1, "x"], [1.5, true]],
    [{ type: "date" }, ["2024-02-29", new Date(0)], ["2023-02-29", 20240101]],
    [{ type: "datetime" }, ["2024-02-29T10:00:00Z", "2024-02-29 10:00"], ["2024-02-29T25:00"]],
    [{ type: "array" }, [[]], [{}]],
  ])("%j accepts %j and refuses %j", (rule, valid, invalid) => {
    expect(accepts(rule, valid)).toEqual(valid.map(() => true));
    expect(accepts(rule, invalid)).toEqual(invalid.map(() => false));
  });

  test("numeric text means what the value kernel reads: an exponent beyond its reach is not a number, a whole value is an integer", () => {
    expect(accepts("number", ["1e99999999", "1e400", "1e-400"])).toEqual([false, true, true]);
    expect(accepts("integer", ["1e3", "1.5e1", "1.25e1", "100.000"])).toEqual([true, true, false, true]);
  });

  test("bigints are whole numbers", () => {
    expect(accepts("integer", [10n])).toEqual([true]);
  });

  test("messages name the expected type and the value received", () => {
    expect(issuesPerValue({ type: ["integer", "string"] }, [1.5])[0]?.[0]?.message).toBe("expected integer or string, received number 1.5");
    expect(issuesPerValue("integer", ["4x"])[0]?.[0]?.message).toBe('expected a whole number, received "4x"');
  });
});
