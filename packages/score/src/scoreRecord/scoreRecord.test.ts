import type { Issue, RuleInfo } from "@cleanse/core";
import { describe, expect, test } from "vitest";
import { checkKey, scoreRecord, toWeightedChecks } from "./scoreRecord.ts";

const rule = (rule: string, field: string | undefined, dimension: string, severity: RuleInfo["severity"] = "error"): RuleInfo =>
  field === undefined ? { rule, dimension, severity } : { rule, field, dimension, severity };
const fail = (r: RuleInfo): Issue => ({
  code: "x",
  rule: r.rule,
  ...(r.field === undefined ? {} : { field: r.field }),
  severity: r.severity,
  dimension: r.dimension,
  message: "failed",
});

const requiredId = rule("required", "id", "completeness");
const requiredEmail = rule("required", "email", "completeness");
const requiredPhone = rule("required", "phone", "completeness");
const email = rule("email", "email", "validity");
const phone = rule("phone", "phone", "validity");
const dateWarn = rule("date", "signup", "validity", "warning");
const unique = rule("unique", "id", "uniqueness");
const shipAfterOrder = rule("ship-after-order", undefined, "consistency");
const all = [requiredId, requiredEmail, requiredPhone, email, phone, dateWarn, unique, shipAfterOrder];

