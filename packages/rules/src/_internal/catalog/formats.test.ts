import { parseEmail, parsePhone, type ParsePhoneOptions } from "@cleanse/values";
import { describe, expect, test } from "vitest";
import { accepts, issuesPerValue } from "../testing.ts";

/** E-mail addresses in the forms the value kernel reads or refuses. */
const TRICKY_EMAILS: readonly unknown[] = [
  "a@b.co", "Zhang.San@Example.COM", " john@example.com ", "john@example.com\n", "mailto:info@example.org", "MAILTO:Info@Example.org",
  "user@bücher.de", "用户@例子.中国", "张@example.com", "a@b.com.", "a@b.c", "a@b.c0m", "x@xn--bcher-kva.de", "ｊｏｈｎ＠ｅｘａｍｐｌｅ．ｃｏｍ",
  "john\u200b@example.com", "o'brien@example.ie", "a@b", "plain", "a@@b.com", ".a@b.com", "a..b@c.com", "a.@b.com", "a@-b.com", "a@b-.com",
  "a b@c.com", "john@example.123", "john@example.0x1f", `${"a".repeat(65)}@example.com`, "  ", 42, true,
];

/** Phone numbers of several countries, with and without country code, with and without trunk prefix. */
const TRICKY_PHONES: readonly unknown[] = [
  "13812345678", "+86 138 1234 5678", "+86-138-1234-5678", "8613812345678", "010-62345678", "(010) 6234 5678", "1062345678", "0415 415 1627",
  "(415) 415-1627", "+1 415 415 1627", "+1 (202) 555-0143", "+44 20 7946 0958", "020 7946 0958", "+81 3-1234-5678", "+49 30 123456",
  "+8613812345678", "+8613812345678;ext=12", "010-62345678 转 8001", "12345", "1381234567", "+1 202 555 0", "phone", "400-810-8888",
  "+86 400 810 8888", 13812345678, "  ", true,
];

