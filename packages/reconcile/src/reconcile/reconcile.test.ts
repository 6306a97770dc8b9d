import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createMemorySink, type DataRecord, type ProgressEvent, type RecordSource } from "@cleanse/core";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { ReconcileReport } from "../ReconcileReport/ReconcileReport.ts";
import { reconcile, type KeyLinker } from "./reconcile.ts";

let temp: string;
beforeAll(() => {
  temp = mkdtempSync(join(tmpdir(), "cleanse-reconcile-test-"));
});
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** Phone numbers as both systems write them, down to national digits: enough for these tests. */
const phoneDigits = (v: unknown): unknown => {
  if (typeof v !== "string") return v;
  const d = v.replace(/\D/g, "");
  return d.startsWith("86") && d.length === 13 ? d.slice(2) : d;
};
const lower = (v: unknown): unknown => (typeof v === "string" ? v.trim().toLowerCase() : v);

const crm: DataRecord[] = [
  { id: "C1", email: "WU@SINA.COM", phone: "+86-138-1234-5678", city: "北京", credit: "117,000.00" },
  { id: "C2", email: "he@126.com", phone: "(+86)15894963798", city: "上海", credit: "198000" },
  { id: "C3", email: "xu@qq.com", phone: "186 9946 2885", city: "深圳", credit: "388000.32" },
  { id: "C4", email: "only-crm@qq.com", phone: "13900000000", city: "广州", credit: "1" },
  { id: "C5", email: "", phone: "13900000001", city: "广州", credit: "2" },
];
const erp: DataRecord[] = [
  { erp_id: "E2", mail: "he@126.com", mobile: "15894963798", city: "上海", credit: 198000 },
  { erp_id: "E1", mail: "wu@sina.com", mobile: "13812345678", city: "北京", credit: 117000 },
  { erp_id: "E3", mail: "xu@qq.com", mobile: "18699462885", city: "杭州", credit: 427000.35 },
  { erp_id: "E9", mail: "only-erp@163.com", mobile: "13700000000", city: "成都", credit: 5 },
];
const map = { email: "mail", phone: "mobile", id: "erp_id" };

function checkTotals(report: ReconcileReport): void {
  const t = report.totals;
  expect(t.left).toBe(t.matched + t.leftOnly + report.left.missingKey);
  expect(t.right).toBe(t.matched + t.rightOnly + report.right.missingKey);
  expect(t.matched).toBe(t.identical + t.mismatched);
}

