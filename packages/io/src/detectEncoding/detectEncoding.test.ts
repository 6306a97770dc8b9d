import iconv from "iconv-lite";
import { describe, expect, test } from "vitest";
import { detectEncoding } from "./detectEncoding.ts";

const SIMPLIFIED = "客户编号,姓名,地址,电话\n1001,张伟,北京市朝阳区建国路88号,13800138000\n1002,王芳,上海市浦东新区世纪大道100号,13912345678\n1003,李娜,广州市天河区体育西路,13587654321\n";
const TRADITIONAL = "客戶編號,姓名,地址,電話\n1001,陳大文,臺北市信義區松仁路100號,0912345678\n1002,林美玲,高雄市前鎮區中山二路,0987654321\n1003,黃志明,臺中市西屯區台灣大道,0922333444\n";
const JAPANESE = "顧客番号,氏名,住所,電話番号\n1001,田中太郎,東京都千代田区丸の内1丁目,03-1234-5678\n1002,さとう はなこ,大阪府大阪市北区梅田,06-9876-5432\n1003,スズキ イチロウ,神奈川県横浜市西区,045-111-2222\n";
const WESTERN = "id,name,city,notes\n1,Jürgen Müller,München,Straße 5\n2,François Dubois,Besançon,élève\n3,José Peña,Málaga,señor\n4,Zoë O'Brien,Cork,naïve café\n";

describe("detectEncoding", () => {
  test.each([
    ["utf-8", [0xef, 0xbb, 0xbf, 0x61]],
    ["utf-16le", [0xff, 0xfe, 0x61, 0x00]],
    ["utf-16be", [0xfe, 0xff, 0x00, 0x61]],
    ["gb18030", [0x84, 0x31, 0x95, 0x33, 0x61]],
  ])("trusts a %s byte-order mark", (encoding, bytes) => {
    expect(detectEncoding(Uint8Array.from(bytes))).toEqual({ encoding, confidence: 1, bom: true });
  });

  test.each([
    ["utf16le", "utf-16le"],
    ["utf16be", "utf-16be"],
  ])("recognises %s without a BOM by its zero bytes", (iconvName, expected) => {
    const found = detectEncoding(iconv.encode("id,name\n1,Ada Lovelace\n2,张伟\n", iconvName));
    expect(found.encoding).toBe(expected);
    expect(found.bom).toBe(false);
    expect(found.confidence).toBeGreaterThan(0.8);
  });

  test("calls pure ASCII utf-8 with full confidence when it saw everything", () => {
    expect(detectEncoding(Buffer.from("id,name\n1,Ada\n"))).toEqual({ encoding: "utf-8", confidence: 1, bom: false });
  });

  test("is less sure of ASCII when it only saw a sample", () => {
    const bytes = Buffer.alloc(100, "a");
    expect(detectEncoding(bytes, { sampleSize: 10 }).confidence).toBeLessThan(1);
  });

  test.each([
    ["simplified Chinese", SIMPLIFIED],
    ["Japanese", JAPANESE],
    ["accented Latin", WESTERN],
  ])("recognises valid UTF-8 holding %s", (_name, text) => {
    const found = detectEncoding(Buffer.from(text));
    expect(found.encoding).toBe("utf-8");
    expect(found.confidence).toBeGreaterThan(0.95);
  });

  test("still picks utf-8 for a long UTF-8 text with one damaged byte", () => {
    const bytes = Buffer.from(SIMPLIFIED.repeat(5));
    bytes[30] = 0xff;
    const found = detectEncoding(bytes);
    expect(found.encoding).toBe("utf-8");
    expect(found.confidence).toBeLessThan(0.9);
  });

  test("ignores a character cut off at the end of a sample", () => {
    const bytes = Buffer.from(`${"x".repeat(9)}中文`);
    expect(detectEncoding(bytes, { sampleSize: 11 }).encoding).toBe("utf-8");
  });

  test.each([
    ["gbk", "gbk", SIMPLIFIED],
    ["big5", "big5", TRADITIONAL],
    ["shiftjis", "shift_jis", JAPANESE],
    ["windows1252", "windows-1252", WESTERN],
  ])("recognises %s text", (iconvName, expected, text) => {
    const found = detectEncoding(iconv.encode(text, iconvName));
    expect(found.encoding).toBe(expected);
    expect(found.confidence).toBeGreaterThan(0.5);
  });

  test.each([
    ["gbk", "gbk", "张伟,北京市朝阳区"],
    ["big5", "big5", "陳大文,臺北市信義區"],
    ["shiftjis", "shift_jis", "田中太郎,東京都"],
    ["windows1252", "windows-1252", "Müller,Düsseldorf"],
  ])("tells short %s values apart", (iconvName, expected, text) => {
    expect(detectEncoding(iconv.encode(text, iconvName)).encoding).toBe(expected);
  });

  test("tells GBK from Big5 on single names, the hard pair", () => {
    const names = ["王秀英", "李建国", "刘洋", "陈静", "杨帆", "赵丽", "黄磊", "周杰", "吴涛", "孙红"];
    for (const name of names) expect(detectEncoding(iconv.encode(name, "gbk")).encoding, name).toBe("gbk");
    const traditional = ["王秀英", "李建國", "劉洋", "陳靜", "楊帆", "趙麗", "黃磊", "周傑", "吳濤", "孫紅"];
    for (const name of traditional) expect(detectEncoding(iconv.encode(name, "big5")).encoding, name).toBe("big5");
  });

  test("reports gb18030 when four-byte sequences appear", () => {
    expect(detectEncoding(iconv.encode("姓名,张伟,😀,北京市朝阳区", "gb18030")).encoding).toBe("gb18030");
  });

  test("is more confident with more text", () => {
    const short = detectEncoding(iconv.encode("张伟", "gbk")).confidence;
    const long = detectEncoding(iconv.encode(SIMPLIFIED, "gbk")).confidence;
    expect(long).toBeGreaterThan(short);
    expect(long).toBeLessThanOrEqual(1);
    expect(short).toBeGreaterThan(0);
  });

  test("reads an ASCII sample with one stray 0xFF byte as uncertain utf-8, not windows-1252", () => {
    const found = detectEncoding(Buffer.concat([Buffer.from("id,name\n1,Ann\n2,B"), Buffer.of(0xff), Buffer.from("b\n")]));
    expect(found).toEqual({ encoding: "utf-8", confidence: 0.05, bom: false, alternative: { encoding: "windows-1252", confidence: 0.05 } });
  });

  test("reads UTF-8 with one truncated character as utf-8, below the 0.5 threshold", () => {
    const found = detectEncoding(Buffer.concat([Buffer.from("1,José\n2,"), Buffer.from("中").subarray(0, 2), Buffer.from("x\n3,Zoë\n")]));
    expect(found.encoding).toBe("utf-8");
    expect(found.confidence).toBeLessThan(0.5);
    expect(found.alternative?.encoding).toBe("gbk");
  });
});
