import { describe, expect, test } from "vitest";
import { maskValue } from "./maskValue.ts";

describe("maskValue", () => {
  test.each([
    ["mike.wang@example.com", "m*****@example.com"],
    ["13812345678", "138****5678"],
    [18699462885, "186****2885"],
    ["+86-186-6802-9671", "+86-1**-****-9671"],
    ["510107199911237975", "510***********7975"],
    ["6988048", "*****48"],
    ["19051209", "******09"],
    ["何涛", "**"],
    ["吴娟丽", "吴*丽"],
    ["Johnson", "J*****n"],
  ])("masks %j as %j", (value, masked) => {
    expect(maskValue(value)).toBe(masked);
  });

  test("hides most digits of a number shorter than a phone number, and four or more of a longer one", () => {
    for (let length = 7; length <= 20; length++) {
      const value = "9".repeat(length);
      const shown = [...maskValue(value)].filter((c) => c === "9").length;
      if (length < 11) expect(shown * 2, value).toBeLessThan(length);
      else expect(length - shown, value).toBeGreaterThanOrEqual(4);
    }
  });

  test("keeps null and undefined as they are", () => {
    expect(maskValue(null)).toBe("null");
    expect(maskValue(undefined)).toBe("undefined");
  });

  test("tells personal values and masks them inside text, for reports that mask with it", () => {
    expect(maskValue.isPersonal("15894963798")).toBe(true);
    expect(maskValue.isPersonal("2024-01-10")).toBe(false);
    expect(maskValue.maskText('received "15894963798"')).toBe('received "158****3798"');
  });
});
