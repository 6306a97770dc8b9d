import { readFileSync } from "node:fs";
import fc from "fast-check";
import parsePhoneNumber, { type CountryCode } from "libphonenumber-js/max";
import { describe, expect, test } from "vitest";
import { numberType, writtenWithTrunkPrefix } from "../_internal/phoneType.ts";
import { createPhoneParser, parsePhone, type PhoneType, type ParsePhoneOptions } from "./parsePhone.ts";

const cn = (format: ParsePhoneOptions["format"]): ParsePhoneOptions => (format === undefined ? { region: "CN" } : { region: "CN", format });

const valid: readonly (readonly [input: unknown, options: ParsePhoneOptions, expected: string | null, type?: PhoneType])[] = [
  // CRM/ERP examples
  ["+86-138-1234-5678", cn("digits"), "13812345678", "mobile"],
  ["+86-138-1234-5678", cn("E.164"), "+8613812345678", "mobile"],
  ["+86-138-1234-5678", cn("national"), "138 1234 5678", "mobile"],
  ["+86-138-1234-5678", cn("international"), "+86 138 1234 5678", "mobile"],
  ["13812345678", cn("digits"), "13812345678", "mobile"],
  ["13812345678", cn(undefined), "+8613812345678", "mobile"],
  ["138 1234 5678", cn("digits"), "13812345678", "mobile"],
  ["(+86) 138-1234-5678", cn("digits"), "13812345678", "mobile"],
  ["0086 13812345678", cn("digits"), "13812345678", "mobile"],
  ["86 13812345678", cn("digits"), "13812345678", "mobile"],
  ["+86 13812345678", cn("E.164"), "+8613812345678", "mobile"],
  ["１３８１２３４５６７８", cn("digits"), "13812345678", "mobile"],
  [13812345678, cn("digits"), "13812345678", "mobile"],
  ["tel:+86-138-1234-5678", cn("digits"), "13812345678", "mobile"],
  // fixed lines keep their area code; the national form keeps the trunk prefix
  ["010-12345678", cn("E.164"), "+861012345678", "fixed_line"],
  ["010-12345678", cn("national"), "010 1234 5678", "fixed_line"],
  ["010-12345678", cn("digits"), "01012345678", "fixed_line"],
  ["(021) 6123 4567", cn("E.164"), "+862161234567", "fixed_line"],
  ["+86 21 6123 4567", cn("international"), "+86 21 6123 4567", "fixed_line"],
  ["400-810-8888", cn("E.164"), "+864008108888", "shared_cost"],
  ["800-810-8888", cn("E.164"), "+868008108888", "toll_free"],
  // other regions
  ["(650) 253-0000", { region: "US" }, "+16502530000", "fixed_line_or_mobile"],
  ["650.253.0000", { region: "US", format: "national" }, "(650) 253-0000", "fixed_line_or_mobile"],
  ["020 7946 0958", { region: "GB" }, "+442079460958", "fixed_line"],
  ["07400 123456", { region: "GB", format: "international" }, "+44 7400 123456", "mobile"],
  ["030 123456", { region: "DE" }, "+4930123456", "fixed_line"],
  ["06 12 34 56 78", { region: "FR" }, "+33612345678", "mobile"],
  ["9123 4567", { region: "HK" }, "+85291234567", "mobile"],
  ["0912 345 678", { region: "TW", format: "digits" }, "0912345678", "mobile"],
  // numbers of another country keep their country code
  ["+1 650 253 0000", cn("digits"), "+16502530000", "fixed_line_or_mobile"],
  ["+1 650 253 0000", cn("national"), "+1 650 253 0000", "fixed_line_or_mobile"],
  ["+44 20 7946 0958", cn("E.164"), "+442079460958", "fixed_line"],
  ["+8613812345678", {}, "+8613812345678", "mobile"],
  // extensions
  ["+1 650 253 0000 ext. 123", { region: "US" }, "+16502530000;ext=123", "fixed_line_or_mobile"],
  ["650-253-0000 x123", { region: "US", format: "national" }, "(650) 253-0000 ext. 123", "fixed_line_or_mobile"],
  ["+16502530000;ext=123", { region: "US" }, "+16502530000;ext=123", "fixed_line_or_mobile"],
  ["010-12345678 转 8001", cn("digits"), "01012345678;ext=8001", "fixed_line"],
  ["010-12345678分机8001", cn("national"), "010 1234 5678 ext. 8001", "fixed_line"],
  ["650-253-0000 x123", { region: "US", keepExtension: false }, "+16502530000", "fixed_line_or_mobile"],
  ["650-253-0000 x123", { region: "US", format: "national", keepExtension: false }, "(650) 253-0000", "fixed_line_or_mobile"],
  // empty
  ["", cn("digits"), null],
  ["  ", cn("digits"), null],
  [null, cn("digits"), null],
  [undefined, cn("digits"), null],
];

