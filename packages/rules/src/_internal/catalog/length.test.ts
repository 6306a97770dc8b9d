import { describe, expect, test } from "vitest";
import type { RuleEntry } from "../../ruleFileSchema/ruleFileSchema.ts";
import { accepts, issuesPerValue } from "../testing.ts";

describe("length", () => {
  test.each([
    [{ length: { max: 3 } }, ["", "abc", "北京市", "😀😀😀", 123], ["abcd", "北京市海", 1234]],
    [{ length: { min: 2, max: 4 } }, ["ab", "abcd", [1, 2]], ["a", "abcde", [1]]],
    [{ length: 2 }, ["CN", "中国"], ["C", "CHN"]],
  ])("%j accepts %j and refuses %j", (rule, valid, invalid) => {
    expect(accepts(rule, valid.filter((v) => v !== ""))).toEqual(valid.filter((v) => v !== "").map(() => true));
    expect(accepts(rule, invalid)).toEqual(invalid.map(() => false));
  });

  test("counts characters, not UTF-16 units", () => {
    expect(issuesPerValue({ length: { max: 1 } }, ["😀😀"])[0]?.[0]?.message).toMatchInlineSnapshot(`"length must be at most 1 character, received 2 characters ("😀😀")"`);
  });

  const message = (rule: RuleEntry, value: unknown) => issuesPerValue(rule, [value])[0]?.[0]?.message;

  test.each([
    [{ length: { max: 1 } }, "abc", 'length must be at most 1 character, received 3 characters ("abc")'],
    [{ length: { max: 3 } }, "abcd", 'length must be at most 3 characters, received 4 characters ("abcd")'],
    [{ length: { min: 2 } }, "a", 'length must be at least 2 characters, received 1 character ("a")'],
    [{ length: 1 }, "ab", 'length must be exactly 1 character, received 2 characters ("ab")'],
    [{ length: { min: 2, max: 4 } }, "a", 'length must be between 2 and 4 characters, received 1 character ("a")'],
    [{ length: { min: 3, max: 3 } }, "ab", 'length must be exactly 3 characters, received 2 characters ("ab")'],
  ])("%j on %j says %j", (rule, value, expected) => {
    expect(message(rule, value)).toBe(expected);
  });

  test.each([
    [{ length: { max: 1 } }, ["a", "b"], 'must have at most 1 item, received 2 items (["a","b"])'],
    [{ length: { min: 2 } }, ["a"], 'must have at least 2 items, received 1 item (["a"])'],
    [{ length: 1 }, [1, 2, 3], "must have exactly 1 item, received 3 items ([1,2,3])"],
    [{ length: { min: 2, max: 3 } }, [1, 2, 3, 4], "must have between 2 and 3 items, received 4 items ([1,2,3,4])"],
  ])("%j on the list %j speaks of items: %j", (rule, value, expected) => {
    expect(message(rule, value)).toBe(expected);
  });

  test("says what it expected of a value that has no length", () => {
    expect(message({ length: { max: 1 } }, { a: 1 })).toMatchInlineSnapshot(`"expected text of at most 1 character or a list of at most 1 item, received {"a":1}"`);
  });
});
