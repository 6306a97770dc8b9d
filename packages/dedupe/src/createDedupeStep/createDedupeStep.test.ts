import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { addIssue, ConfigError, createMemorySink, processRecords, runPipeline, toRecordSource, type DataRecord, type PipelineProgress, type RecordEnvelope } from "@cleanse/core";
import { describe, expect, test } from "vitest";
import { checkProgress } from "../_testing/checkProgress.ts";
import { loadFebrl1 } from "../_testing/loadTestData.ts";
import { dedupeRecords } from "../dedupeRecords/dedupeRecords.ts";
import { saveModel } from "../incremental/saveModel.ts";
import { createDedupeStep, type DedupeReportSection } from "./createDedupeStep.ts";

const data = loadFebrl1();
const sample = data.records.slice(0, 300);

/** The golden record of the cluster holding these ids, from the report section. */
function goldenOf(section: DedupeReportSection, ids: readonly string[]) {
  return section.goldenRecords.find((g) => ids.some((id) => g.members.includes(id)));
}

describe("createDedupeStep", () => {
  test("reports its phases through runPipeline's onProgress, between reading and writing", async () => {
    const events: PipelineProgress[] = [];
    await runPipeline({
      source: sample,
      steps: [createDedupeStep({ idField: "rec_id" })],
      clean: createMemorySink(),
      onProgress: (p) => events.push(p),
      progressIntervalMs: 0,
    });
    const own = events.filter((e) => e.step === "dedupe");
    expect(checkProgress(own)).toEqual(["blocking", "comparing", "training", "scoring", "clustering", "golden"]);
    expect(own.every((e) => e.records === 300)).toBe(true);
    const phases = events.map((e) => e.phase).filter((p, i, all) => p !== all[i - 1]);
    expect(phases).toEqual(["reading", "blocking", "comparing", "training", "scoring", "clustering", "golden", "writing"]);
  });

  test("adds cluster ids, keeps every record and reports clusters with an explained pair", async () => {
    const clean = createMemorySink();
    const report = await runPipeline({ source: sample, steps: [createDedupeStep({ idField: "rec_id" })], clean });
    expect(report.totals).toEqual({ total: 300, clean: 300, quarantined: 0, merged: 0 });
    expect(clean.records).toHaveLength(300);
    expect(clean.records.every((r) => typeof r.cluster_id === "string" && typeof r.match_probability === "number")).toBe(true);
    const section = report.sections.dedupe as DedupeReportSection;
    expect(section.records).toBe(300);
    expect(section.multiRecordClusters).toBeGreaterThan(0);
    expect(section.topClusters.length).toBe(Math.min(100, section.multiRecordClusters));
    expect(section.goldenRecords.length).toBe(section.topClusters.length);
    expect(section.example?.text).toContain("match probability");
    expect(section.example!.explanation.isMatch).toBe(true);
    const dup = report.rules.find((r) => r.rule === "dedupe");
    expect(dup?.failed).toBe(section.duplicates + section.multiRecordClusters);
  });

  test("collapses duplicates into golden records only when asked, and the counts still add up", async () => {
    const clean = createMemorySink();
    const merged = createMemorySink();
    const report = await runPipeline({ source: sample, steps: [createDedupeStep({ idField: "rec_id", collapse: true })], clean, merged });
    const section = report.sections.dedupe as DedupeReportSection;
    expect(report.totals.merged).toBe(section.duplicates);
    expect(report.totals.total).toBe(report.totals.clean + report.totals.quarantined + report.totals.merged);
    expect(clean.records.length + merged.records.length).toBe(300);
    for (const r of merged.records) expect(clean.records.some((c) => c.rec_id === r.cluster_id)).toBe(true);
  });

  test("warns in the report when EM does not converge", async () => {
    const step = createDedupeStep({
      idField: "rec_id",
      config: {
        blocking: { rules: [{ type: "key", on: ["date_of_birth"] }, { type: "key", on: ["soc_sec_id"] }] },
        comparisons: [
          { field: "surname", type: "jaroWinkler" },
          { field: "soc_sec_id", type: "damerauLevenshtein", distances: [1] },
        ],
        em: { maxIterations: 1, tolerance: 1e-12 },
      },
    });
    const report = await runPipeline({ source: sample, steps: [step] });
    expect(report.warnings).toContainEqual(expect.stringMatching(/^dedupe: EM did not converge after 1 iteration \(last change .+\); match probabilities may be off/));
    expect((report.sections.dedupe as DedupeReportSection).emConverged).toBe(false);
  });

  test("never builds a golden value from a value that failed an earlier step", async () => {
    // rec-104-org is the most complete record of its cluster, and its date of birth fails an earlier step.
    const ids = ["rec-104-org", "rec-104-dup-0"];
    const bad = "rec-104-org";
    const flag = {
      kind: "record" as const,
      name: "flag",
      process(env: RecordEnvelope) {
        if (env.record.rec_id === bad) {
          env.record = { ...env.record, date_of_birth: "19500231" };
          addIssue(env, { code: "invalid_date", rule: "date", field: "date_of_birth", severity: "error", dimension: "validity", message: "impossible date" });
        }
      },
    };
    const step = createDedupeStep({
      idField: "rec_id",
      reportLimit: 1000,
      config: {
        blocking: { rules: [{ type: "key", on: ["soc_sec_id"] }, { type: "key", on: ["surname"] }] },
        comparisons: [
          { field: "surname", type: "jaroWinkler" },
          { field: "given_name", type: "jaroWinkler" },
          { field: "soc_sec_id", type: "damerauLevenshtein", distances: [1] },
        ],
        golden: { default: "mostComplete", fields: { date_of_birth: "mostComplete" } },
      },
    });
    const report = await runPipeline({ source: data.records, steps: [flag, step], mask: false });
    const section = report.sections.dedupe as DedupeReportSection;
    const golden = goldenOf(section, ids);
    expect(golden?.members).toEqual(expect.arrayContaining(ids));
    expect(golden!.lineage.street_number).toEqual({ id: bad, rule: "mostComplete" });
    expect(golden!.record.date_of_birth).toBe("19310625");
    expect(golden!.lineage.date_of_birth).toEqual({ id: "rec-104-dup-0", rule: "mostComplete" });
  });

  test("the report masks the personal fields of golden records and of the explained pair, and its text", async () => {
    const mask = (value: unknown) => `<${String(value).length}>`;
    const steps = [createDedupeStep({ idField: "rec_id" })];
    const section = (await runPipeline({ source: sample, steps, mask })).sections.dedupe as DedupeReportSection;
    const clear = (await runPipeline({ source: sample, steps: [createDedupeStep({ idField: "rec_id" })], mask: false })).sections.dedupe as DedupeReportSection;
    const golden = section.goldenRecords[0]!;
    expect(golden.record.surname).toBe(mask(clear.goldenRecords[0]!.record.surname));
    expect(golden.record.date_of_birth).toBe(mask(clear.goldenRecords[0]!.record.date_of_birth));
    expect(golden.record.rec_id).toBe(clear.goldenRecords[0]!.record.rec_id);
    const surname = section.example!.explanation.comparisons.find((c) => c.fields.includes("surname"))!;
    const clearSurname = clear.example!.explanation.comparisons.find((c) => c.fields.includes("surname"))!;
    expect(surname.values).toEqual(clearSurname.values.map((v) => (v === null ? v : mask(v))));
    expect(clear.example!.text).toContain(`"${clearSurname.values[0]}"`);
    expect(section.example!.text).not.toContain(`"${clearSurname.values[0]}"`);
    expect(section.example!.text).toContain(`"${mask(clearSurname.values[0])}"`);
  });

  test("names records by record number when the id field is not unique", async () => {
    const records: DataRecord[] = sample.map((r) => ({ ...r, rec_id: "same" }));
    const run = processRecords(records, [createDedupeStep({ idField: "rec_id" })]);
    const out = [];
    for await (const env of run) out.push(env.record);
    expect(out).toHaveLength(300);
    expect(run.report().warnings.some((w) => w.includes("record number"))).toBe(true);
    expect(out.every((r) => /^\d+$/.test(String(r.cluster_id)))).toBe(true);
  });

  test("loads a saved model relative to the job file", async () => {
    const trained = await dedupeRecords(sample, "auto", { idField: "rec_id" });
    const dir = mkdtempSync(join(tmpdir(), "dedupe-step-"));
    writeFileSync(join(dir, "model.json"), saveModel(trained.model));
    const step = createDedupeStep({ model: "model.json", idField: "rec_id" }, { baseDir: dir, file: join(dir, "job.yaml") });
    const report = await runPipeline({ source: sample, steps: [step] });
    expect((report.sections.dedupe as DedupeReportSection).emIterations).toBe(trained.stats.emIterations);
  });

  test("takes a configuration directly", async () => {
    const step = createDedupeStep({
      idField: "rec_id",
      blocking: { rules: [{ type: "key", on: ["date_of_birth"] }] },
      comparisons: [
        { field: "surname", type: "jaroWinkler" },
        { field: "soc_sec_id", type: "damerauLevenshtein", distances: [1] },
      ],
    });
    const report = await runPipeline({ source: sample, steps: [step] });
    const section = report.sections.dedupe as DedupeReportSection;
    expect(section.blocking.map((b) => b.rule)).toEqual(["date_of_birth"]);
    expect(createDedupeStep("auto").name).toBe("dedupe");
  });

  test("trains with a labels file opened through the job, and checks its ids", async () => {
    const pairs = sample
      .filter((r) => String(r.rec_id).includes("-dup-"))
      .slice(0, 20)
      .map((r) => ({ a: String(r.rec_id).replace(/-dup-\d+$/, "-org"), b: String(r.rec_id), match: "yes" }))
      .filter((p) => sample.some((r) => r.rec_id === p.a));
    const opened: unknown[] = [];
    const ctx = (rows: readonly DataRecord[]) => ({ baseDir: ".", openSource: (spec: unknown) => (opened.push(spec), toRecordSource(rows, { name: "labels.csv" })) });
    const plain = (await runPipeline({ source: sample, steps: [createDedupeStep({ idField: "rec_id" })] })).sections.dedupe as DedupeReportSection;
    const labelled = (await runPipeline({ source: sample, steps: [createDedupeStep({ idField: "rec_id", labels: "labels.csv" }, ctx(pairs))] })).sections.dedupe as DedupeReportSection;
    expect(opened).toEqual(["labels.csv"]);
    expect(pairs.length).toBeGreaterThan(5);
    expect(labelled.labelledPairs).toBe(pairs.length);
    expect(plain.labelledPairs).toBeUndefined();
    const bad = createDedupeStep({ idField: "rec_id", labels: "labels.csv" }, ctx([{ a: String(sample[0]!.rec_id), b: "nobody", match: "no" }]));
    await expect(runPipeline({ source: sample, steps: [bad] })).rejects.toMatchObject({ code: "CLEANSE_LABELS_UNKNOWN_ID", message: 'labels.csv, record 1: field "b" is "nobody", which no record has as its id.' });
    expect(() => createDedupeStep({ idField: "rec_id", labels: "labels.csv" })).toThrow(/needs a way to open its labels file/);
  });

  test("rejects bad options with the job file as location", () => {
    expect(() => createDedupeStep({ threshold: 2 }, { baseDir: ".", file: "job.yaml" })).toThrow(ConfigError);
    expect(() => createDedupeStep({ model: "missing.json" }, { baseDir: "/nonexistent" })).toThrow(/Cannot read the dedupe model/);
  });
});
