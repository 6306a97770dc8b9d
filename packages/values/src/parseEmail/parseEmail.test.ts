import { domainToASCII } from "node:url";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { asciiDomain, parseEmail, type ParseEmailOptions } from "./parseEmail.ts";

const valid: readonly (readonly [input: unknown, options: ParseEmailOptions, expected: string | null])[] = [
  ["john@example.com", {}, "john@example.com"],
  [" John.Doe@Example.COM ", {}, "John.Doe@example.com"],
  ["John.Doe@Example.COM", { lowercaseLocal: true }, "john.doe@example.com"],
  ["mailto:info@example.org", {}, "info@example.org"],
  ["MAILTO:info@example.org", {}, "info@example.org"],
  ["user+tag@sub.example.co.uk", {}, "user+tag@sub.example.co.uk"],
  ["first_last-1@example.io", {}, "first_last-1@example.io"],
  ["o'brien@example.ie", {}, "o'brien@example.ie"],
  ["user@example.com.", {}, "user@example.com"],
  ["user@bücher.de", {}, "user@xn--bcher-kva.de"],
  ["user@例え.jp", {}, "user@xn--r8jz45g.jp"],
  ["用户@例子.中国", {}, "用户@xn--fsqu00a.xn--fiqs8s"],
  ["ｊｏｈｎ＠ｅｘａｍｐｌｅ．ｃｏｍ", {}, "john@example.com"],
  ["john\u200b@example.com", {}, "john@example.com"],
  ["a@b.co", {}, "a@b.co"],
  ["x@xn--bcher-kva.de", {}, "x@xn--bcher-kva.de"],
  ["", {}, null],
  [null, {}, null],
];

const invalid: readonly (readonly [input: unknown, options: ParseEmailOptions])[] = [
  ["john", {}],
  ["john@", {}],
  ["@example.com", {}],
  ["john@example", {}],
  ["john doe@example.com", {}],
  ["john@exa mple.com", {}],
  [".john@example.com", {}],
  ["john.@example.com", {}],
  ["jo..hn@example.com", {}],
  ["john@-example.com", {}],
  ["john@example-.com", {}],
  ["john@example..com", {}],
  ["john@example.123", {}],
  ["john@@example.com", {}],
  ["john,doe@example.com", {}],
  ["用户@example.com", { allowUnicodeLocal: false }],
  [`${"a".repeat(65)}@example.com`, {}],
  [`a@${"b".repeat(64)}.com`, {}],
  [42, {}],
];

describe("parseEmail", () => {
  test.each(valid)("%j with %j -> %j", (input, options, expected) => {
    expect(parseEmail(input, options)).toMatchObject({ ok: true, value: expected });
  });

  test.each(invalid)("%j with %j is invalid", (input, options) => {
    const result = parseEmail(input, options);
    expect(result).toMatchObject({ ok: false, issue: { code: typeof input === "string" ? "invalid_email" : "invalid_type" } });
  });

  test("tells the Unicode form of an internationalized domain", () => {
    expect(parseEmail("user@Bücher.de")).toEqual({
      ok: true,
      value: "user@xn--bcher-kva.de",
      changed: true,
      info: { local: "user", domain: "xn--bcher-kva.de", unicodeDomain: "bücher.de" },
    });
  });

  test("says what is wrong", () => {
    const r = parseEmail("john@example");
    expect(r.ok ? "" : r.issue.message).toMatchInlineSnapshot(`"Invalid e-mail address "john@example": the domain "example" has no top-level domain."`);
  });

  test("is idempotent (property)", () => {
    const local = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._+-]{0,10}[A-Za-z0-9]$/).filter((s) => !s.includes(".."));
    const domain = fc.constantFrom("Example.COM", "bücher.de", "sub.example.co.uk", "例え.jp", "XN--BCHER-KVA.de");
    fc.assert(
      fc.property(local, domain, fc.boolean(), (l, d, lower) => {
        const options = { lowercaseLocal: lower };
        const once = parseEmail(` ${l}@${d} `, options);
        expect(once.ok).toBe(true);
        if (!once.ok) return;
        expect(parseEmail(once.value, options)).toMatchObject({ ok: true, value: once.value, changed: false });
      }),
      { numRuns: 300 },
    );
  });

  test.each([
    ["user@EXAMPLE.com", "user@example.com"],
    ["user@xn--bcher-kva.de", "user@xn--bcher-kva.de"],
    ["user@XN--BCHER-KVA.de", "user@xn--bcher-kva.de"],
  ])("reads the plain ASCII domain of %j as it reads any other (%j)", (input, expected) => {
    expect(parseEmail(input)).toMatchObject({ ok: true, value: expected });
  });

  test.each(["user@example.123", "user@example.0x1f", "user@1.2.3.4", "user@0x7f.1", "user@xn--a.com", "user@example.com.."])(
    "refuses %j with the same reason as the URL host parser gives",
    (input) => {
      const at = input.indexOf("@");
      const domain = input.slice(at + 1).toLowerCase();
      expect(asciiDomain(domain)).toBe(domainToASCII(domain));
      expect(parseEmail(input).ok).toBe(false);
    },
  );

  test("converts plain ASCII domains without the URL host parser, to the same text (property)", () => {
    const piece = fc.constantFrom("a", "z", "0", "9", "-", ".", "xn--", "0x", "1", "ab", "com", "x");
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 12 }), (pieces) => {
        const domain = pieces.join("");
        expect(asciiDomain(domain)).toBe(domainToASCII(domain));
      }),
      { numRuns: 2000 },
    );
  });
});
