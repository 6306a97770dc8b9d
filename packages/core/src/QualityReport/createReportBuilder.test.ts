import { describe, expect, test } from "vitest";
import type { Issue } from "../Issue/Issue.ts";
import type { RecordEnvelope } from "../Step/Step.ts";
import { createReportBuilder, type ReportBuilderOptions } from "./createReportBuilder.ts";
import { maskableSection, type Masker } from "./PiiPolicy.ts";

/** Writes a value as its length, `[11]`; 11-digit numbers starting with 1 are personal by themselves, as with the value kernel's masker. */
const mask: Masker = Object.assign((value: unknown) => `[${Array.from(String(value)).length}]`, {
  isPersonal: (value: unknown) => /^1\d{10}$/.test(String(value)),
  maskText: (text: string) => text.replace(/\b1\d{10}\b/g, "[11]"),
});

const issue = (field: string, value: unknown, message: string): Issue => ({ code: "invalid_format", rule: field, field, severity: "error", dimension: "validity", message, value });

function envelope(record: Record<string, unknown>, issues: Issue[], seq = 0): RecordEnvelope {
  return { record, seq, location: { file: "crm.csv", line: seq + 2, record: seq + 1 }, issues, changed: undefined, mergedInto: undefined, status: "quarantine" };
}

function build(options: Partial<ReportBuilderOptions>, envelopes: RecordEnvelope[], more?: (b: ReturnType<typeof createReportBuilder>) => void) {
  const b = createReportBuilder({ dataset: "crm", ...options });
  let seqSum = 0;
  for (const env of envelopes) {
    b.add(env);
    seqSum += env.seq;
  }
  more?.(b);
  return b.finish({ ingested: envelopes.length, seqSum, inputs: [], startedAt: new Date() });
}

describe("createReportBuilder", () => {
  test("masks the examples of a field named like personal data that no step declares", () => {
    const report = build({ mask }, [envelope({ email: "wu7523@sina" }, [issue("email", "wu7523@sina", 'expected an email address, received "wu7523@sina"')])]);
    expect(report.rules[0]!.examples).toEqual([{ record: 1, line: 2, field: "email", value: "[11]", message: 'expected an email address, received "[11]"' }]);
  });

  test("masks a value personal by itself in a field not named like one, in the value and the message", () => {
    const report = build({ mask }, [envelope({ signup_date: "15894963798" }, [issue("signup_date", "15894963798", 'expected a date, received "15894963798"')])]);
    expect(report.rules[0]!.examples[0]).toMatchObject({ value: "[11]", message: 'expected a date, received "[11]"' });
  });

  test("masks the values of the record's other personal fields that a message quotes", () => {
    const record = { name: "何涛", customer_ref: "R-99", status: "gone" };
    const report = build({ mask, piiFields: ["customer_ref"] }, [envelope(record, [issue("status", "gone", "何涛 (R-99) is gone")])]);
    expect(report.rules[0]!.examples[0]).toMatchObject({ value: "gone", message: "[2] ([4]) is gone" });
  });

  test("masks every example of a field whose values are mostly personal, also a malformed one seen before the others", () => {
    const envelopes = [
      envelope({ contact: "1381234", note: "x" }, [issue("contact", "1381234", 'expected a phone, received "1381234"'), issue("note", "x1", "x1")], 0),
      envelope({ contact: "13812345678", note: "x" }, [], 1),
      envelope({ contact: "13912345678", note: "x" }, [], 2),
    ];
    const report = build({ mask }, envelopes);
    expect(report.rules.find((r) => r.rule === "contact")!.examples[0]).toMatchObject({ value: "[7]", message: 'expected a phone, received "[7]"' });
    expect(report.rules.find((r) => r.rule === "note")!.examples[0]).toMatchObject({ value: "x1" });
    const fewer = build({ mask }, [envelopes[0]!, envelope({ contact: "n/a", note: "x" }, [], 1), envelope({ contact: "13912345678", note: "x" }, [], 2)]);
    expect(fewer.rules.find((r) => r.rule === "contact")!.examples[0]).toMatchObject({ value: "1381234" });
  });

  test("shows everything in clear with mask: false", () => {
    const report = build(
      { mask: false, piiFields: ["phone"] },
      [envelope({ phone: "15894963798", email: "a@b" }, [issue("phone", "15894963798", 'bad "15894963798"'), issue("email", "a@b", 'bad "a@b"')])],
      (b) => {
        b.addWarning("dedupe: 15894963798 twice");
        b.setSection("golden", maskableSection({ phone: "15894963798" }, () => ({ phone: "masked" })));
      },
    );
    const example = (rule: string) => report.rules.find((r) => r.rule === rule)?.examples[0];
    expect(example("phone")).toMatchObject({ value: "15894963798", message: 'bad "15894963798"' });
    expect(example("email")).toMatchObject({ value: "a@b", message: 'bad "a@b"' });
    expect(report.warnings).toEqual(["dedupe: 15894963798 twice"]);
    expect(report.sections.golden).toEqual({ phone: "15894963798" });
  });

  test("masks warnings, dataset findings and sections", () => {
    const report = build({ mask }, [], (b) => {
      b.addWarning("dedupe: 15894963798 appears twice");
      b.addDatasetIssues([{ ...issue("email", "x@y", "x@y is shared by 13812345678"), code: "duplicate" }]);
      b.setSection("dedupe", maskableSection({ golden: [{ name: "何涛", city: "上海" }], text: "13812345678 vs 13812345678" }, (s, pii) => ({ ...s, golden: s.golden.map((r) => pii.record(r)) })));
      b.setSection("plain", { pairs: [{ left: "15894963798", right: "C00002" }] });
    });
    expect(report.warnings).toEqual(["dedupe: [11] appears twice"]);
    expect(report.datasetIssues[0]).toMatchObject({ value: "[3]", message: "[3] is shared by [11]" });
    expect(report.sections).toEqual({ dedupe: { golden: [{ name: "[2]", city: "上海" }], text: "[11] vs [11]" }, plain: { pairs: [{ left: "[11]", right: "C00002" }] } });
  });

  test("hides every character of personal values without a masker", () => {
    const report = build({}, [envelope({ phone: "1234567" }, [issue("phone", "1234567", 'bad "1234567"')])]);
    expect(report.rules[0]!.examples[0]).toMatchObject({ value: "*******", message: 'bad "*******"' });
  });

  test("takes fields called like Object.prototype members as plain names", () => {
    const record = JSON.parse('{"constructor":"R-1","toString":"x"}') as Record<string, unknown>;
    const report = build({ mask, piiFields: ["constructor"] }, [envelope(record, [issue("toString", "x", "R-1 has x")])]);
    expect(report.rules[0]!.examples[0]).toMatchObject({ value: "x", message: "[3] has x" });
  });
});