describe("scoreRecord", () => {
  test("a record that fails nothing scores 100 in every checked dimension", () => {
    const s = scoreRecord([], toWeightedChecks(all, {}));
    expect(s.score).toBe(100);
    expect(s.dimensions).toEqual({ completeness: 100, validity: 100, uniqueness: 100, consistency: 100 });
  });

  test("one failed check out of three in a dimension costs a third of it", () => {
    // completeness: 3 checks of weight 1, one failed -> 100 * (1 - 1/3) = 66.67
    // validity: email 1 + phone 1 + date (warning) 0.5 = 2.5, none failed -> 100
    // uniqueness 100, consistency 100
    // record: (66.67 + 100 + 100 + 100) / 4 = 91.67
    const s = scoreRecord([fail(requiredEmail)], toWeightedChecks(all, {}));
    expect(s.dimensions.completeness).toBeCloseTo(66.667, 3);
    expect(s.dimensions.validity).toBe(100);
    expect(s.score).toBeCloseTo(91.667, 3);
  });

  test("a warning weighs half an error", () => {
    // validity: email 1 + phone 1 + date 0.5 (warning) = 2.5; date failed: 0.5 / 2.5 = 0.2 -> 80
    // record: (100 + 80 + 100 + 100) / 4 = 95
    const s = scoreRecord([fail(dateWarn)], toWeightedChecks(all, {}));
    expect(s.dimensions.validity).toBe(80);
    expect(s.score).toBe(95);
  });

  test("several findings of one check count once", () => {
    // validity: email failed twice, still one failed check of weight 1: 1 / 2.5 = 0.4 -> 60
    // record: (100 + 60 + 100 + 100) / 4 = 90
    const s = scoreRecord([fail(email), fail(email)], toWeightedChecks(all, {}));
    expect(s.dimensions.validity).toBe(60);
    expect(s.score).toBe(90);
    expect(s.failed).toEqual(["email(email)"]);
  });

  test("findings of two rules on the same field in the same dimension are one failed check", () => {
    // standardize.email and email both say the email is invalid: one validity check of email fails.
    // validity: email(email) + standardize.email(email) are one check of weight 1, phone 1, date 0.5 = 2.5;
    // failed 1 -> 100 * (1 - 1/2.5) = 60, not 20 as two failed checks would give
    const standardizeEmail = rule("standardize.email", "email", "validity");
    const s = scoreRecord([fail(standardizeEmail), fail(email)], toWeightedChecks([...all, standardizeEmail], {}));
    expect(s.dimensions.validity).toBe(60);
    expect(s.failed).toEqual(["standardize.email(email)", "email(email)"]);
  });

  test("a finding of an undeclared rule on a declared field and dimension fails that check, not one more", () => {
    // standardize.phone(phone) is not declared, phone(phone) is: validity stays 2.5, phone fails -> 60
    const s = scoreRecord([{ ...fail(phone), rule: "standardize.phone" }], toWeightedChecks(all, {}));
    expect(s.dimensions.validity).toBe(60);
  });

  test("a redundant copy of another record scores 0 in uniqueness, and the dedupe check weighs as an error", () => {
    const dedupe = rule("dedupe", undefined, "uniqueness", "info");
    const checks = toWeightedChecks([unique, dedupe], {});
    expect(checks.map((c) => c.weight)).toEqual([1, 1]);
    const member: Issue = { code: "duplicate", rule: "dedupe", severity: "info", dimension: "uniqueness", message: "One of 2 records of cluster 7", value: "7" };
    // the first member of its cluster is the original: nothing failed
    expect(scoreRecord([member], checks).dimensions.uniqueness).toBe(100);
    // a later member is redundant: uniqueness 0, although unique(id) passes
    const s = scoreRecord([member], checks, {}, { redundant: true });
    expect(s.dimensions.uniqueness).toBe(0);
    expect(s.failed).toEqual(["dedupe"]);
  });

  test("dimension weights make a dimension count more in the record score", () => {
    // completeness 66.67 (weight 3), validity 60 (weight 1), uniqueness 100 (1), consistency 0 (1):
    // (3 * 66.667 + 60 + 100 + 0) / 6 = (200 + 160) / 6 = 60
    const weights = { dimensions: { completeness: 3 } };
    const s = scoreRecord([fail(requiredEmail), fail(email), fail(shipAfterOrder)], toWeightedChecks(all, weights), weights);
    expect(s.dimensions.consistency).toBe(0);
    expect(s.score).toBeCloseTo(60, 9);
  });

  test("field weights make the checks on a field count more, and a zero weight drops a dimension", () => {
    // email weight 3: completeness = required(id) 1 + required(email) 3 + required(phone) 1 = 5
    // required(email) failed: 3 / 5 = 0.6 -> 40
    // validity = email 3 + phone 1 + date 0.5 = 4.5, none failed -> 100
    // uniqueness has weight 0: left out. record: (40 + 100 + 100) / 3 = 80
    const weights = { fields: { email: 3 }, dimensions: { uniqueness: 0 } };
    const s = scoreRecord([fail(requiredEmail), fail(unique)], toWeightedChecks(all, weights), weights);
    expect(s.dimensions.completeness).toBe(40);
    expect(s.score).toBe(80);
  });

  test("severity weights are configurable, and info findings do not count by default", () => {
    const info = rule("trimmed", "name", "validity", "info");
    // by default info weighs 0: validity = 1 (email) + 0 = 1, nothing failed that weighs -> 100
    expect(scoreRecord([fail(info)], toWeightedChecks([email, info], {})).score).toBe(100);
    // with info at 1: validity = 1 + 1 = 2, info failed: 1/2 -> 50
    const weights = { severities: { info: 1 } };
    expect(scoreRecord([fail(info)], toWeightedChecks([email, info], weights), weights).score).toBe(50);
  });

  test("a finding of an undeclared check counts as one more check that failed", () => {
    // declared: required(id) (completeness). Undeclared ragged_row on the record (validity, error, weight 1):
    // validity = 1 checked, 1 failed -> 0; completeness 100; record: (100 + 0) / 2 = 50
    const ragged: Issue = { code: "ragged_row", rule: "csv-shape", severity: "error", dimension: "validity", message: "3 fields, expected 4" };
    const s = scoreRecord([ragged], toWeightedChecks([requiredId], {}));
    expect(s.dimensions).toEqual({ completeness: 100, validity: 0 });
    expect(s.score).toBe(50);
  });

  test("a record with no checks at all scores 100", () => {
    expect(scoreRecord([], []).score).toBe(100);
  });

  test("checks are keyed by rule and field", () => {
    expect(checkKey("required", "id")).toBe("required(id)");
    expect(checkKey("ship-after-order", undefined)).toBe("ship-after-order");
    expect(toWeightedChecks([email, email, rule("email", "email2", "validity")], {}).map((c) => c.key)).toEqual(["email(email)", "email(email2)"]);
  });
});
