import type { DataRecord } from "@cleanse/core";
import { describe, expect, test } from "vitest";
import { stringify } from "yaml";
import { loadFebrl1, loadSplinkFake1000 } from "../_testing/loadTestData.ts";
import { parseDedupeConfig } from "../config/parseDedupeConfig.ts";
import { autoConfigure } from "./autoConfigure.ts";
import { profileColumns } from "./profileColumns.ts";

describe("profileColumns", () => {
  test.each([
    ["given_name", "firstName"],
    ["first_name", "firstName"],
    ["surname", "lastName"],
    ["Last Name", "lastName"],
    ["name", "fullName"],
    ["姓名", "fullName"],
    ["date_of_birth", "dateOfBirth"],
    ["dob", "dateOfBirth"],
    ["mobile", "phone"],
    ["tel", "phone"],
    ["email", "email"],
    ["street_number", "streetNumber"],
    ["address_1", "address"],
    ["suburb", "city"],
    ["postcode", "postcode"],
    ["zip", "postcode"],
    ["state", "state"],
    ["gender", "gender"],
    ["soc_sec_id", "idNumber"],
    ["passport_no", "idNumber"],
  ])("reads column %s as %s", (field, role) => {
    const records = Array.from({ length: 20 }, (_, i) => ({ id: i, [field]: `v${i % 7}` }));
    expect(profileColumns(records)[0]!.role).toBe(role);
  });

  test("falls back on value shapes and measures null and distinct ratios", () => {
    const records: DataRecord[] = Array.from({ length: 40 }, (_, i) => ({
      id: i,
      contact: `user${i}@example.com`,
      when: `2020-01-${String((i % 28) + 1).padStart(2, "0")}`,
      kind: i % 2 === 0 ? "a" : "b",
      note: i < 30 ? null : `note ${i}`,
    }));
    const byField = new Map(profileColumns(records).map((p) => [p.field, p]));
    expect(byField.get("contact")!.role).toBe("email");
    expect(byField.get("when")!.role).toBe("date");
    expect(byField.get("kind")!.role).toBe("category");
    expect(byField.get("kind")!.distinct).toBe(2);
    expect(byField.get("note")!.nullRatio).toBe(0.75);
    expect(byField.has("id")).toBe(false);
  });
});

describe("profileColumns value shapes", () => {
  const months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
  const records: DataRecord[] = Array.from({ length: 40 }, (_, i) => ({
    id: i,
    // dates in the forms the value kernel reads, day-first where it matters
    joined: [`${months[i % 12]} ${(i % 27) + 1}, 2001`, `2001年${(i % 12) + 1}月${(i % 27) + 1}日`, `${String((i % 27) + 1).padStart(2, "0")}/${String((i % 12) + 1).padStart(2, "0")}/2001`][i % 3],
    contact: i % 2 === 0 ? `mailto:User${i}@Example.COM` : `user${i}@example.com`,
    reach: i % 2 === 0 ? `+86 138 1234 ${String(1000 + i)}` : `1391234${String(1000 + i)}`,
    limit: `${117000 + i * 1000}.00`,
  }));
  const byField = new Map(profileColumns(records).map((p) => [p.field, p]));

  test("reads dates, e-mail addresses and phone numbers as the value kernel does", () => {
    expect(byField.get("joined")).toMatchObject({ shape: "date", role: "date", dateOrder: "dmy" });
    expect(byField.get("contact")).toMatchObject({ shape: "email", role: "email" });
    expect(byField.get("reach")).toMatchObject({ shape: "phone", role: "phone", region: "CN" });
  });

  test("takes amounts for numbers, not for phone numbers", () => {
    expect(byField.get("limit")).toMatchObject({ shape: "numeric", role: "number" });
  });

  test("writes the inferred date order and phone region into the comparisons", () => {
    const config = autoConfigure(records);
    expect(config.comparisons.find((c) => c.field === "joined")).toMatchObject({ type: "date", order: "dmy" });
    expect(config.comparisons.find((c) => c.field === "reach")).toMatchObject({ type: "phone", region: "CN" });
    expect(config.comparisons.find((c) => c.field === "limit")).toMatchObject({ type: "numeric", relative: true });
  });
});

describe("autoConfigure", () => {
  test("chooses comparisons and blocking rules for person records", () => {
    const config = autoConfigure(loadFebrl1().records, { idField: "rec_id" });
    const types = Object.fromEntries(config.comparisons.map((c) => [String(c.field), c.type]));
    expect(types).toMatchObject({
      given_name: "jaroWinkler",
      surname: "jaroWinkler",
      date_of_birth: "date",
      soc_sec_id: "damerauLevenshtein",
      postcode: "damerauLevenshtein",
      state: "exact",
    });
    expect(config.comparisons.find((c) => c.field === "surname")!.termFrequency).toBe(true);
    expect(config.blocking.rules.length).toBeGreaterThanOrEqual(3);
    expect(config.blocking.rules).toContainEqual({ type: "key", on: [{ field: "date_of_birth", transform: "date" }] });
    expect(config.idField).toBe("rec_id");
  });

  test("returns a config that survives YAML and parseDedupeConfig unchanged", () => {
    const config = autoConfigure(loadSplinkFake1000().records, { idField: "unique_id" });
    const yaml = stringify(config);
    expect(yaml).toContain("comparisons:");
    expect(parseDedupeConfig(yaml)).toEqual(config);
  });

  test("blocks Chinese names on pinyin initials and compares them through pinyin", () => {
    const records = Array.from({ length: 30 }, (_, i) => ({ id: i, 姓名: ["王小明", "李华", "张伟", "刘洋", "陈静"][i % 5]! + String.fromCharCode(0x4e00 + i), 手机: `138${String(10000000 + i)}` }));
    const config = autoConfigure(records);
    const name = config.comparisons.find((c) => c.field === "姓名")!;
    expect(name.normalize).toBe("pinyin");
    expect(JSON.stringify(config.blocking.rules)).toContain("pinyinInitials");
    expect(config.comparisons.find((c) => c.field === "手机")!.type).toBe("phone");
  });
});
