import { describe, expect, test } from "vitest";
import { accepts, issuesPerValue } from "../testing.ts";

describe("format rules", () => {
  test.each([
    ["email", ["a@b.co", "john.doe+tag@mail.example.com", "x_y@sub-domain.example.org", "O'Brien@example.ie"], ["plain", "a@b", "a@b.c", ".a@b.com", "a..b@c.com", "a.@b.com", "a@-b.com", "a@b-.com", "a b@c.com", "a@b.c0m", "张@example.com", "a@b.com.", "a@@b.com"]],
    ["url", ["https://example.com", "http://localhost:8080/x?y=1#z", "https://例子.中国/路径"], ["example.com", "ftp://example.com", "https://", "http:/x", "https://exa mple.com", 42]],
    [{ url: { protocols: ["ftp"] } }, ["ftp://files.example.com/a"], ["https://example.com"]],
    ["uuid", ["123e4567-e89b-12d3-a456-426614174000", "F47AC10B-58CC-4372-A567-0E02B2C3D479"], ["123e4567e89b12d3a456426614174000", "00000000-0000-0000-0000-000000000000", "123e4567-e89b-02d3-a456-426614174000"]],
    [{ uuid: 4 }, ["f47ac10b-58cc-4372-a567-0e02b2c3d479"], ["123e4567-e89b-12d3-a456-426614174000"]],
    [{ uuid: { allow_nil: true } }, ["00000000-0000-0000-0000-000000000000"], ["0"]],
    [{ phone: "CN" }, ["13812345678", "+86 138 1234 5678", "010-62345678", "(010) 6234 5678"], ["12345", "1381234567", "+1 202 555 0", "phone"]],
    [{ phone: { region: "CN", type: "mobile" } }, ["13812345678"], ["010-62345678"]],
    [{ phone: { region: "CN", type: "fixed_line" } }, ["010-62345678"], ["13812345678"]],
    [{ phone: { e164: true } }, ["+8613812345678", "+12025550143"], ["13812345678", "+86 138 1234 5678"]],
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
});
