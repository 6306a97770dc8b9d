import fc from "fast-check";
import iconv from "iconv-lite";
import { describe, expect, test } from "vitest";
import { decode } from "../decode/decode.ts";
import { createDecoder, type DecodeResult, type InvalidBytes } from "./createDecoder.ts";

/** Decodes `bytes` split at `cuts`, gathering text and invalid ranges as one result. */
function decodeInPieces(bytes: Uint8Array, cuts: readonly number[], encoding: string): DecodeResult {
  const decoder = createDecoder(encoding);
  const points = [...new Set(cuts)].sort((a, b) => a - b);
  let text = "";
  const invalid: InvalidBytes[] = [];
  const take = (r: DecodeResult) => {
    for (const x of r.invalid) invalid.push({ ...x, textIndex: x.textIndex + text.length });
    text += r.text;
  };
  let from = 0;
  for (const p of [...points, bytes.length]) {
    take(decoder.write(bytes.subarray(from, p)));
    from = p;
  }
  take(decoder.end());
  return { text, invalid };
}

const SAMPLES: readonly [string, Uint8Array][] = [
  ["utf-8", Uint8Array.from([...Buffer.from("\ufeff客户,Zoë,😀\n"), 0xff, 0xe4, 0xb8, ...Buffer.from("张伟\r\n")])],
  ["gbk", Uint8Array.from([...iconv.encode("客户,张伟\n", "gbk"), 0x81, 0x20, 0xff, ...iconv.encode("北京", "gbk")])],
  ["gb18030", Uint8Array.from([...iconv.encode("客户,😀,张伟", "gb18030"), 0x81, 0x30, 0x41, ...iconv.encode("北京", "gb18030")])],
  ["big5", Uint8Array.from([...iconv.encode("客戶,陳大文\n", "big5"), 0xa4, 0x0a, ...iconv.encode("臺北", "big5")])],
  ["shift_jis", Uint8Array.from([...iconv.encode("顧客,ｶﾀｶﾅ,田中\n", "shiftjis"), 0x82, 0x0a])],
  ["utf-16le", Uint8Array.from([0xff, 0xfe, ...iconv.encode("客户,😀\n", "utf16le"), 0x00, 0xd8, 0x61, 0x00, 0x62])],
  ["utf-16be", Uint8Array.from([...iconv.encode("客户,😀\n", "utf16be"), 0xdc, 0x00, 0x00, 0x61])],
  ["windows-1252", Uint8Array.from([...iconv.encode("Müller,€5\n", "windows1252"), 0x81, 0x41])],
];

describe("createDecoder", () => {
  test.each(SAMPLES)("gives the same text and offsets in %s whatever the chunk boundaries", (encoding, bytes) => {
    const whole = decode(bytes, encoding);
    expect(whole.invalid.length).toBeGreaterThan(0);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: bytes.length }), { maxLength: 8 }), (cuts) => {
        expect(decodeInPieces(bytes, cuts, encoding)).toEqual(whole);
      }),
      { numRuns: 150 },
    );
  });

  test.each(SAMPLES)("gives the same result in %s when fed one byte at a time", (encoding, bytes) => {
    const cuts = Array.from({ length: bytes.length }, (_, i) => i);
    expect(decodeInPieces(bytes, cuts, encoding)).toEqual(decode(bytes, encoding));
  });

  test("holds back a split character until it is complete", () => {
    const d = createDecoder("utf-8");
    expect(d.write(Uint8Array.of(0xe4, 0xb8)).text).toBe("");
    expect(d.write(Uint8Array.of(0xad)).text).toBe("中");
    expect(d.end()).toEqual({ text: "", invalid: [] });
  });

  test("reports the encoding and full confidence for a named encoding", () => {
    const d = createDecoder("GBK");
    expect([d.encoding, d.confidence]).toEqual(["gbk", 1]);
  });

  test("with auto, waits for 64 KiB before deciding, then decodes what it held", () => {
    const gbk = iconv.encode("客户,张伟,北京市朝阳区建国路\n".repeat(3000), "gbk");
    const d = createDecoder("auto");
    const first = d.write(gbk.subarray(0, 1000));
    expect(first.text).toBe("");
    const rest = d.write(gbk.subarray(1000));
    const tail = d.end();
    expect(first.text + rest.text + tail.text).toBe("客户,张伟,北京市朝阳区建国路\n".repeat(3000));
    expect(d.encoding).toBe("gbk");
    expect(d.confidence).toBeGreaterThan(0.5);
  });

  test("with auto, passes ASCII through and detects the first non-ASCII bytes later on", () => {
    const ascii = Buffer.from("id,name\n".repeat(20000));
    const gbk = iconv.encode("7,张伟\n8,王芳\n", "gbk");
    const d = createDecoder("auto");
    const out = [d.write(ascii), d.write(gbk), d.end()];
    expect(out.map((o) => o.text).join("")).toBe(`${"id,name\n".repeat(20000)}7,张伟\n8,王芳\n`);
    expect(out.flatMap((o) => o.invalid)).toEqual([]);
    expect(d.encoding).toBe("gbk");
  });

  test("with auto, a whole ASCII input is utf-8 with full confidence", () => {
    const d = createDecoder("auto");
    d.write(Buffer.from("a,b\n1,2\n"));
    d.end();
    expect([d.encoding, d.confidence]).toEqual(["utf-8", 1]);
  });

  test("with auto, invalid bytes keep their offsets from the first byte", () => {
    const bytes = Uint8Array.from([...Buffer.from(`${"x".repeat(70000)}中文中文`), 0xff, 0x41]);
    const d = createDecoder("auto");
    const a = d.write(bytes.subarray(0, 65536));
    const b = d.write(bytes.subarray(65536));
    const c = d.end();
    expect(d.encoding).toBe("utf-8");
    expect([...a.invalid, ...b.invalid, ...c.invalid].map((x) => x.byteOffset)).toEqual([70012]);
  });
});
