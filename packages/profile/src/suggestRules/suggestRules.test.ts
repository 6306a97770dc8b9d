import { parse } from "yaml";
import { describe, expect, test } from "vitest";
import { profileRecords } from "../profileRecords/profileRecords.ts";
import { suggestRules } from "./suggestRules.ts";

const statuses = ["active", "inactive", "prospect"];
const records = Array.from({ length: 100 }, (_, i) => ({
  customer_id: `C${String(i + 1).padStart(5, "0")}`,
  email: i === 7 ? "" : `user${i}@example.cn`,
  phone: i % 10 === 0 ? `+86 138 0000 ${String(1000 + i)}` : `139${String(10_000_000 + i)}`,
  signup_date: i % 4 === 0 ? `${String((i % 28) + 1).padStart(2, "0")}-01-2024` : `2024-01-${String((i % 28) + 1).padStart(2, "0")}`,
  credit_limit: String(i * 1000),
  status: i === 50 ? " Active" : statuses[i % 3]!,
  note: i % 2 === 0 ? `free text ${i}` : null,
}));

describe("suggestRules", () => {
  test("proposes a rule file in the @cleanse/rules format", async () => {
    const yaml = suggestRules(await profileRecords(records, { name: "crm" }));
    expect(parse(yaml)).toEqual({
      fields: {
        customer_id: ["required", "unique", { regex: "^[A-Z]\\d{5}$" }],
        email: ["required", "email"],
        phone: ["required", { phone: { region: "CN" } }],
        signup_date: ["required", { date: { format: "yyyy-MM-dd" } }],
        credit_limit: ["required", "integer", { range: { min: 0, max: 99_000 } }],
        status: ["required", { in: ["active", "inactive", "prospect"] }],
        note: [{ length: { max: 12 } }],
      },
    });
  });

  test("says in comments what the data shows", async () => {
    const yaml = suggestRules(await profileRecords(records, { name: "crm" }));
    expect(yaml).toContain("# Starter rules for crm (100 records)");
    expect(yaml).toContain("- required # 1 of 100 values missing now");
    expect(yaml).toContain("- { date: { format: yyyy-MM-dd } } # also seen: dd-MM-yyyy (25)");
    expect(yaml).toContain('# left out, seen rarely: " Active" (1)');
    expect(yaml).toContain("# string, 50 distinct; 50% of values are missing");
  });

  test("proposes duplicates-aware unique for identifiers and no format rule for unsure types", async () => {
    const rows = Array.from({ length: 50 }, (_, i) => ({ order_no: `SO${i % 48}`, amount: i % 3 === 0 ? "n/a" : String(i) }));
    const yaml = suggestRules(await profileRecords(rows));
    expect(parse(yaml).fields).toEqual({ order_no: ["required", "unique", { length: { max: 4 } }], amount: ["required"] });
    expect(yaml).toContain("- unique # 2 duplicate values now");
    expect(yaml).toContain("# integer (66%), 34 distinct; 66% of values look like integers");
  });

  test("counts one record and one duplicate in the singular", async () => {
    expect(suggestRules(await profileRecords([{ email: "li@example.cn" }], { name: "crm" }))).toContain("# Starter rules for crm (1 record)");
    const rows = Array.from({ length: 20 }, (_, i) => ({ order_no: `SO${i === 19 ? 0 : i}` }));
    expect(suggestRules(await profileRecords(rows))).toContain("- unique # 1 duplicate value now");
  });

  test("lists a column without values with an empty list and a note", async () => {
    const yaml = suggestRules(await profileRecords([{ a: null }, { a: null }]));
    expect(parse(yaml)).toEqual({ fields: { a: [] } });
    expect(yaml).toContain("a: [] # string, 0 distinct; no values seen");
  });
});
