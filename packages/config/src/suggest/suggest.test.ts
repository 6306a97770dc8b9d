import { describe, expect, test } from "vitest";
import { suggest } from "./suggest.ts";

describe("suggest", () => {
  test.each([
    ["emial", ["email", "phone", "url"], "email"],
    ["requird", ["required", "unique"], "required"],
    ["Phone", ["phone", "email"], "phone"],
    ["zzzzzz", ["email", "phone"], undefined],
    ["x", [], undefined],
  ])("suggest(%j) among %j is %j", (input, candidates, expected) => {
    expect(suggest(input, candidates)).toBe(expected);
  });
});
