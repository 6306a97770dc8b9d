import { toRecordSource } from "@cleanse/core";
import { describe, expect, test } from "vitest";
import { profileRecords } from "./profileRecords.ts";

const customers = [
  { id: "C001", name: "王伟", phone: "13812345678", email: "wang@example.cn", signup: "2024-01-05", credit: "1000", status: "active" },
  { id: "C002", name: "李娜", phone: "+86 139 8765 4321", email: "li@example.cn", signup: "2024-02-10", credit: "2500.50", status: "active" },
  { id: "C003", name: "张敏", phone: "", email: null, signup: "2024-03-15", credit: "0", status: "inactive" },
  { id: "C004", name: "Alice", phone: "13900001111", email: "alice@example.com", signup: "15/03/2024", credit: "-20", status: "active" },
];

const column = async (records: Record<string, unknown>[], name: string, options = {}) => {
  const p = await profileRecords(records, options);
  const c = p.columns.find((x) => x.name === name);
  if (!c) throw new Error(`no column ${name}`);
  return c;
};

describe("profileRecords", () => {
  test("profiles each column in the order first seen", async () => {
    const p = await profileRecords(customers, { name: "customers" });
    expect(p.dataset).toBe("customers");
    expect(p.records).toBe(4);
    expect(p.columns.map((c) => [c.name, c.type])).toEqual([
      ["id", "string"],
      ["name", "string"],
      ["phone", "phone"],
      ["email", "email"],
      ["signup", "date"],
      ["credit", "number"],
      ["status", "string"],
    ]);
    expect(p.candidateKeys).toEqual(["id", "name", "signup", "credit"]);
    expect(p.inputs).toEqual([{ name: "customers", records: 4 }]);
  });

  test("counts nulls, empty values and fields missing from a record", async () => {
    const c = await column([{ a: 1, b: null }, { a: 2, b: "" }, { a: 3 }, { a: 4, b: " " }, { a: 5, b: "x" }], "b");
    expect(c).toMatchObject({ count: 5, nulls: 2, empties: 2, present: 1, nullRatio: 0.4, emptyRatio: 0.4 });
  });

  test("counts a column first seen late as null before it appeared", async () => {
    const c = await column([{ a: 1 }, { a: 2 }, { a: 3, late: "x" }], "late");
    expect(c).toMatchObject({ count: 3, nulls: 2, present: 1 });
  });

  test("says how sure the inferred type is", async () => {
    const phone = await column(customers, "phone");
    expect(phone).toMatchObject({ type: "phone", typeConfidence: 1, phoneRegion: "CN" });
    expect(phone.typeCounts).toEqual({ phone: 3, integer: 2, number: 2 });
    const signup = await column(customers, "signup");
    expect(signup).toMatchObject({ type: "date", typeConfidence: 1, min: "2024-01-05", max: "2024-03-15" });
    expect(signup.dateFormats).toEqual([
      { format: "yyyy-MM-dd", count: 3 },
      { format: "dd/MM/yyyy", count: 1 },
    ]);
    const mixed = await column([{ v: "1" }, { v: "2" }, { v: "3" }, { v: "x" }, { v: "y" }], "v");
    expect(mixed).toMatchObject({ type: "integer", typeConfidence: 0.6 });
    const text = await column([{ v: "1" }, { v: "x" }, { v: "y" }], "v");
    expect(text).toMatchObject({ type: "string", typeConfidence: 1 });
  });

  test("gives numeric columns their min, max, mean and histogram", async () => {
    const credit = await column(customers, "credit");
    expect(credit).toMatchObject({ type: "number", min: -20, max: 2500.5, mean: 870.125 });
    expect(credit.histogram?.kind).toBe("number");
    expect(credit.histogram?.bins.reduce((n, b) => n + b.count, 0)).toBe(4);
  });

  test("reads JSON values by their type", async () => {
    const c = await column([{ n: 1 }, { n: 2.5 }, { n: 3 }], "n");
    expect(c).toMatchObject({ type: "number", min: 1, max: 3 });
    const b = await column([{ b: true }, { b: false }], "b");
    expect(b).toMatchObject({ type: "boolean", distinct: { count: 2, exact: true } });
  });

  test("reports patterns with Chinese characters as their own class, and lengths in characters", async () => {
    const name = await column(customers, "name");
    expect(name.patterns).toEqual([
      { pattern: "C+", count: 3, ratio: 0.75 },
      { pattern: "Aa+", count: 1, ratio: 0.25 },
    ]);
    expect(name.length).toEqual({ min: 2, max: 5, mean: 2.75 });
  });

  test("counts distinct values exactly up to the limit, then estimates them with HyperLogLog", async () => {
    const records = Array.from({ length: 20_000 }, (_, i) => ({ k: `key-${i % 15_000}`, u: `u${i}` }));
    const p = await profileRecords(records, { distinctLimit: 1000 });
    const k = p.columns[0]!;
    expect(k.distinct.exact).toBe(false);
    expect(Math.abs(k.distinct.count - 15_000) / 15_000).toBeLessThan(3 * k.distinct.standardError!);
    expect(k.uniqueness).toBe("duplicates");
    expect(k.topValuesExact).toBe(false);
    // past the limit, uniqueness of a key column is still proven with its fingerprints
    const u = p.columns[1]!;
    expect(u).toMatchObject({ uniqueness: "unique", distinct: { count: 20_000, exact: true } });
    expect(p.candidateKeys).toEqual(["u"]);
    // and the aggregates still cover every value
    expect(u.patterns.reduce((n, x) => n + x.count, 0)).toBe(20_000);
    expect(u.length).toEqual({ min: 2, max: 6, mean: expect.any(Number) });
    expect(u.topValues.slice(0, 2)).toEqual([
      { value: "u0", count: 1 },
      { value: "u1", count: 1 },
    ]);
  });

  test("a key column that gets its first duplicate past the limit switches to estimates", async () => {
    const records = Array.from({ length: 5000 }, (_, i) => ({ k: `k${i}` }));
    records.push({ k: "k42" }, { k: "k42" });
    const [k] = (await profileRecords(records, { distinctLimit: 100 })).columns;
    expect(k).toMatchObject({ uniqueness: "duplicates", distinct: { exact: false } });
    expect(Math.abs(k!.distinct.count - 5000) / 5000).toBeLessThan(3 * k!.distinct.standardError!);
    // seen 3 times; the sketch started at the first repeat, when any value may have been seen once:
    // its count is an upper bound, over by at most `error`
    expect(k!.topValues[0]).toEqual({ value: "k42", count: 4, error: 1 });
  });

  test("stops proving uniqueness when the key set would outgrow its budget", async () => {
    const records = Array.from({ length: 3000 }, (_, i) => ({ k: `k${i}` }));
    const p = await profileRecords(records, { distinctLimit: 10, keyTrackingLimit: 500 });
    expect(p.columns[0]).toMatchObject({ uniqueness: "unknown", distinct: { exact: false } });
    expect(Math.abs(p.columns[0]!.distinct.count - 3000) / 3000).toBeLessThan(3 * p.columns[0]!.distinct.standardError!);
    expect(p.candidateKeys).toEqual([]);
  });

  test("finds the most frequent values exactly while it can", async () => {
    const status = await column(customers, "status");
    expect(status.topValues).toEqual([
      { value: "active", count: 3 },
      { value: "inactive", count: 1 },
    ]);
    expect(status.topValuesExact).toBe(true);
  });

  test("keeps the top values of a long-tailed column past the limit", async () => {
    const records = Array.from({ length: 30_000 }, (_, i) => ({ city: i % 3 === 0 ? "北京" : i % 5 === 0 ? "上海" : `town-${i}` }));
    const c = await column(records, "city", { distinctLimit: 500 });
    expect(c.topValues.slice(0, 2).map((v) => v.value)).toEqual(["北京", "上海"]);
    expect(c.topValues[0]!.count).toBeGreaterThanOrEqual(10_000);
  });

  test("proves uniqueness only for present values: nulls make a unique column no candidate key", async () => {
    const p = await profileRecords([{ a: "1" }, { a: "2" }, { a: null }]);
    expect(p.columns[0]!.uniqueness).toBe("unique");
    expect(p.candidateKeys).toEqual([]);
  });

  test("reads record sources and async iterables in batches", async () => {
    async function* gen() {
      for (let i = 0; i < 1000; i++) yield { i };
    }
    const p = await profileRecords(toRecordSource(gen(), { name: "gen", batchSize: 7 }));
    expect(p.dataset).toBe("gen");
    expect(p.columns[0]).toMatchObject({ type: "integer", min: 0, max: 999, distinct: { count: 1000, exact: true } });
  });

  test("stops when its signal is aborted", async () => {
    const controller = new AbortController();
    controller.abort(new Error("stop"));
    await expect(profileRecords(customers, { signal: controller.signal })).rejects.toMatchObject({ code: "CLEANSE_ABORTED" });
  });

  test("rejects limits that make no sense", async () => {
    await expect(profileRecords(customers, { distinctLimit: 0 })).rejects.toThrow(RangeError);
    await expect(profileRecords(customers, { hllPrecision: 30 })).rejects.toThrow(RangeError);
    await expect(profileRecords(customers, { dateOrder: "dym" as never })).rejects.toMatchObject({ code: "CLEANSE_BAD_OPTION" });
  });

  test("profiles an empty input", async () => {
    const p = await profileRecords([]);
    expect(p).toMatchObject({ records: 0, columns: [], candidateKeys: [] });
  });
});