describe("reconcile", () => {
  test("finds records on one side only and differing fields after the same standardization", async () => {
    const diff = createMemorySink();
    const report = await reconcile(crm, erp, {
      key: "email",
      map,
      fields: ["phone", "city", "credit"],
      standardize: { email: lower, phone: phoneDigits, credit: "number" },
      diff,
      names: { left: "crm", right: "erp" },
      mask: false,
    });
    checkTotals(report);
    expect(report.totals).toEqual({ left: 5, right: 4, matched: 3, identical: 2, mismatched: 1, leftOnly: 1, rightOnly: 1, fuzzyMatched: 0, diffRows: 4 });
    expect(report.left).toMatchObject({ name: "crm", missingKey: 1, duplicateKeys: 0 });
    expect(report.fields.map((f) => [f.field, f.rightField, f.compared, f.mismatches])).toEqual([
      ["phone", "mobile", 3, 0],
      ["city", "city", 3, 1],
      ["credit", "credit", 3, 1],
    ]);
    expect(report.fields[2]!.examples).toEqual([{ key: "xu@qq.com", left: "388000.32", right: 427000.35, leftStandardized: "388000.32", rightStandardized: "427000.35" }]);
    expect(diff.closed).toBe(true);
    expect(diff.records).toEqual([
      { key: "only-crm@qq.com", status: "left_only", field: null, left_value: JSON.stringify(crm[3]), right_value: null },
      { key: "only-erp@163.com", status: "right_only", field: null, left_value: null, right_value: JSON.stringify(erp[3]) },
      { key: "xu@qq.com", status: "mismatch", field: "city", left_value: "深圳", right_value: "杭州" },
      { key: "xu@qq.com", status: "mismatch", field: "credit", left_value: "388000.32", right_value: 427000.35 },
    ]);
    expect(report.warnings).toEqual(["1 crm record has no email and was not compared."]);
  });

  test("counts records without a key in the plural when there are several", async () => {
    const report = await reconcile([{ email: "a@qq.com" }, { email: "" }, { email: null }], [{ email: "a@qq.com" }, {}], {
      key: "email",
      names: { left: "crm", right: "erp" },
      timestamps: false,
    });
    expect(report.warnings).toEqual(["2 crm records have no email and were not compared.", "1 erp record has no email and was not compared."]);
  });

  test("treats +86-138-1234-5678 and 13812345678 as the same key", async () => {
    const report = await reconcile([{ phone: "+86-138-1234-5678", n: 1 }], [{ phone: "13812345678", n: 1 }], { key: "phone", standardize: { phone: phoneDigits } });
    expect(report.totals).toMatchObject({ matched: 1, identical: 1, leftOnly: 0, rightOnly: 0 });
  });

  test("infers fields and standardizers from both sides when not told", async () => {
    const report = await reconcile(crm, erp, { key: "email", map: { email: "mail", phone: "mobile" }, timestamps: false });
    expect(report.fields.map((f) => [f.field, f.standardize])).toEqual([
      ["phone", "phone(region=CN)"],
      ["city", "text"],
      ["credit", "number"],
    ]);
    expect(report.totals).toMatchObject({ matched: 3, mismatched: 1, leftOnly: 1, rightOnly: 1 });
    expect(report.left.unmatchedFields).toEqual(["id"]);
    expect(report.right.unmatchedFields).toEqual(["erp_id"]);
  });

  test("matches e-mail keys case-insensitively and reports them as written", async () => {
    const diff = createMemorySink();
    const report = await reconcile(
      [
        { email: "HE3479@126.COM", city: "上海" },
        { email: "Only.Left@QQ.com", city: "北京" },
      ],
      [
        { email: "he3479@126.com", city: "杭州" },
        { email: "Only.Right@163.COM", city: "成都" },
      ],
      { key: "email", standardize: { email: "email" }, diff, mask: false },
    );
    expect(report.totals).toMatchObject({ matched: 1, mismatched: 1, leftOnly: 1, rightOnly: 1 });
    expect(report.fields[0]!.examples).toEqual([{ key: "HE3479@126.COM", left: "上海", right: "杭州", leftStandardized: "上海", rightStandardized: "杭州" }]);
    expect(report.examples.leftOnly.map((e) => e.key)).toEqual(["Only.Left@QQ.com"]);
    expect(report.examples.rightOnly.map((e) => e.key)).toEqual(["Only.Right@163.COM"]);
    expect(diff.records.map((r) => [r.key, r.status])).toEqual([
      ["HE3479@126.COM", "mismatch"],
      ["Only.Left@QQ.com", "left_only"],
      ["Only.Right@163.COM", "right_only"],
    ]);
  });

  test("compares an e-mail field in the kernel's canonical form, which keeps the case of the local part", async () => {
    const report = await reconcile([{ id: 1, email: " HE3479@126.COM" }], [{ id: 1, email: "HE3479@126.com " }, { id: 2, email: "x@y.com" }], {
      key: "id",
      standardize: { email: "email" },
    });
    expect(report.fields.map((f) => [f.field, f.mismatches])).toEqual([["email", 0]]);
    const differentCase = await reconcile([{ id: 1, email: "HE3479@126.COM" }], [{ id: 1, email: "he3479@126.com" }], { key: "id", standardize: { email: "email" }, mask: false });
    expect(differentCase.fields[0]!.examples).toEqual([
      { key: "1", left: "HE3479@126.COM", right: "he3479@126.com", leftStandardized: "HE3479@126.com", rightStandardized: "he3479@126.com" },
    ]);
  });

  test("masks personal keys and values in the report's examples by default, and keeps them in the diff rows", async () => {
    const diff = createMemorySink();
    const report = await reconcile(
      [
        { email: "HE3479@126.COM", contact: "13812345678", city: "上海" },
        { email: "only.left@qq.com", contact: "", city: "北京" },
      ],
      [{ email: "he3479@126.com", contact: "13912345678", city: "杭州" }],
      { key: "email", standardize: { email: "email" }, fields: ["contact", "city"], diff },
    );
    const contact = report.fields.find((f) => f.field === "contact")!;
    expect(contact.examples).toEqual([{ key: "H*****@126.COM", left: "138****5678", right: "139****5678", leftStandardized: "138****5678", rightStandardized: "139****5678" }]);
    expect(report.fields.find((f) => f.field === "city")!.examples[0]).toMatchObject({ key: "H*****@126.COM", left: "上海", right: "杭州" });
    expect(report.examples.leftOnly).toEqual([{ key: "o*****@qq.com", record: { email: "o*****@qq.com", contact: "", city: "北京" } }]);
    expect(diff.records.map((r) => r.key)).toContain("HE3479@126.COM");
    expect(diff.records.find((r) => r.field === "contact")).toMatchObject({ left_value: "13812345678", right_value: "13912345678" });
  });

  test("refuses a key field that neither side has, naming the fields of both", async () => {
    const run = reconcile([{ id: 1, email: "a@x.com" }], [{ id: 1, mail: "a@x.com" }], { key: "nope", names: { left: "crm.csv", right: "erp.jsonl" } });
    await expect(run).rejects.toMatchObject({ name: "ConfigError", code: "CLEANSE_RECONCILE_UNKNOWN_KEY" });
    await expect(run).rejects.toThrowErrorMatchingInlineSnapshot(
      `[ConfigError: The key field "nope" is in neither input: crm.csv has the fields id, email; erp.jsonl has id, mail.]`,
    );
  });

  test("refuses a key field that one side lacks, and suggests mapping it", async () => {
    const run = reconcile([{ id: 1, email: "a@x.com" }], [{ id: 1, mail: "a@x.com" }], { key: "email", names: { left: "crm.csv", right: "erp.jsonl" } });
    await expect(run).rejects.toThrowErrorMatchingInlineSnapshot(
      `[ConfigError: The key field "email" of crm.csv is not in erp.jsonl, which has the fields id, mail; map it to its name there, e.g. map: { email: "mail" }.]`,
    );
    // An empty side says nothing about its fields.
    await expect(reconcile([{ id: 1 }], [], { key: "id" })).resolves.toMatchObject({ totals: { leftOnly: 1 } });
  });

  test("pairs duplicate keys with their closest counterpart and counts the extras", async () => {
    const left = [
      { k: "a", v: "2" },
      { k: "a", v: "1" },
      { k: "a", v: "3" },
    ];
    const right = [
      { k: "a", v: "1" },
      { k: "a", v: "2" },
    ];
    const diff = createMemorySink();
    const report = await reconcile(left, right, { key: "k", standardize: "none", diff });
    expect(report.totals).toMatchObject({ matched: 2, identical: 2, leftOnly: 1 });
    expect(report.left.duplicateKeys).toBe(2);
    expect(diff.records).toEqual([{ key: "a", status: "left_only", field: null, left_value: '{"k":"a","v":"3"}', right_value: null }]);
  });

  test("reconciles on a compound key", async () => {
    const report = await reconcile(
      [
        { country: "CN", no: "1", v: "x" },
        { country: "US", no: "1", v: "y" },
      ],
      [
        { land: "CN", no: "1", v: "x" },
        { land: "CN", no: "2", v: "z" },
      ],
      { key: ["country", "no"], map: { country: "land" }, standardize: "none" },
    );
    expect(report.totals).toMatchObject({ matched: 1, leftOnly: 1, rightOnly: 1 });
    expect(report.examples.leftOnly).toEqual([{ key: "US|1", record: { country: "US", no: "1", v: "y" } }]);
  });

  test("merges presorted inputs without sorting, and refuses unsorted ones", async () => {
    const left = Array.from({ length: 50 }, (_, i) => ({ k: String(i).padStart(3, "0"), v: i }));
    const right = left.filter((_, i) => i % 2 === 0).map((r) => ({ ...r, v: r.v === 10 ? -1 : r.v }));
    const report = await reconcile(left, right, { key: "k", sorted: true, standardize: "none" });
    expect(report.left.sort.mode).toBe("presorted");
    expect(report.totals).toMatchObject({ matched: 25, mismatched: 1, leftOnly: 25 });
    await expect(reconcile([{ k: "b" }, { k: "a" }], [], { key: "k", sorted: true })).rejects.toMatchObject({
      code: "CLEANSE_RECONCILE_NOT_SORTED",
      location: { file: "left", record: 2 },
    });
  });

  test("spills sorted runs to disk beyond the memory limit and removes them afterwards", async () => {
    const n = 6000;
    const left = Array.from({ length: n }, (_, i) => ({ id: String((i * 7919) % n), name: `name ${i % 97}`, pad: "x".repeat(200) }));
    const right = Array.from({ length: n }, (_, i) => ({ id: String((i * 104729) % n), name: `name ${i % 97}`, pad: "x".repeat(200) }));
    const dir = join(temp, "spill");
    const { mkdirSync } = await import("node:fs");
    mkdirSync(dir);
    const small = await reconcile(left, right, { key: "id", standardize: "none", memoryLimitMb: 1, tempDir: dir });
    const big = await reconcile(left, right, { key: "id", standardize: "none" });
    expect(small.left.sort).toMatchObject({ mode: "external" });
    expect(small.left.sort.runs).toBeGreaterThan(2);
    expect(small.left.sort.spilledBytes).toBeGreaterThan(n * 200);
    expect(big.left.sort.mode).toBe("memory");
    expect(small.totals).toEqual(big.totals);
    expect(small.fields).toEqual(big.fields);
    expect(readdirSync(dir)).toEqual([]);
  });

  test("gives the same result as a naive in-memory comparison, whatever the memory limit", async () => {
    const rec = fc.record({ k: fc.constantFrom("a", "b", "c", "d", "e", "f", "", "A "), v: fc.constantFrom("1", "2", null) });
    await fc.assert(
      fc.asyncProperty(fc.array(rec, { maxLength: 40 }), fc.array(rec, { maxLength: 40 }), fc.boolean(), async (left, right, spill) => {
        const report = await reconcile(left, right, { key: "k", standardize: { k: "lower" }, fields: ["v"], memoryLimitMb: spill ? 0.001 : 64, tempDir: temp, timestamps: false });
        checkTotals(report);
        const keyOf = (r: { k: string }): string => r.k.trim().toLowerCase();
        const count = (rs: { k: string }[]): Map<string, number> => {
          const m = new Map<string, number>();
          for (const r of rs) if (keyOf(r) !== "") m.set(keyOf(r), (m.get(keyOf(r)) ?? 0) + 1);
          return m;
        };
        const l = count(left);
        const r = count(right);
        let matched = 0;
        for (const [k, n] of l) matched += Math.min(n, r.get(k) ?? 0);
        expect(report.totals.matched).toBe(matched);
        expect(report.left.missingKey).toBe(left.filter((x) => keyOf(x) === "").length);
        if (spill && left.length - report.left.missingKey >= 4) expect(report.left.sort.mode).toBe("external");
      }),
      { numRuns: 60 },
    );
  });

  test("reports the sync lag distribution where both sides have update timestamps", async () => {
    const hours = [0, 0.01, 2, 30, 100, 1000, -1];
    const left = hours.map((_, i) => ({ id: i, updated_at: "2024-05-01T00:00:00Z" }));
    const right = hours.map((h, i) => ({ id: i, modified_at: new Date(Date.parse("2024-05-01T00:00:00Z") + h * 3_600_000).toISOString() }));
    right.push({ id: 99, modified_at: "soon" });
    left.push({ id: 99, updated_at: "2024-05-01T00:00:00Z" });
    const report = await reconcile(left, right, { key: "id", standardize: "none" });
    expect(report.timeliness).toMatchObject({ leftField: "updated_at", rightField: "modified_at", pairs: 7, unreadable: 1, rightBehind: 1, sampled: false });
    expect(report.timeliness!.lagSeconds).toEqual({ min: -3600, p50: 7200, p90: 3_600_000, p95: 3_600_000, p99: 3_600_000, max: 3_600_000, mean: expect.closeTo(((0 + 0.01 + 2 + 30 + 100 + 1000 - 1) * 3600) / 7, 3) });
    expect(report.timeliness!.histogram.map((b) => b.count)).toEqual([1, 2, 0, 1, 2, 0, 1]);
    expect(report.fields.map((f) => f.field)).toEqual([]);
  });

  test("reads update timestamps through the value kernel: each side's date order from its own values, zone-less times as written", async () => {
    const left = [
      { id: 1, updated_at: "01/31/2024" },
      { id: 2, updated_at: "02/01/2024" },
      { id: 3, updated_at: "2024-05-01 10:00:00 +08:00" },
      { id: 4, updated_at: "2024/05/01 10:00" },
      { id: 5, updated_at: "2024年5月1日 10时00分" },
    ];
    const right = [
      { id: 1, modified_at: "2024-01-31T00:00:00Z" },
      { id: 2, modified_at: "2024-02-01T00:00:00Z" },
      { id: 3, modified_at: "2024-05-01T02:00:00Z" },
      { id: 4, modified_at: "2024-05-01T10:00:00" },
      { id: 5, modified_at: "2024-05-01T10:00:30" },
    ];
    const report = await reconcile(left, right, { key: "id", standardize: "none" });
    // 02/01/2024 is 1 February in a column that writes 01/31/2024; a zone-less time is the wall-clock time it says.
    expect(report.timeliness).toMatchObject({ pairs: 5, unreadable: 0, rightBehind: 0, lagSeconds: { min: 0, max: 30 } });
    // A date whose order the side's values do not tell is not guessed.
    const undecided = await reconcile([{ id: 1, updated_at: "01/02/2024" }], [{ id: 1, modified_at: "2024-01-02" }], { key: "id", standardize: "none" });
    expect(undecided.timeliness).toMatchObject({ pairs: 0, unreadable: 1 });
  });

  test("compares amounts with a tolerance exactly, in decimal", async () => {
    const report = await reconcile(
      [
        { id: 1, amount: "1.0000000001" },
        { id: 2, amount: "12345678901234567.01" },
        { id: 3, amount: "100.00" },
        { id: 4, amount: "￥1,000.00" },
      ],
      [
        { id: 1, amount: "1" },
        { id: 2, amount: "12345678901234567.02" },
        { id: 3, amount: 100.01 },
        { id: 4, amount: "1000.004" },
      ],
      { key: "id", standardize: "none", compare: { amount: { number: { tolerance: 0 } } } },
    );
    expect(report.fields[0]!.examples.map((e) => e.key)).toEqual(["1", "2", "3", "4"]);
    const tolerant = await reconcile([{ id: 1, amount: "100.00" }, { id: 2, amount: "200" }], [{ id: 1, amount: 100.01 }, { id: 2, amount: "200.2" }], {
      key: "id",
      standardize: "none",
      compare: { amount: { number: { tolerance: 0.01, relative: 0.001 } } },
    });
    expect(tolerant.totals).toMatchObject({ identical: 2 });
    const strict = await reconcile([{ id: 1, amount: "200" }], [{ id: 1, amount: "200.3" }], {
      key: "id",
      standardize: "none",
      compare: { amount: { number: { relative: 0.001 } } },
    });
    expect(strict.totals).toMatchObject({ mismatched: 1 });
  });

  test("links leftover keys through an injected fuzzy matcher", async () => {
    const linker: KeyLinker = async (left, right, { idField }) => {
      const pairs = [];
      for (const l of left) for (const r of right) if (l.name === r.name) pairs.push({ left_id: String(l[idField]), right_id: String(r[idField]), match_probability: 0.95 });
      return { pairs };
    };
    const diff = createMemorySink();
    const report = await reconcile(
      [
        { email: "wu@sina.com", name: "吴娟丽" },
        { email: "li@163.com", name: "李伟" },
        { email: "x@qq.com", name: "张三" },
      ],
      [
        { email: "wu@sina.cn", name: "吴娟丽" },
        { email: "li@163.com", name: "李伟" },
      ],
      { key: "email", standardize: "none", keyMatch: "fuzzy", linker, diff },
    );
    expect(report.totals).toMatchObject({ matched: 2, fuzzyMatched: 1, identical: 1, mismatched: 1, leftOnly: 1, rightOnly: 0 });
    expect(report.key.match).toBe("fuzzy");
    expect(diff.records).toEqual([
      { key: "wu@sina.com", status: "mismatch", field: "email", left_value: "wu@sina.com", right_value: "wu@sina.cn" },
      { key: "x@qq.com", status: "left_only", field: null, left_value: '{"email":"x@qq.com","name":"张三"}', right_value: null },
    ]);
    await expect(reconcile([], [], { key: "email", keyMatch: "fuzzy" })).rejects.toMatchObject({ code: "CLEANSE_USAGE" });
  });

  test("reads record sources batch by batch and keeps their fingerprints", async () => {
    const source = (name: string, records: DataRecord[]): RecordSource => ({
      name,
      async *batches() {
        for (let i = 0; i < records.length; i += 2) yield { records: records.slice(i, i + 2) };
      },
      fingerprint: () => ({ name, records: records.length, format: "test" }),
    });
    const report = await reconcile(source("crm.csv", crm), source("erp.jsonl", erp), { key: "email", map });
    expect(report.left).toMatchObject({ name: "crm.csv", records: 5, fingerprint: { format: "test" } });
    expect(report.right.name).toBe("erp.jsonl");
  });

  test("masks example values of personal fields but not the diff a steward acts on", async () => {
    const diff = createMemorySink();
    const report = await reconcile([{ id: 1, phone: "13812345678" }], [{ id: 1, phone: "13812345679" }], { key: "id", piiFields: ["phone"], diff, standardize: "none" });
    expect(report.fields[0]!.examples[0]).toMatchObject({ left: "138****5678", right: "138****5679" });
    expect(diff.records[0]).toMatchObject({ left_value: "13812345678" });
  });

  test("aborts the diff sink when the run fails", async () => {
    const diff = createMemorySink();
    async function* broken(): AsyncGenerator<DataRecord> {
      yield { k: "a" };
      throw new Error("read failed");
    }
    await expect(reconcile(broken(), [{ k: "a" }], { key: "k", diff })).rejects.toThrow("read failed");
    expect(diff.closed).toBe(false);
    let aborted = 0;
    const sink = { write() {}, async close() {}, async abort() { aborted++; } };
    await expect(reconcile([{ a: 1 }], [{ a: 1 }], { key: "a", standardize: { a: "soundex" }, diff: sink })).rejects.toThrow(/soundex/);
    expect(aborted).toBe(1);
  });

  test("compares with tolerances and ignores fields when told", async () => {
    const report = await reconcile(
      [{ id: 1, amount: "100.00", day: "2024-01-01", note: "a" }],
      [{ id: 1, amount: 100.004, day: "2024-01-02", note: "b" }],
      { key: "id", standardize: "none", compare: { amount: { number: { tolerance: 0.01 } }, day: { date: { tolerance_days: 1 } }, note: "ignore" } },
    );
    expect(report.totals.identical).toBe(1);
    expect(report.fields.map((f) => f.compare)).toEqual(["number(tolerance=0.01)", "date(tolerance_seconds=86400)", "ignore"]);
  });

  test("rejects unknown standardizers and comparators with the known ones listed", async () => {
    await expect(reconcile([{ a: 1 }], [{ a: 1 }], { key: "a", standardize: { a: "soundex" } })).rejects.toThrow(/Unknown standardizer "soundex".*email/);
    await expect(reconcile([{ a: 1, b: 1 }], [{ a: 1, b: 1 }], { key: "a", compare: { b: { fuzzy: {} } as never } })).rejects.toMatchObject({ code: "CLEANSE_RECONCILE_BAD_COMPARATOR" });
  });
});

