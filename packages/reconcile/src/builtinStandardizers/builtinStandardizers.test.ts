import { describe, expect, test } from "vitest";
import { builtinStandardizers } from "./builtinStandardizers.ts";

const run = (name: string, value: unknown, options: Record<string, unknown> = {}): unknown => builtinStandardizers[name]!(options)(value, "f");

describe("builtinStandardizers", () => {
  test.each([
    ["+86-138-1234-5678", "13812345678"],
    ["(+86)15894963798", "15894963798"],
    ["008618699462885", "18699462885"],
    ["+86 18668029671", "18668029671"],
    ["138 1234 5678", "13812345678"],
    ["8613812345678", "13812345678"],
    ["", null],
  ])("phone %s", (input, expected) => {
    expect(run("phone", input, { country_code: "86" })).toBe(expected);
  });

  test.each([
    ["117,000.00", 117000],
    ["¥1,234.5", 1234.5],
    ["￥262,000.00", 262000],
    [" 98.50 ", 98.5],
    [42, 42],
    ["12,5x", { ok: false }],
    [null, null],
  ])("number %j", (input, expected) => {
    expect(run("number", input)).toEqual(expected);
  });

  test.each([
    ["2024-01-10", "2024-01-10"],
    ["2024/1/10", "2024-01-10"],
    ["2024年1月10日", "2024-01-10"],
    ["20240110", "2024-01-10"],
    ["10-01-2024", "2024-01-10"],
    ["2024-01-10T23:30:00-02:00", "2024-01-11"],
    ["2023-02-30", { ok: false }],
    ["soon", { ok: false }],
  ])("date %s", (input, expected) => {
    expect(run("date", input)).toEqual(expected);
  });

  test("reads month-first dates when told", () => {
    expect(run("date", "01-10-2024", { order: "mdy" })).toBe("2024-01-10");
  });

  test.each([
    ["text", "  何 涛 ", "何涛"],
    ["text", "John   SMITH", "john smith"],
    ["email", " HE3479@126.COM ", "he3479@126.com"],
    ["trim", "  a ", "a"],
    ["trim", "   ", null],
    ["lower", "ABC", "abc"],
    ["upper", "abc", "ABC"],
    ["digits", "a1-2b3", "123"],
  ])("%s %j", (name, input, expected) => {
    expect(run(name, input)).toBe(expected);
  });

  test("keeps case or drops all spaces when asked", () => {
    expect(run("text", "A b", { ignore_case: false })).toBe("A b");
    expect(run("text", "A b", { ignore_spaces: true })).toBe("ab");
  });
});
