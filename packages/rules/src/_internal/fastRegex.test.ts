import fc from "fast-check";
import { RE2JS } from "re2js";
import { describe, expect, test } from "vitest";
import { toLinearNativeRegex } from "./fastRegex.ts";

const atom = fc.constantFrom("a", "b", "1", ".", "\\d", "\\w", "\\s", "\\D", "[ab]", "[^a]", "[a-c1]", "\\.", "😀", "[^\\d]", "-");
const quantifier = fc.constantFrom("", "", "?", "*", "+", "{2}", "{1,3}", "{2,}");
const pattern = fc
  .tuple(fc.constantFrom(true, true, true, false), fc.array(fc.tuple(atom, quantifier), { minLength: 1, maxLength: 5 }), fc.boolean())
  .map(([start, parts, end]) => `${start ? "^" : ""}${parts.map(([a, q]) => a + q).join("")}${end ? "$" : ""}`);
const text = fc.array(fc.constantFrom("a", "b", "c", "1", "2", ".", " ", "\n", "\r", "😀", "-", "_"), { maxLength: 12 }).map((cs) => cs.join(""));

describe("toLinearNativeRegex", () => {
  test("agrees with re2js whenever it accepts a pattern", () => {
    let accepted = 0;
    fc.assert(
      fc.property(pattern, fc.array(text, { minLength: 1, maxLength: 8 }), (p, inputs) => {
        const native = toLinearNativeRegex(p);
        if (!native) return;
        accepted++;
        const re2 = RE2JS.compile(p);
        for (const input of inputs) expect([p, input, native.test(input)]).toEqual([p, input, re2.test(input)]);
      }),
      { numRuns: 600, seed: 7 },
    );
    expect(accepted).toBeGreaterThan(100);
  });

  test.each(["^[A-Z]{2}$", "^\\d{6}$", "^[A-Za-z0-9._%+-]+@", "^SO-\\d+$", "abc", "^\\d{4}-\\d{2}-\\d{2}$", "^1[3-9]\\d{9}$"])("takes the native path for %s", (p) => {
    expect(toLinearNativeRegex(p)).toBeInstanceOf(RegExp);
  });

  test.each(["(a+)+$", "^(a|b)*$", "^a*a*$", "a+b", "^\\d+\\d$", "^a+a?b$", "^[ab]*b$", "(?i)^a", "^a+?b"])("leaves %s to re2js", (p) => {
    expect(toLinearNativeRegex(p)).toBeUndefined();
  });

  test("leaves flagged patterns to re2js", () => {
    expect(toLinearNativeRegex("^a$", "i")).toBeUndefined();
  });
});