/** The phases of a progress stream in order, after checking each starts at 0, never goes back and ends. */
function phasesOf(events: readonly ProgressEvent[]): string[] {
  const phases: string[] = [];
  let open: ProgressEvent | undefined;
  for (const e of events) {
    if (open === undefined) {
      expect(e.done).toBe(0);
      phases.push(e.subject === undefined ? e.phase : `${e.phase} ${e.subject}`);
    } else {
      expect([e.phase, e.subject, e.unit]).toEqual([open.phase, open.subject, open.unit]);
      expect(e.done).toBeGreaterThanOrEqual(open.done);
    }
    if (e.total !== undefined) expect(e.done).toBeLessThanOrEqual(e.total);
    open = e.final === true ? undefined : e;
  }
  expect(open).toBeUndefined();
  return phases;
}

describe("reconcile progress", () => {
  const many = (n: number, prefix: string): DataRecord[] => Array.from({ length: n }, (_, i) => ({ k: `${prefix}${String(i).padStart(5, "0")}`, v: i % 7 }));

  test("reports reading each side it sorts, comparing of a known total, and writing the diff", async () => {
    const events: ProgressEvent[] = [];
    const report = await reconcile(many(3_000, "a"), many(2_000, "a"), {
      key: "k",
      standardize: "none",
      diff: createMemorySink(),
      names: { left: "crm", right: "erp" },
      onProgress: (e) => events.push(e),
    });
    expect(phasesOf(events)).toEqual(["reading crm", "reading erp", "comparing", "writing diff"]);
    expect(events.find((e) => e.subject === "crm" && e.final)?.done).toBe(3_000);
    expect(events.find((e) => e.phase === "comparing" && e.final)).toMatchObject({ done: 5_000, total: 5_000, unit: "records" });
    expect(events.at(-1)).toMatchObject({ phase: "writing", done: report.totals.diffRows, total: report.totals.diffRows, final: true });
  });

  test("compares presorted inputs as they are read, without a total", async () => {
    const events: ProgressEvent[] = [];
    await reconcile(many(3_000, "a"), many(3_000, "a"), { key: "k", standardize: "none", sorted: true, onProgress: (e) => events.push(e) });
    expect(phasesOf(events)).toEqual(["comparing"]);
    expect(events.at(-1)).toMatchObject({ done: 6_000, final: true });
    expect(events.every((e) => e.total === undefined)).toBe(true);
  });

  test("passes onProgress to the linker of fuzzy key matching", async () => {
    const events: ProgressEvent[] = [];
    const linker: KeyLinker = async (_left, _right, options) => {
      options.onProgress?.({ phase: "blocking", done: 0, unit: "rules" });
      options.onProgress?.({ phase: "blocking", done: 1, unit: "rules", final: true });
      return { pairs: [] };
    };
    await reconcile([{ k: "a" }], [{ k: "b" }], { key: "k", standardize: "none", keyMatch: "fuzzy", linker, onProgress: (e) => events.push(e) });
    expect(phasesOf(events)).toEqual(["reading left", "reading right", "comparing", "blocking"]);
  });
});
