import fc from "fast-check";
import iconv from "iconv-lite";
import { describe, expect, test } from "vitest";
import { repairMojibake } from "./repairMojibake.ts";

const CP1252 = "\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178";

/** What a program does when it reads UTF-8 bytes as windows-1252 (undefined bytes as C1 controls), Latin-1 or GBK. */
function garble(text: string, encoding: "windows-1252" | "latin1" | "gbk" = "windows-1252"): string {
  const bytes = Buffer.from(text, "utf8");
  if (encoding === "gbk") return iconv.decode(bytes, "gbk");
  if (encoding === "latin1") return bytes.toString("latin1");
  let out = "";
  for (const b of bytes) out += b >= 0x80 && b <= 0x9f ? CP1252[b - 0x80] : String.fromCharCode(b);
  return out;
}

describe("repairMojibake", () => {
  test.each([
    ["ä¸­æ–‡", "中文"],
    ["CafÃ©", "Café"],
    ["MÃ¼nchen", "München"],
    ["naÃ¯ve", "naïve"],
    ["SÃ£o Paulo", "São Paulo"],
    ["â‚¬100", "€100"],
    ["Itâ€™s", "It’s"],
    ["â€œquotedâ€\u009d", "“quoted”"],
    ["Ã…ngstrÃ¶m", "Ångström"],
    ["åŒ—äº¬å¸‚", "北京市"],
    ["ðŸ˜€", "😀"],
    ["Ã‚Â°C", "°C"],
    ["CafÃƒÂ©", "Café"],
    ["ZÃ¼rich, Ã–sterreich", "Zürich, Österreich"],
  ])("%j -> %j", (input, expected) => {
    expect(repairMojibake(input)).toMatchObject({ text: expected, changed: true, reason: "repaired" });
  });

  test.each([
    ["plain ascii", "ascii"],
    ["Café", "not_utf8"],
    ["München", "not_utf8"],
    ["中文", "not_encodable"],
    ["naïve café", "not_utf8"],
    ["price: 5 €", "not_utf8"],
    ["Â", "not_utf8"],
    ["Ã©Ã", "not_utf8"],
    ["Ã x", "not_utf8"],
  ])("leaves %j as it is (%s)", (input, reason) => {
    expect(repairMojibake(input)).toEqual({ text: input, changed: false, reason, undone: [] });
  });

  test("refuses a repair that would produce control characters", () => {
    // C2 80 is valid UTF-8, but for U+0080, a control character: not a plausible text.
    expect(repairMojibake("Â\u0080")).toMatchObject({ changed: false, reason: "implausible" });
  });

  test("undoes UTF-8 read as GBK when asked", () => {
    expect(repairMojibake(garble("中文编码", "gbk"), { encodings: ["gbk"] })).toMatchObject({ text: "中文编码", changed: true, undone: ["gbk"] });
    expect(repairMojibake("中文编码", { encodings: ["gbk"] }).changed).toBe(false);
  });

  test("undoes Latin-1 double decoding too, once or twice", () => {
    expect(repairMojibake(garble("Łódź – €5", "latin1")).text).toBe("Łódź – €5");
    expect(repairMojibake(garble(garble("北京市 Ærø", "latin1"), "latin1")).text).toBe("北京市 Ærø");
  });

  test("tells how many layers it undid", () => {
    expect(repairMojibake(garble(garble("Ærø"))).undone).toEqual(["windows-1252", "windows-1252"]);
    expect(repairMojibake(garble(garble("Ærø")), { maxPasses: 1 }).text).toBe(garble("Ærø"));
  });

  const text = fc.string({ unit: fc.constantFrom("a", " ", "é", "ü", "ß", "中", "文", "€", "’", "😀", "Ø", "ç", "ñ", "-"), minLength: 1 });

  test("repairs any text garbled once (property)", () => {
    fc.assert(
      fc.property(text.filter((s) => /[^\x00-\x7f]/.test(s)), (original) => {
        expect(repairMojibake(garble(original), { maxPasses: 1 })).toMatchObject({ text: original, changed: true });
      }),
      { numRuns: 500 },
    );
  });

  test("repairs words garbled once or twice (property)", () => {
    const word = fc.constantFrom("Café", "München", "São Paulo", "中文", "北京市", "naïve", "€100", "It’s", "Ångström", "Zürich", "Ærø", "😀", "Łódź", "Ελλάδα", "Москва");
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 4 }), fc.integer({ min: 1, max: 2 }), (words, layers) => {
        const original = words.join(" ");
        let garbled = original;
        for (let i = 0; i < layers; i++) garbled = garble(garbled);
        expect(repairMojibake(garbled)).toMatchObject({ text: original, changed: true });
      }),
      { numRuns: 300 },
    );
  });

  test("is idempotent: repairing a repaired text changes nothing (property)", () => {
    const word = fc.constantFrom("Café", "München", "中文", "naïve", "€100", "It’s", "Ærø", "😀", "Łódź", "Москва", "plain");
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 4 }), fc.integer({ min: 0, max: 2 }), (words, layers) => {
        let garbled = words.join(" ");
        for (let i = 0; i < layers; i++) garbled = garble(garbled);
        const once = repairMojibake(garbled);
        expect(repairMojibake(once.text)).toMatchObject({ text: once.text, changed: false });
      }),
      { numRuns: 300 },
    );
  });
});
