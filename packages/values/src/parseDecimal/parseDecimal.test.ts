import { Decimal } from "decimal.js";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { createDecimalParser, parseDecimal, type DecimalRounding, type ParseDecimalOptions } from "./parseDecimal.ts";

const two: ParseDecimalOptions = { scale: 2 };

const valid: readonly (readonly [input: unknown, options: ParseDecimalOptions, expected: string | null])[] = [
  // CRM/ERP examples: amounts to two decimals
  ["1234.5", two, "1234.50"],
  ["1234", two, "1234.00"],
  ["1234.567", two, "1234.57"],
  ["1,234.5", two, "1234.50"],
  ["1.234,5", two, "1234.50"],
  ["¥1,234.50", two, "1234.50"],
  ["$ 12", two, "12.00"],
  ["(123.45)", two, "-123.45"],
  // plain numbers
  ["0", {}, "0"],
  ["-0", {}, "0"],
  ["007", {}, "7"],
  ["1.50", {}, "1.5"],
  ["100", {}, "100"],
  ["-12.340", {}, "-12.34"],
  [".5", {}, "0.5"],
  ["5.", {}, "5"],
  ["+5", {}, "5"],
  ["0.000", {}, "0"],
  ["12345678901234567890.123456789", {}, "12345678901234567890.123456789"],
  ["12345678901234567890.125", two, "12345678901234567890.13"],
  // numbers given as numbers
  [0.1, two, "0.10"],
  [1234.5, {}, "1234.5"],
  [-3, two, "-3.00"],
  [1e21, {}, "1000000000000000000000"],
  // separators by locale
  ["1,234", { locale: "en" }, "1234"],
  ["1,234", { locale: "de" }, "1.234"],
  ["1.234", { locale: "de" }, "1234"],
  ["1.234", { locale: "en" }, "1.234"],
  ["1.234.567,89", { locale: "de" }, "1234567.89"],
  ["1 234 567,89", { locale: "fr" }, "1234567.89"],
  ["1\u00a0234,5", { locale: "fr" }, "1234.5"],
  ["1\u202f234,5", { locale: "fr-FR" }, "1234.5"],
  ["1'234'567.50", { locale: "ch" }, "1234567.5"],
  ["1’234.50", { locale: "de-CH" }, "1234.5"],
  ["12,34,567.5", { locale: "in" }, "1234567.5"],
  ["1,23,45,678", { locale: "en-IN" }, "12345678"],
  ["1.234,5", { locale: "pt-BR" }, "1234.5"],
  ["1 234,5", { locale: "ru" }, "1234.5"],
  ["1,234,567.891", { locale: "zh-CN" }, "1234567.891"],
  // separators read without a locale when the text tells
  ["1,234,567", {}, "1234567"],
  ["1.234.567", {}, "1234567"],
  ["1,234.5", {}, "1234.5"],
  ["1.234,5", {}, "1234.5"],
  ["1,5", {}, "1.5"],
  ["12,75", {}, "12.75"],
  ["0,125", {}, "0.125"],
  ["1234,567", {}, "1234.567"],
  ["1.234", {}, "1.234"],
  ["1 234 567.5", {}, "1234567.5"],
  ["1'234.5", {}, "1234.5"],
  ["12,34,567.5", {}, "1234567.5"],
  // currency
  ["¥1,234.50", {}, "1234.5"],
  ["￥1,234.50", {}, "1234.5"],
  ["$12.00", {}, "12"],
  ["-$12.00", {}, "-12"],
  ["$-12.00", {}, "-12"],
  ["($12.00)", {}, "-12"],
  ["€ 1.234,56", {}, "1234.56"],
  ["1.234,56 €", {}, "1234.56"],
  ["£5", {}, "5"],
  ["USD 1,000.00", {}, "1000"],
  // a currency before or after the amount makes one comma a thousands separator
  ["$1,000", {}, "1000"],
  ["￥1,000", {}, "1000"],
  ["¥12,345", {}, "12345"],
  ["1,000 EUR", {}, "1000"],
  ["1,000.00 USD", {}, "1000"],
  ["CNY 88", {}, "88"],
  ["RMB 88.8", {}, "88.8"],
  ["US$ 5", {}, "5"],
  ["HK$5.5", {}, "5.5"],
  ["12元", {}, "12"],
  ["12.50元", two, "12.50"],
  ["₹ 12,34,567", {}, "1234567"],
  ["5 EUR", { allowCurrency: ["EUR"] }, "5"],
  // signs
  ["-5", {}, "-5"],
  ["−5", {}, "-5"],
  ["- 5", {}, "-5"],
  ["5-", {}, "-5"],
  ["1.234,50-", {}, "-1234.5"],
  ["(5)", {}, "-5"],
  ["( 5 )", {}, "-5"],
  // exponents
  ["1.2e3", {}, "1200"],
  ["1.2E3", {}, "1200"],
  ["1.2e-3", {}, "0.0012"],
  ["-5e2", {}, "-500"],
  ["1,2e3", {}, "1200"],
  ["1,234e3", {}, "1234"],
  ["1.5e+2", two, "150.00"],
  // full-width
  ["１２３．４", {}, "123.4"],
  ["１，２３４．５", {}, "1234.5"],
  ["－１２", {}, "-12"],
  ["（１２）", {}, "-12"],
  // Chinese numerals
  ["一千二百三十四点五", {}, "1234.5"],
  ["壹仟贰佰", {}, "1200"],
  ["1.5万", {}, "15000"],
  ["3千", {}, "3000"],
  ["2.35亿", {}, "235000000"],
  ["1,200万", {}, "12000000"],
  ["十二", {}, "12"],
  ["二十", {}, "20"],
  ["一百零五", {}, "105"],
  ["一千零五十", {}, "1050"],
  ["一万零五", {}, "10005"],
  ["两万三千", {}, "23000"],
  ["十万", {}, "100000"],
  ["一亿二千万", {}, "120000000"],
  ["三亿零五万", {}, "300050000"],
  ["零点五", {}, "0.5"],
  ["负十二", {}, "-12"],
  ["二〇二三", {}, "2023"],
  ["壹佰元整", {}, "100"],
  ["十二元五角", {}, "12.5"],
  ["十二元五角三分", {}, "12.53"],
  ["五角", {}, "0.5"],
  ["壹仟贰佰叁拾肆元伍角陆分", two, "1234.56"],
  // rounding modes
  ["2.5", { scale: 0, rounding: "half-up" }, "3"],
  ["2.5", { scale: 0, rounding: "half-even" }, "2"],
  ["3.5", { scale: 0, rounding: "half-even" }, "4"],
  ["2.5", { scale: 0, rounding: "half-down" }, "2"],
  ["2.1", { scale: 0, rounding: "up" }, "3"],
  ["2.9", { scale: 0, rounding: "down" }, "2"],
  ["-2.1", { scale: 0, rounding: "ceil" }, "-2"],
  ["-2.1", { scale: 0, rounding: "floor" }, "-3"],
  ["-2.5", { scale: 0, rounding: "half-up" }, "-3"],
  ["1.005", two, "1.01"],
  ["1.0049999", two, "1.00"],
  ["-0.001", two, "0.00"],
  ["0.995", two, "1.00"],
  ["999.995", two, "1000.00"],
  ["12", { scale: 0 }, "12"],
  ["1.23456789", { scale: 4 }, "1.2346"],
  // empty
  ["", two, null],
  ["   ", two, null],
  [null, two, null],
  [undefined, two, null],
];

