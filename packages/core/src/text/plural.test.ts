import { describe, expect, test } from "vitest";
import { plural } from "./plural.ts";

describe("plural", () => {
  test.each([
    [0, "0 records"],
    [1, "1 record"],
    [2, "2 records"],
    [1234567, "1,234,567 records"],
    [1.5, "1.5 records"],
  ])("writes %d as %j", (count, text) => {
    expect(plural(count, "record")).toBe(text);
  });

  test("takes an irregular plural", () => {
    expect(plural(1, "match", "matches")).toBe("1 match");
    expect(plural(3, "match", "matches")).toBe("3 matches");
    expect(`${plural(1, "rule")} failed`).toBe("1 rule failed");
  });
});
