import { collect, processRecords, runPipeline, createMemorySink } from "@cleanse/core";
import { parseConfigText } from "@cleanse/config";
import { maskValue } from "@cleanse/values";
import { describe, expect, test } from "vitest";
import { parseRules } from "../parseRules/parseRules.ts";
import { createRulesStep } from "./createRulesStep.ts";

const customers = [
  { customer_id: "C1", email: "ann@example.com", phone: "13812345678", status: "active", signup_date: "2023-01-05" },
  { customer_id: "C2", email: "bob@", phone: "13812345679", status: "gone", signup_date: "2023-02-30" },
  { customer_id: "C1", email: "", phone: "12345", status: "active", signup_date: "2023-03-01" },
];

const rules = parseRules(
  [
    "fields:",
    "  customer_id: [required, unique]",
    "  email: [{ email: null, severity: warning }]",
    "  phone: { rules: [{ phone: CN }], pii: true }",
    "  status: [{ in: [active, inactive] }]",
    "  signup_date: [date]",
    "  name: [{ length: { max: 100 } }]",
    "dataset:",
    "  - { row_count: { min: 5 } }",
    "  - { null_ratio: { field: email, max: 0.2, severity: warning } }",
  ].join("\n"),
  { file: "customers.yaml" },
);

describe("createRulesStep", () => {
  test("routes records, lists every rule in the report and adds dataset findings; counts add up", async () => {
    const run = processRecords(customers, createRulesStep(rules, { baseDir: "." }), { name: "customers" });
    const statuses = (await collect(run)).map((e) => e.status);
    expect(statuses).toEqual(["clean", "quarantine", "quarantine"]);
    const report = run.report();
    expect(report.totals).toEqual({ total: 3, clean: 1, quarantined: 2, merged: 0 });
    const byRule = Object.fromEntries(report.rules.map((r) => [`${r.rule}(${r.field ?? ""})`, r.failed]));
    expect(byRule).toEqual({
      "required(customer_id)": 0,
      "unique(customer_id)": 1,
      "email(email)": 1,
      "phone(phone)": 1,
      "in(status)": 1,
      "date(signup_date)": 1,
      "length(name)": 0,
      "row_count()": 0,
      "null_ratio(email)": 0,
    });
    expect(report.datasetIssues.map((i) => [i.rule, i.message])).toEqual([
      ["unique", "1 value occurs more than once; later occurrences are flagged on their records, the first occurrence is record 1"],
      ["row_count", "row count is 3, expected at least 5"],
      ["null_ratio", "null ratio of email (1/3) is 0.3333, expected at most 0.2"],
    ]);
  });

  test("masks the examples of pii fields in the report", async () => {
    const run = processRecords(customers, createRulesStep(rules, { baseDir: "." }), { mask: maskValue });
    await collect(run);
    const phone = run.report().rules.find((r) => r.rule === "phone");
    expect(phone?.examples).toEqual([
      { record: 3, field: "phone", value: "1***5", message: 'expected a phone number (CN), received "1***5" (Invalid phone number "1***5" (region CN): it has too few digits.)' },
    ]);
  });

  test("warnings do not quarantine; a step can run twice with fresh state", async () => {
    const steps = createRulesStep({ fields: { id: [{ unique: null, severity: "warning" }] } }, { baseDir: "." });
    for (let i = 0; i < 2; i++) {
      const clean = createMemorySink();
      const report = await runPipeline({ source: [{ id: 1 }, { id: 1 }], steps, clean });
      expect(report.totals.clean).toBe(2);
      expect(report.rules[0]).toMatchObject({ rule: "unique", severity: "warning", failed: 1 });
    }
  });

  test("points errors of a rule set inlined in a job file at the job file", () => {
    const job = parseConfigText("name: demo\nsteps:\n  - validate:\n      fields:\n        email: [emial]\n", { file: "job.yaml" });
    const inline = (job.value as { steps: { validate: object }[] }).steps[0]!.validate;
    expect(() => createRulesStep(inline, { baseDir: "." }, { document: job, at: ["steps", 0, "validate"] })).toThrow(
      'job.yaml:5:17: unknown rule "emial" (did you mean "email"?)',
    );
  });

  test("accepts a rule-file object inlined in a job", () => {
    const [step] = createRulesStep({ fields: { a: ["required"] } }, { baseDir: "." }, { name: "validate" });
    expect(step).toMatchObject({ kind: "record", name: "validate", rules: [{ rule: "required", field: "a" }] });
  });
});