describe("format rules", () => {
  test.each([
    ["email", ["a@b.co", "john.doe+tag@mail.example.com", "x_y@sub-domain.example.org", "O'Brien@example.ie", "Zhang.San@Example.COM", " a@b.co ", "张@example.com", "a@b.com.", "a@b.c"], ["plain", "a@b", ".a@b.com", "a..b@c.com", "a.@b.com", "a@-b.com", "a@b-.com", "a b@c.com", "a@@b.com", "a@example.123"]],
    ["url", ["https://example.com", "http://localhost:8080/x?y=1#z", "https://例子.中国/路径"], ["example.com", "ftp://example.com", "https://", "http:/x", "https://exa mple.com", 42]],
    [{ url: { protocols: ["ftp"] } }, ["ftp://files.example.com/a"], ["https://example.com"]],
    ["uuid", ["123e4567-e89b-12d3-a456-426614174000", "F47AC10B-58CC-4372-A567-0E02B2C3D479"], ["123e4567e89b12d3a456426614174000", "00000000-0000-0000-0000-000000000000", "123e4567-e89b-02d3-a456-426614174000"]],
    [{ uuid: 4 }, ["f47ac10b-58cc-4372-a567-0e02b2c3d479"], ["123e4567-e89b-12d3-a456-426614174000"]],
    [{ uuid: { allow_nil: true } }, ["00000000-0000-0000-0000-000000000000"], ["0"]],
    [{ phone: "CN" }, ["13812345678", "+86 138 1234 5678", "010-62345678", "(010) 6234 5678", "+1 415 415 1627"], ["12345", "1381234567", "+1 202 555 0", "phone", "1062345678", "(415) 415-1627"]],
    [{ phone: { region: "CN", type: "mobile" } }, ["13812345678"], ["010-62345678"]],
    [{ phone: { region: "CN", type: "fixed_line" } }, ["010-62345678"], ["13812345678"]],
    [{ phone: { e164: true } }, ["+8613812345678", "+12025550143"], ["13812345678", "+86 138 1234 5678", "+8613812345678;ext=12", "+86013812345678"]],
    [{ phone: { region: "CN", type: "toll_free" } }, ["800-810-8888", "+86 800 810 8888"], ["13812345678", "400-810-8888"]],
    ["ip", ["192.168.0.1", "0.0.0.0", "255.255.255.255", "::1", "2001:db8::8a2e:370:7334", "::ffff:192.0.2.1", "fe80:0:0:0:0:0:0:1"], ["256.1.1.1", "1.2.3", "01.2.3.4", "2001:db8:::1", "1:2:3:4:5:6:7:8:9", "g::1", "::ffff:999.0.0.1"]],
    [{ ip: 4 }, ["10.0.0.1"], ["::1"]],
    [{ ip: 6 }, ["::1"], ["10.0.0.1"]],
    ["json", ['{"a":1}', "[1,2]", "3", "null", { a: 1 }], ["{a:1}", "[1,", "undefined"]],
    [{ json: "object" }, ['{"a":1}', { a: 1 }], ["[1]", "3"]],
  ])("%j accepts %j and refuses %j", (rule, valid, invalid) => {
    expect(accepts(rule, valid)).toEqual(valid.map(() => true));
    expect(accepts(rule, invalid)).toEqual(invalid.map(() => false));
  });

  test("phone messages name the region and type", () => {
    expect(issuesPerValue({ phone: { region: "CN", type: "mobile" } }, ["010-62345678"])[0]?.[0]?.message).toBe('expected a mobile phone number (CN), received "010-62345678"');
  });

  test("email accepts exactly what parseEmail reads, surrounding spaces included", () => {
    expect(accepts("email", TRICKY_EMAILS)).toEqual(TRICKY_EMAILS.map((v) => parseEmail(v).ok));
  });

  test.each([
    [{ phone: "CN" }, { region: "CN" }],
    [{ phone: "US" }, { region: "US" }],
    [{ phone: "GB" }, { region: "GB" }],
    ["phone", {}],
    [{ phone: { region: "CN", type: "mobile" } }, { region: "CN", types: ["mobile"] }],
    [{ phone: { region: "CN", type: ["fixed_line", "toll_free"] } }, { region: "CN", types: ["fixed_line", "toll_free"] }],
  ] as const)("%j accepts exactly what parsePhone reads with %j", (rule, options) => {
    expect(accepts(rule, TRICKY_PHONES)).toEqual(TRICKY_PHONES.map((v) => parsePhone(v, options as ParsePhoneOptions).ok));
  });

  test("e164 demands the value be written as parsePhone writes it in E.164", () => {
    const e164 = (v: unknown) => {
      const r = parsePhone(v, { region: "CN", keepExtension: false });
      return r.ok && (r.value === null || r.value === v);
    };
    expect(accepts({ phone: { region: "CN", e164: true } }, TRICKY_PHONES)).toEqual(TRICKY_PHONES.map(e164));
  });

  test("email and phone messages say why the value kernel refuses the value", () => {
    expect(issuesPerValue("email", ["a@b"])[0]?.[0]?.message).toMatchInlineSnapshot(`"expected an email address, received "a@b" (Invalid e-mail address "a@b": the domain "b" has no top-level domain.)"`);
    expect(issuesPerValue({ phone: "CN" }, ["(415) 415-1627", "12345"]).map((issues) => issues[0]?.message)).toMatchInlineSnapshot(`
      [
        "expected a phone number (CN), received "(415) 415-1627" (written without a country code, a number of CN starts with its trunk prefix; if it belongs to another country, write it with its country code, +...)",
        "expected a phone number (CN), received "12345" (Invalid phone number "12345" (region CN): it has too few digits.)",
      ]
    `);
    expect(issuesPerValue({ phone: { region: "CN", e164: true } }, ["138 1234 5678"])[0]?.[0]?.message).toMatchInlineSnapshot(`"expected a phone number (CN) in E.164 form, received "138 1234 5678" (in E.164 it is +8613812345678)"`);
  });

  test("an unknown phone region is a rule option error with a suggestion", () => {
    expect(() => accepts({ phone: "CNN" }, [])).toThrow('unknown region "CNN" (did you mean "CN"?); use an ISO 3166 code like CN or US');
    expect(() => accepts({ phone: "QQ" }, [])).toThrow('unknown region "QQ"');
  });
});
