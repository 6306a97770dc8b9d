import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { checkColumnType, copyTextField, quoteTable, unescapeCopyField } from "./sql.ts";

describe("COPY text escaping", () => {
  test("round-trips any string without NUL", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }).filter((s) => !s.includes("\u0000") && s !== "\\N"), (s) => {
        const field = copyTextField(s);
        expect(field).not.toMatch(/[\t\n\r]/);
        expect(unescapeCopyField(field)).toBe(s);
      }),
    );
  });

  test("writes NULL as \\N and other values in their text form", () => {
    expect([null, undefined, 1.5, true, 10n, { a: 1 }].map(copyTextField)).toEqual(["\\N", "\\N", "1.5", "true", "10", '{"a":1}']);
    expect(unescapeCopyField("a\\\\b\\tc\\101")).toBe("a\\b\tcA");
  });
});

describe("names and types", () => {
  test.each([
    ["orders", undefined, '"orders"'],
    ["sales.orders", undefined, '"sales"."orders"'],
    ["orders", "sales", '"sales"."orders"'],
    ['we"ird', undefined, '"we""ird"'],
    ['"Sales"."Orders"', undefined, '"Sales"."Orders"'],
    ['"x"; drop table y; --', undefined, '"""x""; drop table y; --"'],
  ])("quotes %s (schema %s)", (name, schema, expected) => {
    expect(quoteTable(name, schema)).toBe(expected);
  });

  test.each(["text", "numeric(12,2)", "timestamp with time zone", "text[]", "varchar(20)"])("accepts the type %s", (t) => {
    expect(checkColumnType("c", t)).toBe(t);
  });

  test.each(["text; drop table x", "int)", "'text'", ""])("refuses the type %j", (t) => {
    expect(() => checkColumnType("c", t)).toThrow(/plain SQL type name/);
  });
});
