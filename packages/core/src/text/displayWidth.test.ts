import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { displayWidth, padEndDisplay, padStartDisplay, truncateDisplay } from "./displayWidth.ts";

describe("displayWidth", () => {
  test.each([
    ["", 0],
    ["phone", 5],
    ["手机号", 6],
    ["カタカナ", 8],
    ["ひらがな", 8],
    ["한국어", 6],
    ["𠮷野家", 6],
    ["ｶﾀｶﾅ", 4],
    ["ＡＢＣ！", 8],
    ["￥100", 5],
    ["王伟，你好。", 12],
    ["\u3000", 2],
    ["…", 1],
  ])("counts %j as %i columns", (text, width) => {
    expect(displayWidth(text)).toBe(width);
  });

  test("counts mixed ASCII and CJK text by column, not by UTF-16 unit", () => {
    const text = "手机号 phone 한국어 カナ";
    expect(text.length).toBe(16);
    expect(displayWidth(text)).toBe(24);
  });

  test("counts a character outside the BMP (a surrogate pair) once", () => {
    expect("𠮷".length).toBe(2);
    expect(displayWidth("𠮷")).toBe(2);
    expect(displayWidth("𝐀")).toBe(1);
  });

  test.each([
    ["e\u0301", 1],
    ["a\u0308\u0323", 1],
    ["\u0915\u093f", 2],
    ["\u20dd", 0],
    ["\u1100\u1161\u11a8", 2],
  ])("gives combining marks no column: %j is %i wide", (text, width) => {
    expect(displayWidth(text)).toBe(width);
  });

  test.each([
    ["a\u200bb", 2],
    ["a\u200cb\u200db", 3],
    ["\u200e\u200f", 0],
    ["a\u2060b", 2],
    ["\ufeffid", 2],
    ["\u00ad", 0],
    ["葛\udb40\udd00", 2],
  ])("gives zero-width characters no column: %j is %i wide", (text, width) => {
    expect(displayWidth(text)).toBe(width);
  });

  test.each([
    ["👍", 2],
    ["🎉🎉", 4],
    ["👍🏽", 2],
    ["👨‍👩‍👧", 2],
    ["👩🏽‍💻", 2],
    ["❤", 1],
    ["❤️", 2],
    ["1️⃣", 2],
    ["🇨🇳", 2],
    ["🇨🇳🇯🇵", 4],
    ["ok ✅", 5],
  ])("counts emoji %j as %i columns", (text, width) => {
    expect(displayWidth(text)).toBe(width);
  });

  test("gives ANSI escape sequences and control characters no column", () => {
    expect(displayWidth("\u001b[1;31m手机号\u001b[0m")).toBe(6);
    expect(displayWidth("\u001b]8;;https://example.com\u0007link\u001b]8;;\u0007")).toBe(4);
    expect(displayWidth("\u001b(Babc")).toBe(3);
    expect(displayWidth("a\u0000b\u007f")).toBe(2);
  });
});

describe("padEndDisplay", () => {
  test("pads to a display width, so a CJK cell lines up with an ASCII cell", () => {
    expect(`${padEndDisplay("手机号", 8)}|`).toBe("手机号  |");
    expect(`${padEndDisplay("phone", 8)}|`).toBe("phone   |");
    expect(displayWidth(padEndDisplay("カタカナ", 10))).toBe(displayWidth(padEndDisplay("abc", 10)));
  });

  test("returns text as wide as the width, or wider, as is", () => {
    expect(padEndDisplay("한국어", 6)).toBe("한국어");
    expect(padEndDisplay("한국어", 3)).toBe("한국어");
  });
});

describe("padStartDisplay", () => {
  test("right-aligns by display width", () => {
    expect(padStartDisplay("한국어", 8)).toBe("  한국어");
    expect(padStartDisplay("e\u0301", 3)).toBe("  e\u0301");
    expect(padStartDisplay("12", 1)).toBe("12");
  });
});

describe("truncateDisplay", () => {
  test("returns text that fits as is", () => {
    expect(truncateDisplay("手机号", 6)).toBe("手机号");
    expect(truncateDisplay("phone", 24)).toBe("phone");
  });

  test("cuts at a display width and ends with an ellipsis", () => {
    expect(truncateDisplay("Alice Smith", 6)).toBe("Alice…");
    expect(truncateDisplay("手机号码", 7)).toBe("手机号…");
  });

  test("leaves out a wide character that would cross an odd column, never splitting it", () => {
    expect(truncateDisplay("手机号码", 6)).toBe("手机…");
    expect(displayWidth(truncateDisplay("手机号码", 6))).toBe(5);
    expect(truncateDisplay("ab手机", 4)).toBe("ab…");
    expect(truncateDisplay("𠮷𠮷𠮷", 4)).toBe("𠮷…");
  });

  test("keeps combining marks and emoji sequences with their character", () => {
    expect(truncateDisplay("e\u0301e\u0301e\u0301", 2)).toBe("e\u0301…");
    expect(truncateDisplay("👨‍👩‍👧👨‍👩‍👧", 3)).toBe("👨‍👩‍👧…");
    expect(truncateDisplay("🇨🇳🇯🇵", 3)).toBe("🇨🇳…");
  });

  test("takes another ellipsis, and drops it when even it does not fit", () => {
    expect(truncateDisplay("Alice Smith", 6, { ellipsis: "..." })).toBe("Ali...");
    expect(truncateDisplay("手机", 1)).toBe("…");
    expect(truncateDisplay("手机", 0)).toBe("");
    expect(truncateDisplay("手机号", 2, { ellipsis: "..." })).toBe("手");
  });

  test("does not count escape sequences, and keeps the ones after the cut", () => {
    expect(truncateDisplay("\u001b[31m手机号码\u001b[0m", 5)).toBe("\u001b[31m手机…\u001b[0m");
  });

  test("never returns more columns than asked for, and keeps a prefix of the text", () => {
    const char = fc.constantFrom("a", "Z", " ", "手", "カ", "한", "𠮷", "e\u0301", "👍", "👍🏽", "👨‍👩‍👧", "❤️", "🇨🇳", "\u200b", "ｶ");
    fc.assert(
      fc.property(fc.array(char, { maxLength: 12 }), fc.integer({ min: 0, max: 20 }), (chars, width) => {
        const text = chars.join("");
        const cut = truncateDisplay(text, width);
        if (displayWidth(text) <= width) return cut === text;
        return displayWidth(cut) <= width && (cut === "" || text.startsWith(cut.slice(0, -1)));
      }),
    );
  });
});
