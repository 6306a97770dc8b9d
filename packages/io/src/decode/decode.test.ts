import iconv from "iconv-lite";
import { describe, expect, test } from "vitest";
import { UnknownEncodingError } from "../UnknownEncodingError/UnknownEncodingError.ts";
import { decode } from "./decode.ts";

const bytes = (...values: number[]) => Uint8Array.from(values);

describe("decode", () => {
  test.each([
    ["utf-8", "客户,Zoë,😀"],
    ["gbk", "客户,张伟,北京"],
    ["gb18030", "客户,张伟,😀"],
    ["big5", "客戶,陳大文,臺北"],
    ["shift_jis", "顧客,田中太郎,ｶﾀｶﾅ"],
    ["windows-1252", "Müller,€5,naïve"],
    ["utf-16le", "客户,Zoë,😀"],
    ["utf-16be", "客户,Zoë,😀"],
    ["euc-kr", "고객,김민준"],
  ])("round-trips %s text without reporting anything", (encoding, text) => {
    expect(decode(iconv.encode(text, encoding), encoding)).toEqual({ text, invalid: [] });
  });

  test("reports invalid UTF-8 with byte offsets, one replacement per maximal subpart", () => {
    expect(decode(bytes(0x61, 0xff, 0x62, 0xe4, 0xb8, 0x63, 0xed, 0xa0, 0x80), "utf-8")).toEqual({
      text: "a\ufffdb\ufffdc\ufffd\ufffd\ufffd",
      invalid: [
        { byteOffset: 1, length: 1, textIndex: 1 },
        { byteOffset: 3, length: 2, textIndex: 3 },
        { byteOffset: 6, length: 1, textIndex: 5 },
        { byteOffset: 7, length: 1, textIndex: 6 },
        { byteOffset: 8, length: 1, textIndex: 7 },
      ],
    });
  });

  test("reports a character cut off at the end", () => {
    expect(decode(bytes(0x61, 0xe4, 0xb8), "utf-8").invalid).toEqual([{ byteOffset: 1, length: 2, textIndex: 1 }]);
  });

  test("reports GBK bytes that map to nothing, keeping the byte after an invalid lead", () => {
    // 0x81 0x20: a lead byte followed by a space; 0xFF is never valid.
    const result = decode(bytes(0xd5, 0xc5, 0x81, 0x20, 0xff, 0x41), "gbk");
    expect(result).toEqual({
      text: "张\ufffd \ufffdA",
      invalid: [
        { byteOffset: 2, length: 1, textIndex: 1 },
        { byteOffset: 4, length: 1, textIndex: 3 },
      ],
    });
  });

  test("reports Big5 and Shift_JIS lead bytes without a valid trail byte", () => {
    expect(decode(bytes(0xa4, 0x40, 0xa4, 0x0a), "big5").invalid).toEqual([{ byteOffset: 2, length: 1, textIndex: 1 }]);
    expect(decode(bytes(0x82, 0xa0, 0x82), "shift_jis").invalid).toEqual([{ byteOffset: 2, length: 1, textIndex: 1 }]);
  });

  test("reports windows-1252 bytes that have no character", () => {
    expect(decode(bytes(0x61, 0x81, 0x80), "windows-1252")).toEqual({ text: "a\ufffd€", invalid: [{ byteOffset: 1, length: 1, textIndex: 1 }] });
  });

  test("keeps a genuine U+FFFD in GB18030 as valid", () => {
    expect(decode(iconv.encode("a\ufffdb", "gb18030"), "gb18030")).toEqual({ text: "a\ufffdb", invalid: [] });
  });

  test("reports lone surrogates and an odd trailing byte in UTF-16", () => {
    const result = decode(bytes(0x61, 0x00, 0x00, 0xd8, 0x62, 0x00, 0x63), "utf-16le");
    expect(result).toEqual({
      text: "a\ufffdb\ufffd",
      invalid: [
        { byteOffset: 2, length: 2, textIndex: 1 },
        { byteOffset: 6, length: 1, textIndex: 3 },
      ],
    });
  });

  test("drops a BOM but keeps offsets counting from the first byte", () => {
    expect(decode(bytes(0xef, 0xbb, 0xbf, 0x61, 0xff), "utf-8")).toEqual({ text: "a\ufffd", invalid: [{ byteOffset: 4, length: 1, textIndex: 1 }] });
    expect(decode(bytes(0xef, 0xbb, 0xbf, 0x61), "utf-8", { stripBom: false }).text).toBe("\ufeffa");
  });

  test("detects the encoding with auto", () => {
    expect(decode(iconv.encode("客户,张伟,北京市朝阳区", "gbk"), "auto").text).toBe("客户,张伟,北京市朝阳区");
  });

  test.each(["utf8", "UTF-8", "cp936", "GB2312", "Shift_JIS", "sjis", "CP1252", "latin1", "koi8-r"])("accepts the alias %s", (name) => {
    expect(decode(bytes(0x61, 0x62), name).text).toBe("ab");
  });

  test("throws UnknownEncodingError for a name iconv-lite does not know", () => {
    expect(() => decode(bytes(0x61), "utf-9")).toThrow(UnknownEncodingError);
    try {
      decode(bytes(0x61), "utf-9");
    } catch (error) {
      expect((error as UnknownEncodingError).code).toBe("CLEANSE_UNKNOWN_ENCODING");
      expect((error as Error).message).toMatchInlineSnapshot(
        `"Unknown encoding "utf-9". Use a name iconv-lite knows, e.g. "utf-8", "gbk", "big5", "shift_jis" or "windows-1252", or "auto" to detect it."`,
      );
    }
  });
});