const invalid: readonly (readonly [input: unknown, options: ParsePhoneOptions, code: string])[] = [
  ["12345", cn("digits"), "invalid_phone"],
  ["1381234567", cn("digits"), "invalid_phone"],
  ["138123456789", cn("digits"), "invalid_phone"],
  ["10012345678", cn("digits"), "invalid_phone"],
  ["abc", cn("digits"), "invalid_phone"],
  ["+999 1234567", cn("digits"), "invalid_phone"],
  ["13812345678", {}, "invalid_phone"],
  ["+1 555 0100", { region: "US" }, "invalid_phone"],
  [-5, cn("digits"), "invalid_type"],
  [{ phone: "138" }, cn("digits"), "invalid_type"],
  ["010-12345678", { region: "CN", types: ["mobile"] }, "phone_type_not_allowed"],
  ["400-810-8888", { region: "CN", types: ["mobile", "fixed_line"] }, "phone_type_not_allowed"],
  // a US number read with region CN is not a Chinese landline without its trunk prefix
  ["(415) 415-1627", cn("E.164"), "invalid_phone"],
  ["4154151627", cn("digits"), "invalid_phone"],
  ["20 7946 0958", { region: "GB" }, "invalid_phone"],
];

describe("parsePhone", () => {
  test("refuses a number of another country instead of inventing a country code for it", () => {
    const result = parsePhone("(415) 415-1627", { region: "CN" });
    expect(result.ok).toBe(false);
    expect(result.ok ? undefined : result.issue.message).toMatchInlineSnapshot(`"Invalid phone number "(415) 415-1627" (region CN): written without a country code, a number of CN starts with its trunk prefix (0415 415 1627); if it is a number of another country, write it with its country code (+...) or read the region from a field (regionField)."`);
    expect(parsePhone("(415) 415-1627", { region: "US" })).toMatchObject({ ok: true, value: "+14154151627" });
    expect(parsePhone("0415 415 1627", { region: "CN" })).toMatchObject({ ok: true, value: "+864154151627" });
    expect(parsePhone("4154151627", { region: "CN", trunkPrefix: "optional" })).toMatchObject({ ok: true, value: "+864154151627" });
  });

  test.each(valid)("%j with %j -> %j (%s)", (input, options, expected, type) => {
    const result = parsePhone(input, options as ParsePhoneOptions);
    expect(result).toMatchObject({ ok: true, value: expected });
    if (type !== undefined && result.ok) expect(result.info?.type).toBe(type);
  });

  test.each(invalid)("%j with %j is %s", (input, options, code) => {
    const result = parsePhone(input, options);
    expect(result).toMatchObject({ ok: false, issue: { code, value: input } });
  });

  test("tells the country, the national number and the extension", () => {
    expect(parsePhone("+1 650 253 0000 ext. 123", { region: "CN" })).toEqual({
      ok: true,
      value: "+16502530000;ext=123",
      changed: true,
      info: { type: "fixed_line_or_mobile", country: "US", countryCallingCode: "1", nationalNumber: "6502530000", extension: "123" },
    });
  });

  test("says why a number is invalid", () => {
    const messages = ["12345", "138123456789", "abc"].map((v) => {
      const r = parsePhone(v, { region: "CN" });
      return r.ok ? "" : r.issue.message;
    });
    expect(messages).toMatchInlineSnapshot(`
      [
        "Invalid phone number "12345" (region CN): it has too few digits.",
        "Invalid phone number "138123456789" (region CN): its digits match no number range of that country.",
        "Invalid phone number "abc" (region CN): it is not a phone number.",
      ]
    `);
  });

  test("accepts mobile when the number may be mobile or fixed line", () => {
    expect(parsePhone("(650) 253-0000", { region: "US", types: ["mobile"] }).ok).toBe(true);
  });

  test("rejects unknown regions, formats and types with a ConfigError", () => {
    expect(() => createPhoneParser({ region: "XX" })).toThrow(expect.objectContaining({ code: "CLEANSE_BAD_OPTION" }));
    expect(() => createPhoneParser({ format: "e164" as "E.164" })).toThrow(expect.objectContaining({ code: "CLEANSE_BAD_OPTION" }));
    expect(() => createPhoneParser({ types: ["cell" as PhoneType] })).toThrow(expect.objectContaining({ code: "CLEANSE_BAD_OPTION" }));
  });

  test("is idempotent in every format (property)", () => {
    const numbers = fc.constantFrom("+86-138-1234-5678", "010-12345678", "(650) 253-0000 x12", "+44 20 7946 0958", "0912 345 678", "+852 9123 4567");
    const formats = fc.constantFrom<ParsePhoneOptions["format"]>("E.164", "national", "international", "digits");
    fc.assert(
      fc.property(numbers, formats, fc.constantFrom("CN", "US", "GB", "TW"), (input, format, region) => {
        const options = format === undefined ? { region } : { region, format };
        const once = parsePhone(input, options);
        if (!once.ok) return;
        expect(parsePhone(once.value, options)).toMatchObject({ ok: true, value: once.value, changed: false });
      }),
      { numRuns: 300 },
    );
  });
});

