import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { standardizeText, type StandardizeTextOptions } from "./standardizeText.ts";

const cases: readonly (readonly [input: unknown, options: StandardizeTextOptions, expected: string | null])[] = [
  ["hello", {}, "hello"],
  ["  hello  ", {}, "hello"],
  ["hello   world", {}, "hello world"],
  ["hello\t\n world", {}, "hello world"],
  ["hello\u00a0world", {}, "hello world"],
  ["hello\u3000world", {}, "hello world"],
  ["Ｈｅｌｌｏ　Ｗｏｒｌｄ", {}, "Hello World"],
  ["１２３ＡＢＣ", {}, "123ABC"],
  ["ｶﾀｶﾅ", {}, "カタカナ"],
  ["ﬁne", {}, "fine"],
  ["zero\u200bwidth", {}, "zerowidth"],
  ["\ufeffbom", {}, "bom"],
  ["soft\u00adhyphen", {}, "softhyphen"],
  ["bell\u0007", {}, "bell"],
  ["rtl\u200fmark", {}, "rtlmark"],
  ["👨\u200d👩\u200d👧", {}, "👨\u200d👩\u200d👧"],
  ["中文，标点。", {}, "中文,标点。"],
  ["  ", {}, null],
  ["\u200b", {}, null],
  ["", {}, null],
  [null, {}, null],
  [42, {}, "42"],
  [true, {}, "true"],
  ["Hello World", { case: "lower" }, "hello world"],
  ["Hello World", { case: "upper" }, "HELLO WORLD"],
  ["hello WORLD", { case: "title" }, "Hello World"],
  ["jean-luc picard", { case: "title" }, "Jean-Luc Picard"],
  ["o'brien", { case: "title" }, "O'brien"],
  ["ÉCOLE normale", { case: "title" }, "École Normale"],
  ["straße", { case: "upper" }, "STRASSE"],
  ["你好，世界！", { punctuation: "ascii" }, "你好,世界!"],
  ["“引号”与‘单引号’", { punctuation: "ascii" }, "\"引号\"与'单引号'"],
  ["【注意】《书名》", { punctuation: "ascii" }, "[注意]<书名>"],
  ["等等…", { punctuation: "ascii" }, "等等..."],
  ["句号。顿号、", { punctuation: "ascii" }, "句号.顿号,"],
  ["你好,世界!", { punctuation: "cjk" }, "你好，世界！"],
  ["你好, 世界.", { punctuation: "cjk" }, "你好，世界。"],
  ["价格:100元", { punctuation: "cjk" }, "价格：100元"],
  ["(备注)", { punctuation: "cjk" }, "（备注）"],
  ["version 1.5, ok", { punctuation: "cjk" }, "version 1.5, ok"],
  ["  a  b  ", { collapseWhitespace: false }, "a  b"],
  ["  a  b  ", { trim: false }, " a b "],
  ["Ｈｅｌｌｏ", { nfkc: false }, "Ｈｅｌｌｏ"],
  ["a\u200bb", { stripControl: false }, "a\u200bb"],
  ["  ", { empty: "keep" }, "  "],
];

describe("standardizeText", () => {
  test("drops every space after punctuation it turns into full-width, so a second run changes nothing", () => {
    const once = standardizeText("中，  a", { collapseWhitespace: false, punctuation: "cjk" });
    expect(once).toMatchObject({ ok: true, value: "中，a" });
    expect(standardizeText("中，a", { collapseWhitespace: false, punctuation: "cjk" })).toMatchObject({ ok: true, value: "中，a" });
  });

  test.each(cases)("%j with %j -> %j", (input, options, expected) => {
    expect(standardizeText(input, options)).toMatchObject({ ok: true, value: expected });
  });

  test("says whether the text changed", () => {
    expect(standardizeText("plain")).toEqual({ ok: true, value: "plain", changed: false });
    expect(standardizeText(" plain")).toEqual({ ok: true, value: "plain", changed: true });
    expect(standardizeText(7)).toEqual({ ok: true, value: "7", changed: true });
  });

  test("reports objects as invalid_type", () => {
    expect(standardizeText({ a: 1 })).toMatchObject({ ok: false, issue: { code: "invalid_type" } });
  });

  test("is idempotent for every option set (property)", () => {
    const options = fc.record(
      {
        trim: fc.boolean(),
        collapseWhitespace: fc.boolean(),
        nfkc: fc.boolean(),
        stripControl: fc.boolean(),
        case: fc.constantFrom<"lower" | "upper" | "title">("lower", "upper", "title"),
        punctuation: fc.constantFrom<"ascii" | "cjk">("ascii", "cjk"),
      },
      { requiredKeys: [] },
    );
    const text = fc.oneof(
      fc.string({ unit: "binary" }),
      fc.string({ unit: fc.constantFrom("a", "B", " ", "\u3000", "，", ",", "。", ".", "中", "文", "Ａ", "\u200b", "(", ")", "ß", "İ", "\n", "'", "-") }),
    );
    fc.assert(
      fc.property(text, options, (value, opts) => {
        const once = standardizeText(value, opts as StandardizeTextOptions);
        if (!once.ok || once.value === null) return;
        expect(standardizeText(once.value, opts as StandardizeTextOptions)).toEqual({ ok: true, value: once.value, changed: false });
      }),
      { numRuns: 1000 },
    );
  });
});
