import iconv from "iconv-lite";
import { describe, expect, test } from "vitest";
import * as api from "./index.ts";

describe("@cleanse/standardize", () => {
  test("exports every standardizer and the step by name", () => {
    expect(Object.keys(api).sort()).toEqual([
      "builtInDictionaries",
      "countryDictionary",
      "createDateStandardizer",
      "createDecimalStandardizer",
      "createPhoneStandardizer",
      "createStandardizeStep",
      "decode",
      "detectEncoding",
      "genderDictionary",
      "inferDateOrder",
      "loadDictionary",
      "mapValues",
      "repairMojibake",
      "standardizeDate",
      "standardizeDecimal",
      "standardizeEmail",
      "standardizePhone",
      "standardizeStepSchema",
      "standardizeText",
    ]);
  });

  test("re-exports detectEncoding and decode from @cleanse/io", () => {
    const bytes = new Uint8Array(iconv.encode("客户,北京市朝阳区,上海市浦东新区,广州市天河区\n", "gbk"));
    const detected = api.detectEncoding(bytes);
    expect(detected).toMatchObject({ encoding: expect.stringMatching(/^gb/), bom: false });
    expect(api.decode(bytes, detected.encoding)).toEqual({ text: "客户,北京市朝阳区,上海市浦东新区,广州市天河区\n", invalid: [] });
    expect(api.detectEncoding(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]))).toEqual({ encoding: "utf-8", confidence: 1, bom: true });
  });
});
