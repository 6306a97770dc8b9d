import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { collect, processRecords, runPipeline, type DataRecord, type Step } from "@cleanse/core";
import { afterAll, describe, expect, test } from "vitest";
import { parse } from "yaml";
import { z } from "zod";
import { createStandardizeStep } from "./createStandardizeStep.ts";
import { standardizeStepSchema, type StandardizeStepConfig } from "./standardizeStepSchema.ts";

const dir = mkdtempSync(join(tmpdir(), "cleanse-step-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(join(dir, "tier.yaml"), "gold: [G, VIP]\nsilver: [S]\n");
const ctx = { baseDir: dir, file: "job.yaml" };

const job = `
steps:
  - standardize:
      phone: { phone: { region: CN, format: digits } }
      signup_date: { date: { order: dmy } }
      credit_limit: { decimal: { scale: 2 } }
      name: text
      email: email
      gender: { map: { dictionary: gender, unmapped: keep } }
      country: { map: { dictionary: country, unmapped: error } }
      tier: { map: { dictionary: ./tier.yaml } }
      note: [text, { mojibake: {} }]
    on_error: quarantine
`;
const config = (parse(job) as { steps: StandardizeStepConfig[] }).steps[0]!;

const crm: DataRecord[] = [
  {
    id: 1,
    phone: "+86-138-1234-5678",
    signup_date: "2023/01/01",
    credit_limit: "¥1,234.5",
    name: "  Zhang　San ",
    email: "Zhang.San@Example.COM",
    gender: "男",
    country: "中国",
    tier: "VIP",
    note: "CafÃ©  au lait",
  },
  {
    id: 2,
    phone: "13812345678",
    signup_date: "01-01-2023",
    credit_limit: "1234.50",
    name: "Li Si",
    email: "li.si@example.com",
    gender: "F",
    country: "CN",
    tier: "gold",
    note: "ok",
  },
  { id: 3, phone: "12345", signup_date: "2023-02-30", credit_limit: "abc", name: "Wang Wu", email: "wang@", gender: "?", country: "Atlantis", tier: "bronze" },
  { id: 4, phone: null, signup_date: "", name: null },
];

async function run(records: readonly DataRecord[], step: Step) {
  const r = processRecords(records, [step], { name: "crm" });
  const out = await collect(r);
  return { out, report: r.report() };
}

describe("createStandardizeStep", () => {
  test("standardizes every field of the job example and counts the changes", async () => {
    const input = structuredClone(crm);
    const { out, report } = await run(input, createStandardizeStep(config, ctx));
    expect(out[0]?.record).toEqual({
      id: 1,
      phone: "13812345678",
      signup_date: "2023-01-01",
      credit_limit: "1234.50",
      name: "Zhang San",
      email: "Zhang.San@example.com",
      gender: "M",
      country: "CN",
      tier: "gold",
      note: "Café au lait",
    });
    expect(out[1]?.record).toEqual({ ...crm[1], signup_date: "2023-01-01", tier: "gold" });
    expect(out[1]?.changed).toEqual(["signup_date"]);
    expect(out.map((e) => e.status)).toEqual(["clean", "clean", "quarantine", "clean"]);
    expect(out[3]?.record).toEqual({ id: 4, phone: null, signup_date: null, name: null });
    // the input records are never mutated
    expect(input).toEqual(crm);

    const changed = Object.fromEntries(report.fields.map((f) => [f.field, f.changed]));
    expect(changed).toMatchObject({ phone: 1, signup_date: 3, credit_limit: 1, name: 1, email: 1, gender: 1, country: 1, tier: 1, note: 1 });
    expect(report.totals).toEqual({ total: 4, clean: 3, quarantined: 1, merged: 0 });
  });

  test("keeps a value it cannot standardize and reports why", async () => {
    const { out } = await run(crm, createStandardizeStep(config, ctx));
    const bad = out[2]!;
    expect(bad.record).toEqual(crm[2]);
    expect(bad.issues.map((i) => [i.field, i.code, i.rule, i.severity, i.dimension])).toEqual([
      ["phone", "invalid_phone", "standardize.phone", "error", "validity"],
      ["signup_date", "invalid_date", "standardize.date", "error", "validity"],
      ["credit_limit", "invalid_decimal", "standardize.decimal", "error", "validity"],
      ["email", "invalid_email", "standardize.email", "error", "validity"],
      ["country", "unmapped_value", "standardize.map", "error", "validity"],
    ]);
    expect(bad.issues[0]).toMatchObject({ value: "12345", location: { file: "crm", record: 3 } });
  });

  test("reads each phone number with the region its record names, and never invents a country code", async () => {
    const step = createStandardizeStep({ standardize: { phone: { phone: { region: "CN", regionField: "country" } } } }, ctx);
    const records: DataRecord[] = [
      { phone: "(415) 415-1627", country: "US" },
      { phone: "(415) 415-1627", country: "United States of America" },
      { phone: "(415) 415-1627", country: "" },
      { phone: "138 1234 5678", country: "中国" },
      { phone: "020 7946 0958", country: "gb" },
      { phone: "138 1234 5678", country: "Atlantis" },
    ];
    const { out } = await run(records, step);
    expect(out.map((e) => e.record.phone)).toEqual(["+14154151627", "+14154151627", "(415) 415-1627", "+8613812345678", "+442079460958", "138 1234 5678"]);
    expect(out.map((e) => e.issues.map((i) => i.code))).toEqual([[], [], ["invalid_phone"], [], [], ["invalid_phone"]]);
    expect(out[2]!.issues[0]!.message).toContain("trunk prefix");
    expect(out[5]!.issues[0]!.message).toContain('"Atlantis", which names no country');
  });

  test("warns about a field no record has, with the column it most likely meant", async () => {
    const step = createStandardizeStep({ standardize: { date_of_birth: "date", name: "text" } }, ctx);
    const report = await runPipeline({ source: [{ " date_of_birth": " 19081209", name: " Li " }], steps: [step] });
    expect(report.warnings).toEqual(['standardize: no record has a field "date_of_birth", so it was not standardized (did you mean " date_of_birth"?).']);
  });

  test("turns issues into warnings and keeps records clean with on_error: keep", async () => {
    const step = createStandardizeStep({ standardize: { d: "date" }, on_error: "keep" }, ctx);
    const { out, report } = await run([{ d: "01/02/2023" }, { d: "2023/02/01" }], step);
    expect(out.map((e) => e.status)).toEqual(["clean", "clean"]);
    expect(out[0]?.issues[0]).toMatchObject({ code: "ambiguous_date", severity: "warning", value: "01/02/2023" });
    expect(out[0]?.record).toEqual({ d: "01/02/2023" });
    expect(report.rules).toEqual([expect.objectContaining({ rule: "standardize.date", field: "d", severity: "warning", failed: 1 })]);
  });

  test("declares its rules and the fields holding personal data", () => {
    const step = createStandardizeStep(config, ctx);
    expect(step.kind).toBe("record");
    expect(step.piiFields).toEqual(["phone", "email"]);
    expect(step.rules?.map((r) => `${r.field}:${r.rule}`)).toEqual([
      "phone:standardize.phone",
      "signup_date:standardize.date",
      "credit_limit:standardize.decimal",
      "name:standardize.text",
      "email:standardize.email",
      "gender:standardize.map",
      "country:standardize.map",
      "tier:standardize.map",
      "note:standardize.text",
      "note:standardize.mojibake",
    ]);
  });

  test("leaves missing fields missing and stops a chain at null", async () => {
    const step = createStandardizeStep({ standardize: { a: ["text", "email"], b: "text" } }, ctx);
    const { out } = await run([{ b: " x " }, { a: "   ", b: "y" }], step);
    expect(out[0]?.record).toEqual({ b: "x" });
    expect(out[1]?.record).toEqual({ a: null, b: "y" });
  });

  test("accepts inline dictionaries and options of every kind", async () => {
    const step = createStandardizeStep(
      {
        standardize: {
          status: { map: { dictionary: { active: ["1", "yes"], inactive: ["0", "no"] }, unmapped: "null" } },
          d: { date: { minYear: 1800, excelSerial: true } },
        },
      },
      ctx,
    );
    const { out } = await run([{ status: 1, d: "1850-01-01" }, { status: "maybe", d: 44927 }], step);
    expect(out.map((e) => e.record)).toEqual([
      { status: "active", d: "1850-01-01" },
      { status: null, d: "2023-01-01" },
    ]);
  });

  describe("with order: infer", () => {
    const dmyColumn = ["01/02/2023", "03/04/2023", "25/12/2023", "05/06/2023", "13/01/2024", "07/08/2023"];

    test("infers the order from the first records, then standardizes them all in order", async () => {
      const step = createStandardizeStep({ standardize: { d: { date: { order: "infer" } } }, infer_rows: 3 }, ctx);
      expect(step.kind).toBe("stream");
      const { out, report } = await run(
        dmyColumn.map((d, i) => ({ i, d })),
        step,
      );
      expect(out.map((e) => e.record)).toEqual([
        { i: 0, d: "2023-02-01" },
        { i: 1, d: "2023-04-03" },
        { i: 2, d: "2023-12-25" },
        { i: 3, d: "2023-06-05" },
        { i: 4, d: "2024-01-13" },
        { i: 5, d: "2023-08-07" },
      ]);
      expect(report.sections.standardize).toEqual({
        inferred: { d: { order: "dmy", confidence: 1, evidence: { dmy: 1, mdy: 0, ymd: 0, ambiguous: 2, other: 0 }, used: true } },
      });
      expect(report.fields[0]).toMatchObject({ field: "d", changed: 6, failed: 0 });
    });

    test("reports ambiguous dates and warns when the first records do not tell", async () => {
      const step = createStandardizeStep({ standardize: { d: { date: { order: "infer" } } }, infer_rows: 2 }, ctx);
      const { out, report } = await run(
        dmyColumn.map((d) => ({ d })),
        step,
      );
      expect(out.map((e) => e.status)).toEqual(["quarantine", "quarantine", "clean", "quarantine", "clean", "quarantine"]);
      expect(report.warnings).toEqual([
        'standardize: no value of "d" in the first 2 records tells day-first from month-first; dates such as 01/02/2023 are reported as ambiguous.',
      ]);
    });

    test("counts a single record read for the date order in the singular", async () => {
      const step = createStandardizeStep({ standardize: { d: { date: { order: "infer" } } }, infer_rows: 1 }, ctx);
      const { report } = await run([{ d: "01/02/2023" }, { d: "13/02/2023" }], step);
      expect(report.warnings).toEqual([
        'standardize: no value of "d" in the first 1 record tells day-first from month-first; dates such as 01/02/2023 are reported as ambiguous.',
      ]);
    });

    test("handles an empty stream without warnings", async () => {
      const step = createStandardizeStep({ standardize: { d: { date: { order: "infer" } } } }, ctx);
      const { out, report } = await run([], step);
      expect(out).toEqual([]);
      expect(report.warnings).toEqual([]);
      expect(report.totals.total).toBe(0);
    });

    test("holds no more than infer_rows records before the first leaves", async () => {
      const step = createStandardizeStep({ standardize: { d: { date: { order: "infer" } } }, infer_rows: 5 }, ctx);
      let pulled = 0;
      async function* source() {
        for (let i = 0; i < 1000; i++) {
          pulled++;
          yield { d: "31/01/2023" };
        }
      }
      const envelopes = (async function* () {
        let seq = 0;
        for await (const record of source()) {
          yield { record, seq: seq++, location: {}, issues: [], changed: undefined, mergedInto: undefined, status: undefined };
        }
      })();
      if (step.kind !== "stream") throw new Error("expected a stream step");
      const sectionData: unknown[] = [];
      const iterator = step.run(envelopes, { dataset: "t", signal: undefined, setSection: (_n, d) => sectionData.push(d), warn: () => {} })[Symbol.asyncIterator]();
      const first = await iterator.next();
      expect(first.value.record).toEqual({ d: "2023-01-31" });
      expect(pulled).toBe(5);
      let count = 1;
      while (!(await iterator.next()).done) count++;
      expect(count).toBe(1000);
      expect(sectionData).toHaveLength(1);
    });
  });

  describe("configuration errors", () => {
    test.each([
      [{ standardize: { a: "phonee" } }, "standardize.a"],
      [{ standardize: { a: "date", on_error: "quarantine" } }, "standardize.on_error"],
      [{ standardize: { a: { date: { order: "dym" } } } }, "standardize.a"],
      [{ standardize: { a: { phone: { region: "CN", format: "e164" } } } }, "standardize.a"],
      [{ standardize: { a: [] } }, "standardize.a"],
      [{ standardize: { a: { date: { min_year: 1800 } } } }, "standardize.a"],
      [{ standardize: { a: "text" }, on_error: "drop" }, "on_error"],
      [{ standardize: { a: "text" }, extra: 1 }, "(root)"],
      [{}, "standardize"],
    ])("%j is a ConfigError naming %s", (bad, path) => {
      let error: unknown;
      try {
        createStandardizeStep(bad as unknown as StandardizeStepConfig, ctx);
      } catch (e) {
        error = e;
      }
      expect(error).toMatchObject({ code: "CLEANSE_BAD_CONFIG", location: { file: "job.yaml" } });
      expect((error as Error).message).toContain(`at ${path}`);
    });

    test("rejects an unknown dictionary, region or locale when the step is built", () => {
      expect(() => createStandardizeStep({ standardize: { g: { map: { dictionary: "genders" } } } }, ctx)).toThrow(
        expect.objectContaining({ code: "CLEANSE_BAD_CONFIG" }),
      );
      expect(() => createStandardizeStep({ standardize: { g: { map: { dictionary: "./missing.yaml" } } } }, ctx)).toThrow(
        expect.objectContaining({ code: "CLEANSE_IO" }),
      );
      expect(() => createStandardizeStep({ standardize: { p: { phone: { region: "XX" } } } }, ctx)).toThrow(expect.objectContaining({ code: "CLEANSE_BAD_OPTION" }));
      expect(() => createStandardizeStep({ standardize: { n: { decimal: { locale: "xx" } } } }, ctx)).toThrow(expect.objectContaining({ code: "CLEANSE_BAD_OPTION" }));
    });

    test("the schema gives the JSON Schema of a job entry", () => {
      const schema = z.toJSONSchema(standardizeStepSchema, { io: "input" }) as { properties: Record<string, unknown>; required: string[] };
      expect(Object.keys(schema.properties)).toEqual(["standardize", "on_error", "infer_rows", "infer_confidence"]);
      expect(schema.required).toEqual(["standardize"]);
    });

    test("the schema turns a job entry into a plan", () => {
      expect(standardizeStepSchema.parse({ standardize: { name: "text", d: [{ date: { order: "infer" } }, "text"] }, on_error: "keep" })).toEqual({
        fields: [
          { field: "name", chain: [{ kind: "text", options: {} }] },
          { field: "d", chain: [{ kind: "date", options: { order: "infer" } }, { kind: "text", options: {} }] },
        ],
        onError: "keep",
        inferRows: 1000,
        inferConfidence: 0.9,
      });
    });
  });
});