// libphonenumber's own example numbers (see test-data/libphonenumber_examples/README.md).
interface Example {
  readonly callingCode: string;
  readonly region: string;
  readonly type: string;
  readonly nationalNumber: string;
  readonly e164: string;
  readonly nationalPrefix: string;
}
const examples: Example[] = readFileSync(new URL("../../test-data/libphonenumber_examples/examples.csv", import.meta.url), "utf8")
  .trim()
  .split("\n")
  .slice(1)
  .map((line) => {
    const [callingCode, region, type, nationalNumber, e164, nationalPrefix] = line.split(",");
    return { callingCode: callingCode!, region: region!, type: type!.toLowerCase(), nationalNumber: nationalNumber!, e164: e164!, nationalPrefix: nationalPrefix ?? "" };
  });

/**
 * Where libphonenumber-js's bundled metadata differs from the snapshot of libphonenumber the examples come from.
 * Keyed by `region:type:national number`; the value is what the library answers for every spelling of the number.
 * docs/standardize.md explains each.
 */
const KNOWN_DIFFERENCES: Readonly<Record<string, { readonly type?: string; readonly code?: string; readonly spellings?: readonly string[] }>> = {
  "DO:mobile:8092345678": { type: "fixed_line_or_mobile" },
  "JM:fixed_line:8765230123": { type: "fixed_line_or_mobile" },
  "AR:fixed_line_or_mobile:1123456789": { type: "fixed_line" },
  "IN:fixed_line:7410410123": { type: "fixed_line_or_mobile" },
  "TN:fixed_line:30010123": { type: "fixed_line_or_mobile" },
  "MU:fixed_line:54480123": { type: "fixed_line_or_mobile" },
  "TA:fixed_line:8999": { type: "fixed_line_or_mobile" },
  "PM:fixed_line:430123": { type: "fixed_line_or_mobile" },
  "FM:mobile:3501234": { type: "fixed_line_or_mobile" },
  "UZ:fixed_line:669050123": { type: "fixed_line_or_mobile" },
  "BW:voip:79101234": { type: "mobile" },
  "BJ:uan:81123456": { code: "invalid_phone" },
  "BJ:voip:85751234": { code: "invalid_phone" },
  "ZW:fixed_line:1312345": { code: "invalid_phone" },
  "CO:mobile:3211234567": { code: "invalid_phone", spellings: ["national prefix"] },
  "IL:premium_rate:1919123456": { code: "invalid_phone", spellings: ["national prefix"] },
  "IL:uan:1599123456": { code: "invalid_phone", spellings: ["national prefix"] },
  "IL:voicemail:15112340000": { code: "invalid_phone", spellings: ["national prefix"] },
};

