import { describe, expect, test } from "vitest";
import { accepts, issuesPerValue } from "../testing.ts";
import { checkCnIdCard, checkCnUscc, luhn } from "./china.ts";

/** Builds a valid ID number from its first 17 digits (ISO 7064 MOD 11-2), independently of the rule. */
function withCheckDigit(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * weights[i]!, 0);
  return first17 + "10X98765432"[sum % 11];
}

describe("cn_id_card", () => {
  const valid = ["11010519491231002X", withCheckDigit("44030419900307123"), withCheckDigit("31010120000229001"), "11010519491231002x"];
  const invalid = ["110105194912310021", withCheckDigit("99030419900307123").slice(0, 17) + "0", withCheckDigit("11010519901332123"), withCheckDigit("11010520230229123"), withCheckDigit("11010529990101123"), "1101051949123100", "11010519491231002Y"];
  test.each(valid)("accepts %s", (id) => expect(accepts("cn_id_card", [id])).toEqual([true]));
  test.each(invalid)("refuses %s", (id) => expect(accepts("cn_id_card", [id])).toEqual([false]));

  test("explains why a number is invalid", () => {
    expect(checkCnIdCard("110105194912310021")).toBe("check digit is 1, expected X");
    expect(checkCnIdCard(withCheckDigit("11010520230229123"))).toBe("birth date 20230229 is not a valid date");
    expect(checkCnIdCard(withCheckDigit("99010519900101123"))).toBe("unknown province code 99");
    expect(checkCnIdCard(withCheckDigit("11010529990101123"))).toBe("birth date 29990101 is in the future");
    expect(issuesPerValue("cn_id_card", ["123"])[0]?.[0]?.message).toBe("invalid resident ID card number: expected 18 characters, received 3");
  });

  test("accepts 15-digit numbers only when allowed", () => {
    expect(accepts({ cn_id_card: { allow_15: true } }, ["110105491231002"])).toEqual([true]);
    expect(accepts("cn_id_card", ["110105491231002"])).toEqual([false]);
  });
});

describe("cn_uscc", () => {
  test.each(["91350100M000100Y43", "91110000802100433B"])("accepts %s", (code) => {
    expect(checkCnUscc(code)).toBeUndefined();
  });
  test.each([
    ["91350100M000100Y44", "check character is 4, expected 3"],
    ["91350100M000100Y4", "expected 18 characters, received 17"],
    ["9135010OM000100Y43", 'character "O" at position 8 is not allowed (I, O, S, V and Z are never used)'],
    ["913X0100M000100Y43", "positions 3-8 must be the 6-digit administrative division code"],
  ])("refuses %s: %s", (code, reason) => {
    expect(checkCnUscc(code)).toBe(reason);
  });
});

describe("postal_code and bank_card", () => {
  test.each([
    ["postal_code", ["100000", "518000", 200000], ["1000000", "10000", "900000", "10000A"]],
    [{ postal_code: "US" }, ["94105", "94105-1234"], ["9410"]],
    [{ postal_code: "GB" }, ["SW1A 1AA", "EC1A1BB"], ["12345"]],
    ["bank_card", ["4111111111111111", "4111 1111 1111 1111", "6222-0212-3456-7894"], ["4111111111111112", "1234", "abcd efgh ijkl mnop"]],
    [{ bank_card: { luhn: false } }, ["6222021234567890"], ["62220212345"]],
  ])("%j accepts %j and refuses %j", (rule, valid, invalid) => {
    expect(accepts(rule, valid)).toEqual(valid.map(() => true));
    expect(accepts(rule, invalid)).toEqual(invalid.map(() => false));
  });

  test("luhn", () => {
    expect([luhn("79927398713"), luhn("79927398710")]).toEqual([true, false]);
  });
});
