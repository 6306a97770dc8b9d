import { describe, expect, test } from "vitest";
import { compileExpression, parseExpression } from "./compileExpression.ts";

const value = (text: string, record: Record<string, unknown> = {}) => compileExpression(text).evaluate(record);
const truth = (text: string, record: Record<string, unknown> = {}) => compileExpression(text).test(record);

function syntaxError(text: string): string {
  try {
    compileExpression(text);
  } catch (error) {
    expect((error as { code: string }).code).toBe("CLEANSE_BAD_EXPRESSION");
    return (error as Error).message;
  }
  throw new Error("expected a syntax error");
}

describe("compileExpression", () => {
  test.each([
    ["1 + 2 * 3", 7],
    ["(1 + 2) * 3", 9],
    ["10 / 4", 2.5],
    ["10 % 4", 2],
    ["-2 + 5", 3],
    ["'a' + 'b'", "ab"],
    ["'12' + 3", 15],
    ["1 / 0", null],
    ["len('北京')", 2],
    ["lower('AbC')", "abc"],
    ["upper(trim('  x '))", "X"],
    ["coalesce(null, 'x')", "x"],
    ["if(1 > 2, 'a', 'b')", "b"],
    ["round(2.345, 2)", 2.35],
    ["abs(-3)", 3],
    ["min(3, 1, 2)", 1],
    ["max('2024-01-02', '2024-01-10')", "2024-01-10"],
    ["number('4.5')", 4.5],
    ["year('2024-05-01')", 2024],
    ["month(date('05/01/2024', 'MM/dd/yyyy'))", 5],
    ["day('2024-05-01T10:00:00Z')", 1],
    ["days_between('2024-01-01', '2024-03-01')", 60],
    ["text(12)", "12"],
  ])("%s is %j", (text, expected) => {
    expect(value(text)).toEqual(expected);
  });

  test.each([
    ["a > b", { a: "10", b: "9" }, true],
    ["a > b", { a: "b", b: "a" }, true],
    ["a >= b", { a: "2024-02-01", b: "2024-01-31T23:00:00" }, true],
    ["a == b", { a: 1, b: "1.0" }, true],
    ["a = 'x' and b <> 'y'", { a: "x", b: "z" }, true],
    ["a == true", { a: "true" }, true],
    ["status in ['active', 'prospect']", { status: "active" }, true],
    ["status not in ['active', 'prospect']", { status: "active" }, false],
    ["code in [1, 2]", { code: "2" }, true],
    ["a in [b, c]", { a: 1, b: 2, c: 1 }, true],
    ["starts_with(sku, 'SKU-') && ends_with(sku, '-X') || contains(sku, '!')", { sku: "SKU-1-X" }, true],
    ["matches(phone, '^1[3-9]\\d{9}$')", { phone: "13812345678" }, true],
    ["!(a > 1)", { a: 0 }, true],
    ["not a", { a: false }, true],
    ["days_between(order_date, ship_date) <= 30", { order_date: "2024-01-01", ship_date: "2024-03-01" }, false],
    ["ship_date <= today()", { ship_date: "2000-01-01" }, true],
    ["`order date` < now()", { "order date": "2000-01-01" }, true],
    ["金额 > 0", { 金额: 5 }, true],
  ])("%s with %j is %j", (text, record, expected) => {
    expect(truth(text, record)).toBe(expected);
  });

  test.each([
    ["coalesce(a, b, 'x') == 'x'", { a: "", b: null }, true],
    ["a == null", { a: null }, true],
    ["a == null", { a: "" }, true],
    ["a == null", {}, true],
    ["a is null", { a: 0 }, false],
    ["a is not null", { a: 0 }, true],
    ["a != null", { a: "x" }, true],
    ["a > 1", { a: null }, null],
    ["a + 1 > 1", { a: null }, null],
    ["not (a > 1)", { a: null }, null],
    ["a > 1 and false", { a: null }, false],
    ["a > 1 or true", { a: null }, true],
    ["a > 1 and true", { a: null }, null],
    ["a in [1, 2]", { a: null }, null],
    ["len(a) > 0", {}, null],
    ["a < 'x'", { a: new Date(0) }, null],
  ])("null semantics: %s with %j is %j", (text, record, expected) => {
    expect(truth(text, record)).toBe(expected);
  });

  test.each<[string, number, Record<string, unknown>]>([
    ["0.1 + 0.2", 0.3, {}],
    ["1.1 + 2.2", 3.3, {}],
    ["a * 3", 59.97, { a: "19.99" }],
    ["a - b", 0.1, { a: "0.3", b: 0.2 }],
    ["0.3 / 0.1", 3, {}],
    ["1.1 % 1", 0.1, {}],
    ["round(1.005, 2)", 1.01, {}],
    ["round(a, 2)", 1.01, { a: "1.005" }],
    ["round(-2.5)", -3, {}],
    ["round(1234.5, -2)", 1200, {}],
    ["a + 1", 9007199254740994, { a: "9007199254740993" }],
  ])("arithmetic on decimals is exact, rounded once to a number: %s is %j", (text, expected, record) => {
    expect(value(text, record)).toBe(expected);
  });

  test.each([
    ["a > b", { a: "0.30000000000000001", b: 0.3 }, true],
    ["a == b", { a: "0.30000000000000001", b: "0.3" }, false],
    ["a > b", { a: "9007199254740993", b: "9007199254740992" }, true],
    ["a == b", { a: "1.50", b: 1.5 }, true],
    ["a in [0.3]", { a: "0.30000000000000001" }, false],
    ["a in [0.3]", { a: "0.30" }, true],
    ["a == b", { a: "1e99999999", b: "1e99999999" }, true],
    ["a > b", { a: "1e99999999", b: "2" }, false],
  ])("numeric text compares exactly: %s with %j is %j", (text, record, expected) => {
    expect(truth(text, record)).toBe(expected);
  });

  test("date() with auto reads what the value kernel reads", () => {
    expect(value("year(date(a, 'auto'))", { a: "2023年1月31日" })).toBe(2023);
    expect(value("date(a, 'auto')", { a: "01/02/2023" })).toBeNull();
    expect(value("date(a, 'auto')", { a: "2023-02-30" })).toBeNull();
  });

  test("reads only the record's own fields", () => {
    expect(value("constructor")).toBeNull();
    expect(value("__proto__")).toBeNull();
    expect(value("toString")).toBeNull();
    expect(compileExpression("a > b + len(c)").fields).toEqual(["a", "b", "c"]);
  });

  test("reports syntax errors with the column and a caret", () => {
    expect(syntaxError("ship_date >= = order_date")).toMatchInlineSnapshot(`
      "Bad expression at column 14: unexpected "=": expected a value, a field or a function call
      ship_date >= = order_date
                   ^"
    `);
    expect(syntaxError("(a > 1")).toMatchInlineSnapshot(`
      "Bad expression at column 7: missing ")" to close the "(" at column 1
      (a > 1
            ^"
    `);
    expect(syntaxError("a > 1 b")).toMatchInlineSnapshot(`
      "Bad expression at column 7: unexpected "b" after a complete expression
      a > 1 b
            ^"
    `);
    expect(syntaxError("a < b < c")).toMatchInlineSnapshot(`
      "Bad expression at column 7: comparisons cannot be chained: write "a < b and b < c"
      a < b < c
            ^"
    `);
    expect(syntaxError("lenn(a) > 1")).toMatchInlineSnapshot(`
      "Bad expression at column 1: unknown function "lenn" (did you mean "len"?); known functions: len, lower, upper, trim, starts_with, ends_with, contains, matches, date, today, now, days_between, year, month, day, coalesce, if, number, text, abs, round, min, max
      lenn(a) > 1
      ^^^^"
    `);
    expect(syntaxError("len(a, b)")).toMatchInlineSnapshot(`
      "Bad expression at column 1: len() takes 1 argument, got 2
      len(a, b)
      ^^^^^^^^^"
    `);
    expect(syntaxError("a is 3")).toMatchInlineSnapshot(`
      "Bad expression at column 6: expected "null" after "is", found "3"
      a is 3
           ^"
    `);
    expect(syntaxError("a == 'x")).toMatchInlineSnapshot(`
      "Bad expression at column 6: unterminated string: add the closing '
      a == 'x
           ^^"
    `);
    expect(syntaxError("matches(a, '(x')")).toMatchInlineSnapshot(`
      "Bad expression at column 12: bad pattern: missing closing ): \`(x\`
      matches(a, '(x')
                 ^^^^"
    `);
    expect(syntaxError("a # b")).toMatchInlineSnapshot(`
      "Bad expression at column 3: unexpected character "#"
      a # b
        ^"
    `);
    expect(syntaxError("")).toMatchInlineSnapshot(`
      "Bad expression at column 1: the expression is empty

      ^"
    `);
  });

  test("parseExpression returns the syntax tree with offsets", () => {
    expect(parseExpression("a > 1")).toEqual({
      type: "binary",
      op: ">",
      left: { type: "field", name: "a", start: 0, end: 1 },
      right: { type: "literal", value: 1, start: 4, end: 5 },
      start: 0,
      end: 5,
    });
  });

  test("a dotted name reads a nested field, or a flat field of that very name", () => {
    const record = { address: { city: "Paris", geo: { lat: 48.9 } }, "order.id": 7 };
    expect(value("address.city", record)).toBe("Paris");
    expect(value("address.geo.lat > 45", record)).toBe(true);
    expect(value("lower(address.city)", record)).toBe("paris");
    expect(value("order.id + 1", record)).toBe(8);
    expect(value("`address.city`", record)).toBe("Paris");
    expect(value("address.zip", record)).toBe(null);
    expect(value("address.city.name", record)).toBe(null);
    expect(value("a.constructor", { a: {} })).toBe(null);
    expect(compileExpression("address.city == 'Paris' and address.zip is null").fields).toEqual(["address.city", "address.zip"]);
    expect(parseExpression("a.b")).toMatchObject({ type: "field", name: "a.b" });
  });

  test("dots stay what they were elsewhere: decimals, and errors after a keyword or at the end", () => {
    expect(value("1.5 + .5")).toBe(2);
    expect(syntaxError("a.")).toMatch(/unexpected character "\."/);
    expect(syntaxError("null.x")).toMatch(/unexpected character "\."/);
  });
});
