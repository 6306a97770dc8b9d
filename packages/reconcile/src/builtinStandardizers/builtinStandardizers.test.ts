import { parseDate, parseDecimal, parseEmail, parsePhone } from "@cleanse/values";
import { describe, expect, test } from "vitest";
import { applyStandardizer } from "../_internal/fieldPlan.ts";
import { builtinKeyForms, builtinStandardizers } from "./builtinStandardizers.ts";

const run = (name: string, value: unknown, options: Record<string, unknown> = {}): unknown => builtinStandardizers[name]!(options)(value, "f");
/** The value compared: a refusal keeps the value as written. */
const compared = (name: string, value: unknown, options: Record<string, unknown> = {}): unknown => applyStandardizer(builtinStandardizers[name]!(options), value, "f");

// Values the kernel reads in a way a private copy easily gets wrong.
const tricky: readonly unknown[] = [
  "2023-01-31", "01/02/2023", "31/01/2023", "01/31/2023", "2023-02-30", "2023年1月1日", "Jan 1, 2023", "1 janvier 2023", "20230101",
  "2023-01-31T23:30:00-05:00", "2023-01-31T23:30:00", "2023-01-31 10:20 GMT+8", "1.005", "￥1,000", "1.234,5", "1,234", "(12.50)",
  "+86-138-1234-5678", "138 1234 5678", "(415) 415-1627", "+1 (415) 415-1627", "010 1234 5678", " HE3479@126.COM ", "mailto:X@Y.com",
  "a@b", "", "  ", null, undefined, "N/A", 42, 1.5,
];

