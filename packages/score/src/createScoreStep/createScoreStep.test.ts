import { addIssue, checkRecords, collect, processRecords, type Issue, type RecordStep, type RuleInfo } from "@cleanse/core";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { scoreRecord, toWeightedChecks } from "../scoreRecord/scoreRecord.ts";
import type { Scorecard } from "../Scorecard/Scorecard.ts";
import { createScoreStep, prepareScoreSteps } from "./createScoreStep.ts";

const rules: RuleInfo[] = [
  { rule: "required", field: "id", severity: "error", dimension: "completeness" },
  { rule: "required", field: "email", severity: "error", dimension: "completeness" },
  { rule: "email", field: "email", severity: "warning", dimension: "validity" },
];

/** required(id), required(email) and email(email) as a check step. */
const validate = checkRecords(
  "validate",
  (r) => {
    const found: Issue[] = [];
    if (!r.id) found.push({ code: "missing_value", rule: "required", field: "id", severity: "error", dimension: "completeness", message: "id is required" });
    if (!r.email) found.push({ code: "missing_value", rule: "required", field: "email", severity: "error", dimension: "completeness", message: "email is required" });
    else if (!String(r.email).includes("@")) {
      found.push({ code: "invalid_format", rule: "email", field: "email", severity: "warning", dimension: "validity", message: "not an email", value: r.email });
    }
    return found;
  },
  rules,
);

const records = [
  { id: "1", email: "a@x.cn" }, // nothing fails: 100
  { id: "2", email: "bad" }, // validity: email (0.5 of 0.5) failed -> 0; completeness 100; record (100 + 0) / 2 = 50
  { id: "3", email: "" }, // completeness: required(email) 1 of 2 -> 50; validity: nothing failed -> 100; record 75
  { id: "", email: "" }, // completeness: 2 of 2 -> 0; validity 100; record 50
];

async function run(steps = prepareScoreSteps([validate, createScoreStep({ breakdown: true })])) {
  const run = processRecords(records, steps, { name: "people" });
  const out = await collect(run);
  return { out, report: run.report() };
}

