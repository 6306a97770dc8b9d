import { describe, expect, test } from "vitest";
import { createPiiPolicy, maskableSection, maskSection, type Masker } from "./PiiPolicy.ts";

/** A masker that writes a value as its length, `[11]`; 11-digit numbers starting with 1 are personal by themselves. */
const PHONE = /\b1\d{10}\b/g;
const mask: Masker = Object.assign((value: unknown) => `[${Array.from(String(value)).length}]`, {
  isPersonal: (value: unknown) => /^1\d{10}$/.test(String(value)),
  maskText: (text: string) => text.replace(PHONE, "[11]"),
});

describe("createPiiPolicy", () => {
  test("masks the values of declared fields and of fields named like personal data", () => {
    const pii = createPiiPolicy({ piiFields: ["customer_ref"], mask });
    expect(pii.value("C-1234", "customer_ref")).toBe("[6]");
    expect(pii.value("wu@example.com", "email")).toBe("[14]");
    expect(pii.value("吴娟丽", "姓名")).toBe("[3]");
    expect(pii.value("active", "status")).toBe("active");
  });

  test("masks values personal by themselves in any field, and inside texts", () => {
    const pii = createPiiPolicy({ mask });
    expect(pii.value("15894963798", "signup_date")).toBe("[11]");
    expect(pii.value("call 15894963798", "notes")).toBe("call [11]");
    expect(pii.text('received "15894963798"')).toBe('received "[11]"');
  });

  test("masks the values it is told about inside a text", () => {
    const pii = createPiiPolicy({ mask });
    expect(pii.text("何涛 and 何 涛 differ", ["何 涛", "何涛"])).toBe("[2] and [3] differ");
  });

  test("masks every character without a masker, and tells no value by itself", () => {
    const pii = createPiiPolicy();
    expect(pii.value("wu@example.com", "email")).toBe("**************");
    expect(pii.value("15894963798", "signup_date")).toBe("15894963798");
  });

  test("shows everything in clear with mask: false", () => {
    const pii = createPiiPolicy({ mask: false, piiFields: ["ref"] });
    expect(pii.masking).toBe(false);
    expect(pii.isPersonalField("ref")).toBe(true);
    expect(pii.value("wu@example.com", "email")).toBe("wu@example.com");
    expect(pii.record({ phone: "15894963798" })).toEqual({ phone: "15894963798" });
    expect(pii.text('received "15894963798"')).toBe('received "15894963798"');
  });

  test("masks records by field, own properties only, whatever the fields are called", () => {
    const pii = createPiiPolicy({ mask, piiFields: ["constructor"] });
    const record = JSON.parse('{"constructor":"secret","__proto__":"15894963798","name":"何涛","city":"上海"}') as Record<string, unknown>;
    const masked = pii.record(record);
    expect(Object.keys(masked)).toEqual(["constructor", "__proto__", "name", "city"]);
    expect(masked).toEqual(JSON.parse('{"constructor":"[6]","__proto__":"[11]","name":"[2]","city":"上海"}'));
    expect(createPiiPolicy({ mask }).isPersonalField("toString")).toBe(false);
  });
});

describe("maskSection", () => {
  test("applies the section's own masker, then masks values personal by themselves everywhere", () => {
    const pii = createPiiPolicy({ mask });
    const section = maskableSection({ golden: [{ name: "何涛", phone: "15894963798" }], note: "see 13812345678", count: 2 }, (s, p) => ({ ...s, golden: s.golden.map((r) => p.record(r)) }));
    expect(maskSection(section, pii)).toEqual({ golden: [{ name: "[2]", phone: "[11]" }], note: "see [11]", count: 2 });
  });

  test("scans sections without a masker of their own for values personal by themselves, keeping field names and other values", () => {
    const pii = createPiiPolicy({ mask });
    expect(maskSection({ pairs: [{ name: "phone", values: ["15894963798", 15894963798] }], records: 15894963798.5 }, pii)).toEqual({
      pairs: [{ name: "phone", values: ["[11]", "[11]"] }],
      records: 15894963798.5,
    });
  });

  test("leaves sections as they are when personal data is shown", () => {
    const pii = createPiiPolicy({ mask: false });
    let called = false;
    const section = maskableSection({ phone: "15894963798" }, (s) => {
      called = true;
      return s;
    });
    expect(maskSection(section, pii)).toBe(section);
    expect(called).toBe(false);
  });
});