describe("builtinStandardizers", () => {
  test.each([
    ["+86-138-1234-5678", "+8613812345678"],
    ["(+86)15894963798", "+8615894963798"],
    ["008618699462885", "+8618699462885"],
    ["+86 18668029671", "+8618668029671"],
    ["138 1234 5678", "+8613812345678"],
    ["8613812345678", "+8613812345678"],
    ["010 1234 5678", "+861012345678"],
    ["", null],
  ])("phone %s with region CN", (input, expected) => {
    expect(compared("phone", input, { region: "CN" })).toBe(expected);
  });

  test("reads a phone's region from a country name and writes the format asked for", () => {
    expect(compared("phone", "+86 138 1234 5678", { region: "中国", format: "digits" })).toBe("13812345678");
    expect(compared("phone", "+1 (415) 415-1627", { region: "China" })).toBe("+14154151627");
  });

  test("refuses a number written without a country code that is not written as the region writes its numbers", () => {
    expect(run("phone", "(415) 415-1627", { region: "CN" })).toMatchObject({ ok: false, issue: { code: "invalid_phone" } });
    // A refused value is compared as written.
    expect(compared("phone", "(415) 415-1627", { region: "CN" })).toBe("(415) 415-1627");
  });

  test("asks for region instead of country_code, and names unknown options and regions", () => {
    expect(() => builtinStandardizers.phone!({ country_code: "86" })).toThrow(/phone.*takes region.*"CN"/);
    expect(() => builtinStandardizers.phone!({ region: "Atlantis" })).toThrow(/Unknown phone region "Atlantis"/);
    expect(() => builtinStandardizers.date!({ oder: "mdy" })).toThrow(/Unknown option "oder" of the date standardizer; known: order, /);
    expect(() => builtinStandardizers.date!({ order: "dym" })).toThrow(/order.*dmy, mdy or ymd/);
    expect(() => builtinStandardizers.number!({ scale: -1 })).toThrow(/Invalid scale/);
  });

  test.each([
    ["117,000.00", "117000"],
    ["¥1,234.5", "1234.5"],
    ["￥262,000.00", "262000"],
    ["￥1,000", "1000"],
    ["1.234,5", "1234.5"],
    [" 98.50 ", "98.5"],
    [42, "42"],
    [427000.35, "427000.35"],
    ["12,5x", "12,5x"],
    ["1,234", "1,234"],
    [null, null],
  ])("number %j is read as an exact decimal", (input, expected) => {
    expect(compared("number", input)).toBe(expected);
  });

  test("rounds at a scale in decimal, never through binary floating point", () => {
    expect(compared("number", "1.005", { scale: 2 })).toBe("1.01");
    expect(compared("number", 1.005, { scale: 2 })).toBe("1.01");
    expect(compared("number", "2.675", { scale: 2, rounding: "half-even" })).toBe("2.68");
    expect(compared("number", "2.665", { scale: 2, rounding: "half-even" })).toBe("2.66");
    expect(compared("number", "12345678901234567.01")).toBe("12345678901234567.01");
  });

  test("refuses an ambiguous amount unless the locale is given", () => {
    expect(run("number", "1,234")).toMatchObject({ ok: false, issue: { code: "ambiguous_decimal" } });
    expect(compared("number", "1,234", { locale: "en" })).toBe("1234");
    expect(compared("number", "1,234", { locale: "de" })).toBe("1.234");
  });

  test.each([
    ["2024-01-10", "2024-01-10"],
    ["2024/1/10", "2024-01-10"],
    ["2024年1月10日", "2024-01-10"],
    ["20240110", "2024-01-10"],
    ["Jan 10, 2024", "2024-01-10"],
    ["22-09-2022", "2022-09-22"],
    ["2024-01-10T23:30:00-02:00", "2024-01-10"],
    ["2024-01-10 23:30", "2024-01-10"],
    ["2023-02-30", "2023-02-30"],
    ["soon", "soon"],
  ])("date %s is compared by its calendar date as written", (input, expected) => {
    expect(compared("date", input)).toBe(expected);
  });

  test("refuses to guess the order of day and month unless told", () => {
    expect(run("date", "10-01-2024")).toMatchObject({ ok: false, issue: { code: "ambiguous_date" } });
    expect(run("date", "2023-02-30")).toMatchObject({ ok: false, issue: { code: "invalid_date" } });
    expect(compared("date", "10-01-2024", { order: "dmy" })).toBe("2024-01-10");
    expect(compared("date", "01-10-2024", { order: "mdy" })).toBe("2024-01-10");
  });

  test("gives the UTC date of a timestamp with an offset when asked", () => {
    expect(compared("date", "2024-01-10T23:30:00-02:00", { timezone: "utc" })).toBe("2024-01-11");
    expect(compared("date", "2024-01-10T23:30:00", { default_offset: "-02:00", timezone: "utc" })).toBe("2024-01-11");
  });

  test("keeps the case of an e-mail's local part in the compared form, and folds it in the key form", () => {
    expect(compared("email", " HE3479@126.COM ")).toBe("HE3479@126.com");
    expect(compared("email", " HE3479@126.COM ", { lowercase_local: true })).toBe("he3479@126.com");
    expect(applyStandardizer(builtinKeyForms.email!({}), " HE3479@126.COM ", "f")).toBe("he3479@126.com");
    expect(run("email", "a@b")).toMatchObject({ ok: false, issue: { code: "invalid_email" } });
  });

  test.each(tricky.map((v) => [v]))("reads %j exactly as the value kernel does", (value) => {
    expect(run("date", value)).toEqual(parseDate(value, { output: "date" }));
    expect(run("date", value, { order: "dmy" })).toEqual(parseDate(value, { output: "date", order: "dmy" }));
    expect(run("number", value)).toEqual(parseDecimal(value));
    expect(run("number", value, { scale: 2 })).toEqual(parseDecimal(value, { scale: 2 }));
    expect(run("phone", value, { region: "CN" })).toEqual(parsePhone(value, { region: "CN" }));
    expect(run("phone", value)).toEqual(parsePhone(value));
    expect(run("email", value)).toEqual(parseEmail(value));
  });

  test.each([
    ["text", "  何 涛 ", "何涛"],
    ["text", "John   SMITH", "john smith"],
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
