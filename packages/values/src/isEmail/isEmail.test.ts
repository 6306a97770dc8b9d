import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { parseEmail, type ParseEmailOptions } from "../parseEmail/parseEmail.ts";
import { isEmail } from "./isEmail.ts";

/** What isEmail must say: parseEmail reads the value as an address. */
const reads = (value: unknown, options: ParseEmailOptions = {}): boolean => {
  const r = parseEmail(value, options);
  return r.ok && r.value !== null;
};

describe("isEmail", () => {
  test.each([
    "john@example.com",
    "Zhang.San@Example.COM",
    " john@example.com ",
    "mailto:info@example.org",
    "user@example.com.",
    "user@bücher.de",
    "用户@例子.中国",
    "a@b.c",
    "o'brien@example.ie",
    "x@XN--BCHER-KVA.de",
  ])("accepts %j, as parseEmail does", (value) => {
    expect(isEmail(value)).toBe(true);
    expect(reads(value)).toBe(true);
  });

  test.each(["a@b", "john@", "@example.com", "john doe@example.com", "jo..hn@example.com", "john@example.123", "john@example.0x1f", "a@@b.com", "a@-b.com", "", "   ", null, 42])(
    "refuses %j, as parseEmail does",
    (value) => {
      expect(isEmail(value)).toBe(false);
      expect(reads(value)).toBe(false);
    },
  );

  test("waits for the whole value before refusing: NFKC may turn a refused character into an accepted one", () => {
    expect([isEmail("a<\u0338@example.com"), reads("a<\u0338@example.com")]).toEqual([true, true]);
    expect([isEmail("a<@example.com"), reads("a<@example.com")]).toEqual([false, false]);
  });

  test("refuses a Unicode local part when parseEmail does", () => {
    expect([isEmail("用户@example.com", { allowUnicodeLocal: false }), reads("用户@example.com", { allowUnicodeLocal: false })]).toEqual([false, false]);
  });

  test("says what parseEmail says for any mix of the characters addresses are made of (property)", () => {
    const piece = fc.constantFrom(
      "a", "Z", "0", "9", ".", "..", "-", "_", "+", "'", "@", "@@", " ", "\t", "\n", "\u00a0", "\u0001", ",", "\"", "(", "<", "\u0338", "xn--", "XN--", "0x", "0xf", "1", "com", "mailto:", "ü", "例", "\u200b", "ｅ", "．", "＠",
    );
    const text = fc.array(piece, { minLength: 1, maxLength: 14 }).map((p) => p.join(""));
    const address = fc.tuple(text, text).map(([l, d]) => `${l}@${d}`);
    fc.assert(
      fc.property(fc.oneof(text, address), fc.boolean(), (value, unicode) => {
        const options = { allowUnicodeLocal: unicode };
        expect(isEmail(value, options)).toBe(reads(value, options));
      }),
      { numRuns: 5000 },
    );
  });

  test("agrees with parseEmail on long local parts and domains", () => {
    for (const value of [`${"a".repeat(64)}@example.com`, `${"a".repeat(65)}@example.com`, `a@${"b".repeat(63)}.com`, `a@${"b".repeat(64)}.com`, `a@${"b.".repeat(126)}cd`, `a@${"b.".repeat(127)}cd`]) {
      expect(isEmail(value)).toBe(reads(value));
    }
  });
});
