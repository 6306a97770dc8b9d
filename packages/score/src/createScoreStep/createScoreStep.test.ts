import { checkRecords, collect, processRecords, type Issue, type RuleInfo } from "@cleanse/core";
import { describe, expect, test } from "vitest";
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
    // overall: mean of the record scores (100 + 50 + 75 + 50) / 4 = 68.75
    expect(card.score).toBe(68.75);
    expect(card.records).toBe(4);
    // completeness: (100 + 100 + 50 + 0) / 4 = 62.5, 2 checks x 4 records = 8 checks, 3 failed
    // validity: (100 + 0 + 100 + 100) / 4 = 75, 1 check x 4 = 4 checks, 1 failed
    expect(card.dimensions).toEqual([
      { dimension: "completeness", score: 62.5, weight: 1, records: 4, checks: 8, failed: 3 },
      { dimension: "validity", score: 75, weight: 1, records: 4, checks: 4, failed: 1 },
    ]);
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
    const dedupe: RuleInfo = { rule: "dedupe", severity: "info", dimension: "uniqueness" };
    const flagDuplicates = checkRecords(
      "dup",
      (r) => (r.id === "2" ? [{ code: "duplicate", rule: "dedupe", severity: "info", dimension: "uniqueness", message: "one of 2" }] : []),
      [dedupe],
    );
    const run2 = processRecords(records, prepareScoreSteps([validate, flagDuplicates, createScoreStep()]), { name: "people" });
    const out = await collect(run2);
    // record 2 keeps its score from the email warning only: (100 + 0) / 2 = 50
    expect(out[1]!.record._score).toBe(50);
    const card = run2.report().sections.score as Scorecard;
    expect(card.dimensions.map((d) => d.dimension)).toEqual(["completeness", "validity"]);
    expect(card.declaredChecks).toBe(3);
    expect(card.undeclared).toEqual([]);
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