function spellings(example: Example): [name: string, input: string, options: ParsePhoneOptions][] {
  const international = `+${example.callingCode} ${example.nationalNumber}`;
  // "001" holds the non-geographic numbers (+800, +808, +870, ...): they only exist in international form.
  if (example.region === "001") return [["international", international, {}]];
  const region = { region: example.region };
  const out: [string, string, ParsePhoneOptions][] = [
    // libphonenumber accepts a national number without its trunk prefix; Cleanse does so only when told
    ["national", example.nationalNumber, { ...region, trunkPrefix: "optional" }],
    ["international", international, region],
  ];
  if (example.nationalPrefix !== "") out.push(["national prefix", example.nationalPrefix + example.nationalNumber, region]);
  return out;
}

const regions = [...new Set(examples.map((e) => e.region))];

describe("parsePhone conformance with libphonenumber's example numbers", () => {
  test("covers 1,148 numbers of 246 regions", () => {
    expect(examples.length).toBe(1148);
    expect(regions.length).toBe(246);
  });

  test.each(regions)("region %s: national and international spellings give the E.164 form and type", (region) => {
    for (const example of examples.filter((e) => e.region === region)) {
      const known = KNOWN_DIFFERENCES[`${example.region}:${example.type}:${example.nationalNumber}`];
      for (const [name, input, options] of spellings(example)) {
        const result = parsePhone(input, { ...options, format: "E.164" });
        const affected = known !== undefined && (known.spellings === undefined || known.spellings.includes(name));
        if (affected && known.code !== undefined) {
          expect(result, `${input} (${name})`).toMatchObject({ ok: false, issue: { code: known.code } });
          continue;
        }
        expect(result, `${input} (${name})`).toMatchObject({ ok: true, value: example.e164 });
        const type = result.ok ? result.info?.type : undefined;
        expect(type, `${input} (${name})`).toBe(affected && known.type !== undefined ? known.type : example.type);
      }
    }
  });

  test("tells the same type as libphonenumber-js's getType for every spelling and for random digits", () => {
    const inputs: [string, CountryCode | undefined][] = examples.flatMap((e) =>
      spellings(e).map(([, input, options]): [string, CountryCode | undefined] => [input, options.region as CountryCode | undefined]),
    );
    const random = fc.tuple(fc.stringMatching(/^[0-9]{4,12}$/), fc.constantFrom<CountryCode>("CN", "US", "GB", "DE", "IN", "BR", "JP", "HK"));
    inputs.push(...fc.sample(random, { numRuns: 2000, seed: 42 }));
    let compared = 0;
    for (const [input, region] of inputs) {
      const phone = region === undefined ? parsePhoneNumber(input) : parsePhoneNumber(input, region);
      if (phone === undefined) continue;
      expect(numberType(phone.country, phone.countryCallingCode, phone.nationalNumber), input).toBe(phone.getType());
      compared++;
    }
    expect(compared).toBeGreaterThan(3000);
  });

  test("the known differences are few: at least 98% of numbers match in every spelling", () => {
    const differing = Object.keys(KNOWN_DIFFERENCES).length;
    expect(differing).toBe(18);
    expect(1 - differing / examples.length).toBeGreaterThan(0.98);
  });
});

describe("the trunk-prefix check", () => {
  test("decides exactly as libphonenumber's national format does, for every example number", () => {
    const disagreements: string[] = [];
    for (const example of examples) {
      const phone = parsePhoneNumber(example.e164);
      if (phone === undefined) continue;
      const national = phone.formatNational().replace(/\D/g, "");
      const prefixed = national.length > phone.nationalNumber.length && national.endsWith(phone.nationalNumber);
      if (writtenWithTrunkPrefix(phone.country, phone.countryCallingCode, phone.nationalNumber) !== prefixed) disagreements.push(example.e164);
    }
    expect(disagreements).toEqual([]);
  });
});
