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
    ["company", "organisation"],
    ["company_name", "organisation"],
    ["supplier", "organisation"],
    ["公司名称", "organisation"],
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

describe("autoConfigure on product and low-diversity data", () => {
  const brands = ["Sony", "Samsung", "LG", "Panasonic", "Philips"];
  const products: DataRecord[] = Array.from({ length: 60 }, (_, i) => ({
    id: i,
    name: `${brands[i % 5]} ${["LCD TV", "Blu-ray Player", "Soundbar"][i % 3]} ${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(75 + (i % 11))}-${4000 + i * 7}B ${32 + (i % 4) * 8}"`,
    manufacturer: brands[i % 5],
    price: `${199 + i * 10}.99`,
  }));

  test("compares product names by weighted words and by model numbers, and blocks on the numbers", () => {
    const config = autoConfigure(products);
    expect(profileColumns(products).find((p) => p.field === "name")).toMatchObject({ role: "product" });
    expect(config.comparisons.filter((c) => c.field === "name").map((c) => [c.name, c.type])).toEqual([
      [undefined, "tfidf"],
      ["codes", "codes"],
      ["quantities", "quantities"],
    ]);
    expect(config.comparisons.find((c) => c.field === "manufacturer")).toMatchObject({ type: "jaroWinkler", termFrequency: true });
    expect(config.blocking.rules).toContainEqual({ type: "key", on: [{ field: "name", transform: "codes" }] });
  });

  test("links with the one-to-one threshold of 0.5 and dedupes with 0.9", () => {
    expect(autoConfigure(products).threshold).toBe(0.9);
    expect(autoConfigure(products.map((p, i) => ({ ...p, side: i % 2 })), { mode: "link", sourceField: "side" }).threshold).toBe(0.5);
  });

  test("leaves out an LSH rule whose pairs grow with the square of the records", () => {
    // 4,000 records with names drawn from 40: every name is shared by about 100 records.
    const names = Array.from({ length: 40 }, (_, k) => `${["wang", "li", "zhang", "liu"][k % 4]} ${["wei", "fang", "na", "min", "jing", "li", "qiang", "lei", "jun", "yang"][k % 10]}`);
    const records = Array.from({ length: 4000 }, (_, i) => ({ id: i, name: names[(i * 7) % 40]!, email: `user${i}@example.com` }));
    const rules = JSON.stringify(autoConfigure(records).blocking.rules);
    expect(rules).not.toContain("lsh");
    expect(rules).toContain("emailLocal");
  });
});

describe("autoConfigure on organisations", () => {
  test("compares and blocks company names without their legal forms", () => {
    const names = ["Acme Holdings", "Globex", "Initech Systems", "Umbrella Trading", "Hooli", "Vandelay Industries", "Stark Logistics", "Wayne Foods"];
    const forms = [" Co., Ltd.", " Limited", " Inc.", " GmbH", " Ltd", ""];
    const records = Array.from({ length: 48 }, (_, i) => ({ id: i, company: `${names[i % 8]}${forms[i % 6]}`, city: ["Sydney", "Perth", "Hobart"][i % 3] }));
    const config = autoConfigure(records);
    expect(config.comparisons.find((c) => c.field === "company")).toMatchObject({ type: "tokenSet", normalize: "orgName" });
    expect(config.blocking.rules).toContainEqual({ type: "key", on: [{ field: "company", transform: "orgName" }] });
    const cjk = autoConfigure(Array.from({ length: 20 }, (_, i) => ({ id: i, 公司名称: `${["华为技术", "腾讯科技", "阿里巴巴"][i % 3]}有限公司` })));
    expect(cjk.comparisons[0]).toMatchObject({ type: "jaroWinkler", normalize: "orgName" });
  });
});