const invalid: readonly (readonly [input: unknown, options: ParseDecimalOptions, code: string])[] = [
  ["1,234", {}, "ambiguous_decimal"],
  ["12,345", {}, "ambiguous_decimal"],
  ["abc", {}, "invalid_decimal"],
  ["12%", {}, "invalid_decimal"],
  ["1.2.3,4,5", {}, "invalid_decimal"],
  ["1,23,4", { locale: "en" }, "invalid_decimal"],
  ["12,34.5", {}, "invalid_decimal"],
  ["1,2345.6", {}, "invalid_decimal"],
  ["1,5", { locale: "en" }, "invalid_decimal"],
  ["1.5.5", { locale: "en" }, "invalid_decimal"],
  ["1..5", {}, "invalid_decimal"],
  ["--5", {}, "invalid_decimal"],
  ["-(5)", {}, "invalid_decimal"],
  ["(5", {}, "invalid_decimal"],
  ["1 2 3", {}, "invalid_decimal"],
  ["1e", {}, "invalid_decimal"],
  ["1 234e3", {}, "invalid_decimal"],
  ["e5", {}, "invalid_decimal"],
  ["-", {}, "invalid_decimal"],
  [".", {}, "invalid_decimal"],
  ["$", {}, "invalid_decimal"],
  ["$12", { allowCurrency: false }, "invalid_decimal"],
  ["$12", { allowCurrency: ["EUR"] }, "invalid_decimal"],
  ["一百五", {}, "invalid_decimal"],
  ["三万五", {}, "invalid_decimal"],
  ["百千", {}, "invalid_decimal"],
  ["一二百", {}, "invalid_decimal"],
  ["一百五万", {}, "invalid_decimal"],
  ["十二", { chinese: false }, "invalid_decimal"],
  ["1e999999", {}, "invalid_decimal"],
  [Number.NaN, {}, "invalid_decimal"],
  [Number.POSITIVE_INFINITY, {}, "invalid_decimal"],
  [{ amount: 1 }, {}, "invalid_type"],
  [true, {}, "invalid_type"],
];

