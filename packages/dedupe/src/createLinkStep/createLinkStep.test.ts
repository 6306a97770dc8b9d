import { collect, toRecordSource, type DataRecord, type PipelineProgress } from "@cleanse/core";
import { processRecords } from "@cleanse/core";
import { describe, expect, test } from "vitest";
import { checkProgress } from "../_testing/checkProgress.ts";
import { createLinkStep, type LinkReportSection } from "./createLinkStep.ts";

const people = [
  ["li", "wei", "13812345678", "li.wei@example.com", "1980-01-02"],
  ["wang", "fang", "13912345679", "wang.fang@example.com", "1975-03-04"],
  ["zhang", "min", "13612345670", "zhang.min@example.com", "1990-05-06"],
  ["chen", "jing", "15012345671", "chen.jing@example.com", "1985-07-08"],
  ["liu", "yang", "15112345672", "liu.yang@example.com", "1992-09-10"],
  ["huang", "lei", "18612345673", "huang.lei@example.com", "1979-11-12"],
  ["zhao", "jun", "18712345674", "zhao.jun@example.com", "1968-12-13"],
  ["wu", "tao", "13512345675", "wu.tao@example.com", "1999-02-14"],
] as const;

describe("createLinkStep", () => {
  test("links each record to its counterpart, keeps every record, and flags those without one", async () => {
    const crm: DataRecord[] = people.map(([s, g, p, e, d], i) => ({ customer_id: `C${i}`, surname: s, given: g, phone: p, email: e, dob: d }));
    crm.push({ customer_id: "C99", surname: "ma", given: "xiu", phone: "13000000000", email: "ma.xiu@example.com", dob: "2001-01-01" });
    const erp: DataRecord[] = people.map(([s, g, p, e, d], i) => ({ erp_id: `E${i}`, surname: s, given: i === 2 ? "ming" : g, mobile: p, email: e, dob: d }));
    const step = createLinkStep(
      { with: "erp", idField: "customer_id", withIdField: "erp_id", map: { mobile: "phone" } },
      { baseDir: ".", openSource: () => toRecordSource(erp, { name: "erp" }) },
    );
    const run = processRecords(crm, [step]);
    const out = await collect(run);
    expect(out).toHaveLength(crm.length);
    const linked = Object.fromEntries(out.map((e) => [e.record.customer_id, e.record.linked_id]));
    for (let i = 0; i < people.length; i++) expect(linked[`C${i}`]).toBe(`E${i}`);
    expect(linked.C99).toBeNull();
    const c99 = out.find((e) => e.record.customer_id === "C99")!;
    expect(c99.status).toBe("clean");
    expect(c99.issues.map((i) => [i.rule, i.code, i.severity])).toEqual([["link", "unlinked", "info"]]);
    const section = run.report().sections.link as LinkReportSection;
    expect(section).toMatchObject({ records: 9, otherRecords: 8, linked: 8, unlinked: 1 });
  });

  test("trains with a labels file of pipeline ids (a) and ids of the other source (b)", async () => {
    const crm: DataRecord[] = people.map(([s, g, p, e, d], i) => ({ customer_id: `C${i}`, surname: s, given: g, phone: p, email: e, dob: d }));
    const erp: DataRecord[] = people.map(([s, g, p, e, d], i) => ({ erp_id: `E${i}`, surname: s, given: g, mobile: p, email: e, dob: d }));
    const sources = (labels: readonly DataRecord[]) => ({
      baseDir: ".",
      openSource: (spec: unknown) => (spec === "labels.csv" ? toRecordSource(labels, { name: "labels.csv" }) : toRecordSource(erp, { name: "erp" })),
    });
    const options = { with: "erp", idField: "customer_id", withIdField: "erp_id", map: { mobile: "phone" }, labels: "labels.csv" };
    const good = [{ a: "C0", b: "E0", match: "yes" }, { a: "C1", b: "E2", match: "no" }];
    const run = processRecords(crm, [createLinkStep(options, sources(good))]);
    await collect(run);
    expect(run.report().sections.link).toMatchObject({ linked: 8 });
    const swapped = processRecords(crm, [createLinkStep(options, sources([{ a: "E0", b: "C0", match: "yes" }]))]);
    await expect(collect(swapped)).rejects.toMatchObject({ code: "CLEANSE_LABELS_UNKNOWN_ID", message: 'labels.csv, record 1: field "a" is "E0", which no left record has as its id.' });
  });

  test("warns in the report when EM does not converge", async () => {
    const crm: DataRecord[] = people.map(([s, g, p], i) => ({ customer_id: `C${i}`, surname: s, given: g, phone: p }));
    const erp: DataRecord[] = people.map(([s, g, p], i) => ({ erp_id: `E${i}`, surname: s, given: g, mobile: p }));
    const step = createLinkStep(
      {
        with: "erp",
        idField: "customer_id",
        withIdField: "erp_id",
        map: { mobile: "phone" },
        config: {
          blocking: { rules: [{ type: "key", on: [{ field: "phone", transform: "prefix", length: 2 }] }] },
          comparisons: [{ field: "surname", type: "exact" }, { field: "given", type: "jaroWinkler" }],
          em: { maxIterations: 1, tolerance: 1e-12 },
        },
      },
      { baseDir: ".", openSource: () => toRecordSource(erp, { name: "erp" }) },
    );
    const run = processRecords(crm, [step]);
    await collect(run);
    expect(run.report().warnings).toContainEqual(expect.stringMatching(/^link: EM did not converge after 1 iteration \(last change .+\); match probabilities may be off/));
  });

  test("reports reading the other source and linking through the run's onProgress", async () => {
    const crm: DataRecord[] = people.map(([s, g, p, e, d], i) => ({ customer_id: `C${i}`, surname: s, given: g, phone: p, email: e, dob: d }));
    const erp: DataRecord[] = people.map(([s, g, p, e, d], i) => ({ erp_id: `E${i}`, surname: s, given: g, mobile: p, email: e, dob: d }));
    const step = createLinkStep(
      { with: "erp", idField: "customer_id", withIdField: "erp_id", map: { mobile: "phone" } },
      { baseDir: ".", openSource: () => toRecordSource(erp, { name: "erp" }) },
    );
    const events: PipelineProgress[] = [];
    await collect(processRecords(crm, [step], { onProgress: (p) => events.push(p), progressIntervalMs: 0 }));
    const own = events.filter((e) => e.step === "link");
    expect(checkProgress(own)).toEqual(["reading erp", "blocking", "comparing", "training", "scoring", "linking"]);
    expect(own.find((e) => e.phase === "reading" && e.final)?.done).toBe(erp.length);
  });

  test("rejects options it does not know", () => {
    expect(() => createLinkStep({ with: "x", idField: "id", colour: "red" } as never, { baseDir: ".", openSource: () => toRecordSource([]) })).toThrow(/colour/);
  });
});