describe("profileRecords reads values as the value kernel does", () => {
  const only = async (values: unknown[], options = {}) => column(values.map((v) => ({ v })), "v", options);

  test("takes every date shape the kernel reads for a date", async () => {
    const c = await only(["2023年1月1日", "Jan 1, 2023", "31/01/2023", "1 January 2023", "2023.01.02"]);
    expect(c).toMatchObject({ type: "date", typeConfidence: 1, min: "2023-01-01", max: "2023-01-31" });
  });

  test("reads ambiguous dates in the order the column's other dates show", async () => {
    const c = await only(["22/09/2022", "03/04/2024", "2024-01-05", "11/12/2023"]);
    expect(c).toMatchObject({ type: "date", dateOrder: "dmy", min: "2022-09-22", max: "2024-04-03" });
    expect(c.ambiguousDates).toBeUndefined();
    expect(c.dateFormats).toEqual([
      { format: "dd/MM/yyyy", count: 3 },
      { format: "yyyy-MM-dd", count: 1 },
    ]);
  });

  test("leaves ambiguous dates out of min, max and formats when nothing tells the order", async () => {
    const c = await only(["03/04/2024", "2024-01-05", "2024-02-01", "12/11/2024"]);
    expect(c).toMatchObject({ type: "date", typeCounts: { date: 4 }, ambiguousDates: 2, min: "2024-01-05", max: "2024-02-01" });
    expect(c.dateOrder).toBeUndefined();
    expect(c.dateFormats).toEqual([{ format: "yyyy-MM-dd", count: 2 }]);
    const split = await only(["22/09/2022", "09/22/2022", "03/04/2024"]);
    expect(split).toMatchObject({ ambiguousDates: 1 });
  });

  test("reads ambiguous dates in the order it is given, like parseDate", async () => {
    const c = await only(["03/04/2024", "2024-01-05", "05/06/2024"], { dateOrder: "mdy" });
    expect(c).toMatchObject({ dateOrder: "mdy", min: "2024-01-05", max: "2024-05-06" });
    const wrong = await only(["31/01/2024", "03/04/2024"], { dateOrder: "mdy" });
    expect(wrong.typeCounts).toEqual({ date: 1 });
  });

  test("keeps the order inferred from the first values once the column is past the exact limit", async () => {
    const values = Array.from({ length: 400 }, (_, i) => `${String((i % 28) + 1).padStart(2, "0")}/${String((i % 12) + 1).padStart(2, "0")}/${2000 + Math.floor(i / 12)}`);
    values.push("01/02/2040");
    const c = await only(values, { distinctLimit: 50 });
    expect(c).toMatchObject({ type: "date", dateOrder: "dmy", max: "2040-02-01" });
    expect(c.ambiguousDates).toBeUndefined();
  });

  test("reads zone-less date-times as wall-clock times, whatever the process's time zone", async () => {
    const zone = process.env.TZ;
    process.env.TZ = "Asia/Shanghai";
    try {
      expect(new Date(2024, 0, 1).getTimezoneOffset()).toBe(-480);
      const c = await only(["2024-05-01 08:30", "2024-05-01T09:45:00", "2024/05/02 07:00"]);
      expect(c).toMatchObject({ type: "datetime", min: "2024-05-01T08:30:00.000", max: "2024-05-02T07:00:00.000" });
      const zoned = await only(["2024-05-01T08:30:00+08:00", "2024-05-01T01:00:00Z"]);
      expect(zoned).toMatchObject({ min: "2024-05-01T00:30:00.000Z", max: "2024-05-01T01:00:00.000Z" });
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  test("reads phone numbers without a country code only with the column's region", async () => {
    const national = ["13812345678", "13987654321", "15894963798"];
    expect((await only(national)).typeCounts).toEqual({ integer: 3, number: 3 });
    expect(await only(national, { phoneRegion: "CN" })).toMatchObject({ type: "phone", phoneRegion: "CN", typeCounts: { phone: 3 } });
    // the region of the numbers written with a country code is the column's
    const mixed = await only([...national, "+86 138 0013 8000", "(+86)15894963798"]);
    expect(mixed).toMatchObject({ type: "phone", phoneRegion: "CN", typeCounts: { phone: 5, integer: 3 } });
    // a number of another country is not read as one of the region's
    expect((await only(["(415) 415-1627", "+86 138 0013 8000"])).typeCounts).toEqual({ phone: 1 });
    expect(await only(["(415) 415-1627", "+1 650 253 0000"])).toMatchObject({ type: "phone", phoneRegion: "US", typeCounts: { phone: 2 } });
    await expect(only(national, { phoneRegion: "Atlantis" })).rejects.toMatchObject({ code: "CLEANSE_BAD_OPTION" });
    // one number with a country code among many other values does not make the column one of phone numbers
    const amounts = [...Array.from({ length: 200 }, (_, i) => String(13_800_000_000 + i * 7919)), "+86 138 0013 8000"];
    expect((await only(amounts)).typeCounts).toEqual({ integer: 200, number: 200, phone: 1 });
  });

  test("takes only what parseEmail accepts for an e-mail address", async () => {
    const c = await only(["HE3479@126.COM", "a..b@c.com", "x@123.456", "a@b", "mailto:li.lei@example.cn"]);
    expect(c.typeCounts).toEqual({ email: 2 });
  });

  test("compares numbers exactly", async () => {
    const c = await only(["12345678901234567.5", "12345678901234567.25", "12345678901234567.75"]);
    expect(c).toMatchObject({ type: "number", min: "12345678901234567.25", max: "12345678901234567.75" });
    const plain = await only(["1.005", "-0.5", "10"]);
    expect(plain).toMatchObject({ min: -0.5, max: 10 });
    expect((await only(["￥1,000", "1.234,5", "007"])).type).toBe("string");
  });
});
