import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ConfigError, createMemorySink, processRecords, runPipeline, type DataRecord } from "@cleanse/core";
import { describe, expect, test } from "vitest";
import { loadFebrl1 } from "../_testing/loadTestData.ts";
import { dedupeRecords } from "../dedupeRecords/dedupeRecords.ts";
import { saveModel } from "../incremental/saveModel.ts";
import { createDedupeStep, type DedupeReportSection } from "./createDedupeStep.ts";

const data = loadFebrl1();
const sample = data.records.slice(0, 300);

describe("createDedupeStep", () => {
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

  test("rejects bad options with the job file as location", () => {
    expect(() => createDedupeStep({ threshold: 2 }, { baseDir: ".", file: "job.yaml" })).toThrow(ConfigError);
    expect(() => createDedupeStep({ model: "missing.json" }, { baseDir: "/nonexistent" })).toThrow(/Cannot read the dedupe model/);
  });
});