describe("createScoreStep", () => {
  test("adds _score and the per-dimension breakdown to every record", async () => {
    const { out } = await run();
    expect(out.map((e) => e.record._score)).toEqual([100, 50, 75, 50]);
    expect(out.map((e) => [e.record._score_completeness, e.record._score_validity])).toEqual([
      [100, 100],
      [100, 0],
      [50, 100],
      [0, 100],
    ]);
  });

  test("puts the dataset scorecard in the report, with counts that add up", async () => {
    const { report } = await run();
    const card = report.sections.score as Scorecard;
    // mean of the record scores (100 + 50 + 75 + 50) / 4 = 68.75; records 3 and 4 fail required (an
    // error) and are quarantined, so they count 0 in the headline: (100 + 50 + 0 + 0) / 4 = 37.5
    expect(card.meanRecordScore).toBe(68.75);
    expect(card.quarantined).toBe(2);
    expect(card.score).toBe(37.5);
    expect(card.records).toBe(4);
    expect(card.duplicates).toBe(0);
    // completeness: (100 + 100 + 50 + 0) / 4 = 62.5, 2 checks x 4 records = 8 checks, 3 failed, on 2 records
    // validity: (100 + 0 + 100 + 100) / 4 = 75, 1 check x 4 = 4 checks, 1 failed
    expect(report.dimensions).toEqual([
      { dimension: "completeness", score: 62.5, failedRecords: 2, basis: "checks", weight: 1, records: 4, checks: 8, failed: 3 },
      { dimension: "validity", score: 75, failedRecords: 1, basis: "checks", weight: 1, records: 4, checks: 4, failed: 1 },
    ]);
    // the report holds one set of dimension scores: the section has none of its own
    expect(card).not.toHaveProperty("dimensions");
    // email: required (weight 1) + email (warning, 0.5) = 1.5 per record, 6 in all;
    // failed: record 2 email 0.5, records 3 and 4 required 1 + 1 -> 2.5; 100 * (1 - 2.5/6) = 58.33
    // id: 1 per record, 4 in all; failed 1 -> 75
    expect(card.fields).toEqual([
      { field: "email", score: 58.33, weight: 1, checks: 8, failed: 3 },
      { field: "id", score: 75, weight: 1, checks: 4, failed: 1 },
    ]);
    expect(card.distribution.bins).toHaveLength(10);
    expect(card.distribution.bins[5]).toEqual({ from: 50, to: 60, count: 2 });
    expect(card.distribution.bins[7]).toEqual({ from: 70, to: 80, count: 1 });
    expect(card.distribution.bins[9]).toEqual({ from: 90, to: 100, count: 1 });
    expect(card.distribution).toMatchObject({ perfect: 1, min: 50, max: 100, median: 50, p10: 50 });
    expect(card.declaredChecks).toBe(3);
    expect(card.undeclared).toEqual([]);
  });

  test("without the declared rules, only the findings count, on the records where they occur", async () => {
    const { out, report } = await run([validate, createScoreStep()]);
    // record 2: validity 1 undeclared check failed -> 0, record 0; record 3: completeness 0 -> 0; record 1: nothing -> 100
    expect(out.map((e) => e.record._score)).toEqual([100, 0, 0, 0]);
    expect((report.sections.score as Scorecard).undeclared).toEqual(["email(email)", "required(email)", "required(id)"]);
  });

  test("rules passed in the context and extra checks in the options are declared", async () => {
    const { out } = await run([validate, createScoreStep({ checks: [{ rule: "csv-shape", dimension: "validity" }] }, { rules })]);
    // validity now has email (0.5) + csv-shape (1) = 1.5; record 2 fails email: 1 - 0.5/1.5 -> 66.67; record (100 + 66.67) / 2 = 83.33
    expect(out[1]!.record._score).toBe(83.33);
  });

  test("uses the configured field name and weights", async () => {
    const steps = prepareScoreSteps([validate, createScoreStep({ field: "quality", weights: { dimensions: { completeness: 3 } } })]);
    const { out } = await run(steps);
    // record 3: completeness 50 (weight 3), validity 100 (weight 1): (150 + 100) / 4 = 62.5
    expect(out[2]!.record.quality).toBe(62.5);
    expect(out[2]!.record._score).toBeUndefined();
  });

  test("checks that weigh nothing are neither scored nor counted, declared or not", async () => {
    const link: RuleInfo = { rule: "link", severity: "info", dimension: "consistency" };
    const flagUnlinked = checkRecords(
      "unlinked",
      (r) => (r.id === "2" ? [{ code: "unlinked", rule: "link", severity: "info", dimension: "consistency", message: "no counterpart" }] : []),
      [link],
    );
    const run2 = processRecords(records, prepareScoreSteps([validate, flagUnlinked, createScoreStep()]), { name: "people" });
    const out = await collect(run2);
    // record 2 keeps its score from the email warning only: (100 + 0) / 2 = 50
    expect(out[1]!.record._score).toBe(50);
    const card = run2.report().sections.score as Scorecard;
    expect(run2.report().dimensions.map((d) => d.dimension)).toEqual(["completeness", "validity"]);
    expect(card.declaredChecks).toBe(3);
    expect(card.undeclared).toEqual([]);
  });

  test("follows the run's quarantine threshold: with quarantine_on warning, the email warning quarantines too", async () => {
    const run2 = processRecords(records, prepareScoreSteps([validate, createScoreStep()]), { name: "people", quarantineOn: "warning" });
    await collect(run2);
    const card = run2.report().sections.score as Scorecard;
    // only record 1 (100) is not quarantined: 100 / 4 = 25
    expect(card.quarantined).toBe(3);
    expect(card.quarantined).toBe(run2.report().totals.quarantined);
    expect(card.score).toBe(25);
  });

  test("the later members of a duplicate cluster are redundant copies: uniqueness is 1 - redundant / records", async () => {
    const people = ["p1", "p2", "p3", "p4", "p5", "p6"].map((id) => ({ id }));
    const clusterOf: Record<string, string> = { p1: "A", p2: "A", p3: "B", p4: "B", p5: "B" };
    // as the dedupe step does with collapse: members of B other than its golden record p4 are merged into it
    const dedupe: RecordStep = {
      kind: "record",
      name: "dedupe",
      rules: [{ rule: "dedupe", severity: "info", dimension: "uniqueness" }],
      process(env) {
        const id = String(env.record.id);
        const cluster = clusterOf[id];
        if (cluster === undefined) return;
        addIssue(env, { code: "duplicate", rule: "dedupe", severity: "info", dimension: "uniqueness", message: `One of the records of cluster ${cluster}`, value: cluster });
        if (cluster === "B" && id !== "p4") env.mergedInto = "p4";
      },
    };
    const unique = checkRecords("unique", () => [], [{ rule: "unique", field: "id", severity: "error", dimension: "uniqueness" }]);
    const run2 = processRecords(people, prepareScoreSteps([unique, dedupe, createScoreStep({ breakdown: true })]), { name: "people" });
    const out = await collect(run2);
    // A: p1 is the original, p2 a copy; B: p4 stays (the golden record), p3 and p5 were merged into it
    expect(out.map((e) => e.record._score_uniqueness)).toEqual([100, 0, 0, 100, 0, 100]);
    const report = run2.report();
    const card = report.sections.score as Scorecard;
    // redundant = records in multi-record clusters (5) - clusters (2) = 3; 100 * (1 - 3/6) = 50
    expect(card.duplicates).toBe(3);
    expect(report.dimensions).toEqual([{ dimension: "uniqueness", score: 50, failedRecords: 3, basis: "checks", weight: 1, records: 6, checks: 12, failed: 3 }]);
    // merged records are not quarantined: they count with their score, 0
    expect(card.score).toBe(50);
  });

  test("without a declared dedupe check, redundant copies still score 0 in uniqueness", async () => {
    const dup = checkRecords("dup", (r) =>
      r.id === "" ? [] : [{ code: "duplicate", rule: "dedupe", severity: "info", dimension: "uniqueness", message: "One of 2 records of cluster X", value: "X" }],
    );
    const run2 = processRecords(records, [dup, createScoreStep({ breakdown: true })], { name: "people" });
    const out = await collect(run2);
    expect(out.map((e) => e.record._score)).toEqual([100, 0, 0, 100]);
    expect((run2.report().sections.score as Scorecard).undeclared).toEqual(["dedupe"]);
  });

  test("gives each record the score scoreRecord gives it (property)", async () => {
    const declared: RuleInfo[] = [
      ...rules,
      { rule: "standardize.email", field: "email", severity: "error", dimension: "validity" },
      { rule: "ship-after-order", severity: "warning", dimension: "consistency" },
    ];
    const possible: Issue[] = [
      ...declared.map((r): Issue => ({ code: "x", rule: r.rule, ...(r.field === undefined ? {} : { field: r.field }), severity: r.severity, dimension: r.dimension, message: "failed" })),
      { code: "ragged_row", rule: "csv-shape", severity: "error", dimension: "validity", message: "ragged" },
      { code: "x", rule: "standardize.phone", field: "phone", severity: "warning", dimension: "validity", message: "bad phone" },
      { code: "x", rule: "date", field: "email", severity: "warning", dimension: "validity", message: "undeclared on a declared field" },
    ];
    const weights = { fields: { email: 2 }, dimensions: { validity: 3 } };
    await fc.assert(
      fc.asyncProperty(fc.array(fc.subarray(possible), { minLength: 1, maxLength: 20 }), async (findings) => {
        const flag: RecordStep = { kind: "record", name: "flag", rules: declared, process: (env) => void env.issues.push(...findings[env.seq]!) };
        const run2 = processRecords(findings.map((_, i) => ({ i })), prepareScoreSteps([flag, createScoreStep({ weights })]));
        const out = await collect(run2);
        const checks = toWeightedChecks(declared, weights);
        expect(out.map((e) => e.record._score)).toEqual(findings.map((f) => Math.round(scoreRecord(f, checks, weights).score * 100) / 100));
      }),
      { numRuns: 100 },
    );
  });

  test("rejects options that do not fit the schema", () => {
    expect(() => createScoreStep({ bins: 7 })).toThrowErrorMatchingInlineSnapshot(`[ConfigError: invalid score step options: bins: bins must divide 100 (1, 2, 4, 5, 10, 20, 25, 50 or 100)]`);
  });

  test("never drops or reorders records, and the report's totals add up", async () => {
    const { out, report } = await run();
    expect(out.map((e) => e.seq)).toEqual([0, 1, 2, 3]);
    const t = report.totals;
    expect(t.total).toBe(t.clean + t.quarantined + t.merged);
  });
});
