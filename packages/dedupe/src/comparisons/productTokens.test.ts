import { describe, expect, test } from "vitest";
import { modelCodePieces, modelCodes, quantitiesOf, wordTokens } from "./productTokens.ts";

describe("wordTokens", () => {
  test("reads each quantity as one word, however its unit is written", () => {
    expect(wordTokens("sandisk ultra 64 gb")).toEqual(["64gb", "sandisk", "ultra"]);
    expect(wordTokens("sandisk ultra 64gb")).toEqual(["64gb", "sandisk", "ultra"]);
    expect(wordTokens('dell 15.6" laptop')).toEqual(["15.6in", "dell", "laptop"]);
    expect(wordTokens("dell 15.6 inch laptop")).toEqual(["15.6in", "dell", "laptop"]);
    expect(wordTokens("intel i5 2,90 ghz")).toEqual(["2.9ghz", "intel", "i5"]);
  });

  test("keeps words of letters and digits, without punctuation", () => {
    expect(wordTokens("toshiba exceria pro (n101) - black")).toEqual(["toshiba", "exceria", "pro", "n101", "black"]);
    expect(wordTokens("")).toEqual([]);
  });
});

describe("quantitiesOf", () => {
  test("gives each number with its unit's one name", () => {
    expect(quantitiesOf("wd 2 tb 7200 rpm 3.5\"")).toEqual([
      { value: 2, unit: "tb" },
      { value: 7200, unit: "rpm" },
      { value: 3.5, unit: "in" },
    ]);
    expect(quantitiesOf("no numbers here")).toEqual([]);
  });

  test("leaves out numbers that may be thousands or decimals", () => {
    expect(quantitiesOf("anker 10,000 mah, 1.000 gb")).toEqual([]);
    expect(quantitiesOf("2,50 ghz")).toEqual([{ value: 2.5, unit: "ghz" }]);
    expect(wordTokens("anker 10,000 mah")).toEqual(["10,000mah", "anker"]);
  });
});

describe("modelCodes", () => {
  test("finds model and part numbers with and without their separators", () => {
    expect(modelCodes("sony kdl-46v5100 46 inch")).toEqual(["46v5100", "kdl46v5100"]);
    expect(modelCodes("sony kdl46v5100")).toEqual(["kdl46v5100"]);
    expect(modelCodes("intel xeon (bx80621e52640)")).toEqual(["bx80621e52640"]);
    expect(modelCodes("epson elplp12 lamp")).toEqual(["elplp12"]);
  });

  test("keeps each code as written with the codes among its parts", () => {
    expect(modelCodePieces("vgn-nw280f/l and kdl-46v5100")).toEqual([
      { full: "vgnnw280fl", parts: ["nw280f"] },
      { full: "kdl46v5100", parts: ["46v5100"] },
    ]);
  });

  test("leaves out quantities, short pieces and words without digits", () => {
    expect(modelCodes("sandisk 64gb 2.5ghz 4k hd usb")).toEqual([]);
    expect(modelCodes("")).toEqual([]);
  });
});