describe("parseDecimal", () => {
  test.each(valid)("%j with %j -> %j", (input, options, expected) => {
    expect(parseDecimal(input, options)).toMatchObject({ ok: true, value: expected });
  });

  test.each(invalid)("%j with %j is %s", (input, options, code) => {
    expect(parseDecimal(input, options)).toMatchObject({ ok: false, issue: { code } });
  });

  test("reads a bigint exactly", () => {
    expect(parseDecimal(12345678901234567890n, two)).toMatchObject({ ok: true, value: "12345678901234567890.00" });
  });

  test("tells the currency it removed", () => {
    expect(parseDecimal("¥1,234.5", two)).toEqual({ ok: true, value: "1234.50", changed: true, info: { currency: "¥" } });
    expect(parseDecimal("壹佰元整")).toMatchObject({ info: { currency: "元" } });
    expect(parseDecimal("1234.50", two)).toEqual({ ok: true, value: "1234.50", changed: false });
  });

  test("explains an ambiguous separator", () => {
    const result = parseDecimal("1,234");
    expect(result.ok ? "" : result.issue.message).toMatchInlineSnapshot(
      `"Ambiguous number "1,234": one comma followed by three digits may be a thousands separator or a decimal comma; set locale ("en" reads 1,234 as 1234, "de" reads it as 1.234)."`,
    );
  });

  test("rejects bad options with a ConfigError", () => {
    expect(() => createDecimalParser({ scale: -1 })).toThrow(expect.objectContaining({ code: "CLEANSE_BAD_OPTION" }));
    expect(() => createDecimalParser({ scale: 1.5 })).toThrow(expect.objectContaining({ code: "CLEANSE_BAD_OPTION" }));
    expect(() => createDecimalParser({ locale: "xx" })).toThrow(expect.objectContaining({ code: "CLEANSE_BAD_OPTION" }));
    expect(() => createDecimalParser({ rounding: "nearest" as DecimalRounding })).toThrow(expect.objectContaining({ code: "CLEANSE_BAD_OPTION" }));
  });

  const plain = fc
    .tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 24n }), fc.nat({ max: 12 }))
    .map(([negative, digits, places]) => {
      const s = digits.toString().padStart(places + 1, "0");
      const text = places === 0 ? s : `${s.slice(0, -places)}.${s.slice(-places)}`;
      return negative ? `-${text}` : text;
    });
  const rounding = fc.constantFrom<DecimalRounding>("half-up", "half-even", "half-down", "up", "down", "ceil", "floor");
  const roundingMode: Readonly<Record<DecimalRounding, Decimal.Rounding>> = {
    "half-up": Decimal.ROUND_HALF_UP,
    "half-even": Decimal.ROUND_HALF_EVEN,
    "half-down": Decimal.ROUND_HALF_DOWN,
    up: Decimal.ROUND_UP,
    down: Decimal.ROUND_DOWN,
    ceil: Decimal.ROUND_CEIL,
    floor: Decimal.ROUND_FLOOR,
  };

  test("gives exactly decimal.js's toFixed for plain decimals (property)", () => {
    fc.assert(
      fc.property(plain, fc.option(fc.nat({ max: 8 }), { nil: undefined }), rounding, (text, scale, mode) => {
        const options: ParseDecimalOptions = scale === undefined ? { rounding: mode } : { scale, rounding: mode };
        let expected = scale === undefined ? new Decimal(text).toFixed() : new Decimal(text).toFixed(scale, roundingMode[mode]);
        if (/^-0(\.0*)?$/.test(expected)) expected = expected.slice(1);
        expect(parseDecimal(text, options)).toMatchObject({ ok: true, value: expected });
      }),
      { numRuns: 1000 },
    );
  });

  test("reads the same amount in every locale's spelling (property)", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1000n, max: 10n ** 15n }), fc.nat({ max: 99 }), (int, cents) => {
        const grouped = (sep: string) => int.toString().replace(/\B(?=(\d{3})+(?!\d))/g, sep);
        const frac = String(cents).padStart(2, "0");
        const expected = `${int}.${frac}`;
        expect(parseDecimal(`${grouped(",")}.${frac}`, { locale: "en", scale: 2 })).toMatchObject({ value: expected });
        expect(parseDecimal(`${grouped(".")},${frac}`, { locale: "de", scale: 2 })).toMatchObject({ value: expected });
        expect(parseDecimal(`${grouped(" ")},${frac}`, { locale: "fr", scale: 2 })).toMatchObject({ value: expected });
        expect(parseDecimal(`${grouped("'")}.${frac}`, { locale: "ch", scale: 2 })).toMatchObject({ value: expected });
        expect(parseDecimal(`¥${grouped(",")}.${frac}`, { scale: 2 })).toMatchObject({ value: expected });
      }),
      { numRuns: 300 },
    );
  });

  test("is idempotent (property)", () => {
    const input = fc.oneof(
      plain,
      plain.map((s) => `$${s}`),
      plain.map((s) => (s.startsWith("-") ? `(${s.slice(1)})` : s)),
      fc.constantFrom("1,234.5", "1.234,5", "一千二百三十四点五", "1.5万", "１２３．４", "12元"),
    );
    const options = fc.constantFrom<ParseDecimalOptions>({}, { scale: 2 }, { scale: 0, rounding: "half-even" }, { scale: 4 });
    fc.assert(
      fc.property(input, options, (value, opts) => {
        const once = parseDecimal(value, opts);
        if (!once.ok) return;
        expect(parseDecimal(once.value, opts)).toEqual({ ok: true, value: once.value, changed: false });
      }),
      { numRuns: 800 },
    );
  });
});
