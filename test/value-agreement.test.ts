// One meaning per value: every package that reads a kind of value reaches the value kernel's reading of it, or the
// same refusal. A package that disagrees on any case of test/value-agreement/cases.ts fails this test.
import { collect, processRecords, type DataRecord, type RecordEnvelope } from "@cleanse/core";
import { createComparison } from "@cleanse/dedupe";
import { builtinStandardizers } from "@cleanse/reconcile";
import { compileRules } from "@cleanse/rules";
import { createStandardizeStep } from "@cleanse/standardize";
import { classifyValue, KIND_BITS, parseDate, parseDecimal, parseEmail, parsePhone, type ValueResult } from "@cleanse/values";
import { describe, expect, test } from "vitest";
import { cases, type AgreementCase } from "./value-agreement/cases.ts";

/** A package's reading of a value: its canonical text, null for an empty value, or the code of its refusal. */
type Reading = string | null | { readonly refuse: string };

const label = (c: AgreementCase): string =>
  `${c.kind} ${JSON.stringify(c.input)}${c.order ? ` (${c.order})` : ""}${c.region ? ` (${c.region})` : ""}${c.scale === undefined ? "" : ` (scale ${c.scale})`}`;

function reading(result: ValueResult<string, unknown>): Reading {
  return result.ok ? result.value : { refuse: result.issue.code };
}

/** The kernel itself: the reference every other package is held to. */
function kernel(c: AgreementCase): Reading {
  switch (c.kind) {
    case "date":
    case "datetime":
      return reading(parseDate(c.input, c.order === undefined ? {} : { order: c.order }));
    case "phone":
      return reading(parsePhone(c.input, c.region === undefined ? {} : { region: c.region }));
    case "decimal":
      return reading(parseDecimal(c.input, c.scale === undefined ? {} : { scale: c.scale }));
    case "email":
      return reading(parseEmail(c.input));
  }
}

/** The standardize step of a job file, with the column declared the way the case declares it. */
async function standardizeStep(list: readonly AgreementCase[]): Promise<Reading[]> {
  const out: Reading[] = [];
  for (const c of list) {
    const spec =
      c.kind === "date" || c.kind === "datetime"
        ? { date: c.order === undefined ? {} : { order: c.order } }
        : c.kind === "phone"
          ? { phone: c.region === undefined ? {} : { region: c.region } }
          : c.kind === "decimal"
            ? { decimal: c.scale === undefined ? {} : { scale: c.scale } }
            : { email: {} };
    const step = createStandardizeStep({ standardize: { v: spec } }, { baseDir: "." });
    const [env] = (await collect(processRecords([{ v: c.input } as DataRecord], [step]))) as RecordEnvelope[];
    const issue = env!.issues.find((i) => i.field === "v");
    out.push(issue ? { refuse: issue.code } : ((env!.record.v ?? null) as Reading));
  }
  return out;
}

/** What a rule set accepts: the kernel's reading of a value, as a rule sees it, or the kernel's refusal. */
function rules(c: AgreementCase): Reading | "not read" {
  const expected = kernel(c);
  // A rule cannot give back a canonical text; a value it accepts must be the instant the kernel read, so a rule
  // bounded to exactly that instant is the reading.
  const bound = typeof expected === "string" ? { min: expected, max: expected } : {};
  const rule =
    c.kind === "date"
      ? { date: { format: "auto", ...(c.order === undefined ? {} : { order: c.order }), ...bound } }
      : c.kind === "datetime"
        ? { datetime: { format: "auto", ...bound } }
        : c.kind === "phone"
          ? { phone: c.region === undefined ? {} : { region: c.region } }
          : c.kind === "email"
            ? "email"
            : undefined;
  if (rule === undefined) return "not read";
  const issues = compileRules({ fields: { v: [rule] } }).check({ v: c.input });
  if (issues.length > 0) return { refuse: typeof expected === "object" && expected !== null ? expected.refuse : issues[0]!.code };
  return expected === null || typeof expected === "string" ? expected : "accepted a value the kernel refuses";
}

/** The profiler's classification of a value: its reading of dates, date-times, phones and e-mail addresses. */
function profile(c: AgreementCase): Reading | "not read" {
  const expected = kernel(c);
  const cls = classifyValue(c.input, { ...(c.order === undefined ? {} : { order: c.order }), ...(c.region === undefined ? {} : { region: c.region }) });
  const read =
    c.kind === "date" || c.kind === "datetime"
      ? cls.date
      : c.kind === "phone"
        ? cls.phone
        : c.kind === "email"
          ? (cls.kinds & KIND_BITS.email) !== 0
            ? typeof expected === "string"
              ? expected
              : "took for an e-mail address a value the kernel refuses"
            : undefined
          : "not read";
  if (read === "not read") return read;
  if (read === undefined) return expected === null ? null : typeof expected === "object" ? expected : "refused a value the kernel reads";
  return read;
}

/** The standardizers a reconciliation compares fields with. */
function reconcile(c: AgreementCase): Reading | "not read" {
  const s = builtinStandardizers;
  const standardize =
    c.kind === "date"
      ? s.date!(c.order === undefined ? {} : { order: c.order })
      : c.kind === "phone"
        ? s.phone!(c.region === undefined ? {} : { region: c.region })
        : c.kind === "decimal"
          ? s.number!(c.scale === undefined ? {} : { scale: c.scale })
          : c.kind === "email"
            ? s.email!({})
            : undefined;
  if (standardize === undefined) return "not read";
  return reading(standardize(c.input, "v") as ValueResult<string, unknown>);
}

/**
 * Matching: a value compared with the kernel's canonical form of itself is an exact agreement, and a value the
 * kernel refuses (or an empty one) is no evidence at all, never a guess.
 */
function dedupe(c: AgreementCase): Reading | "not read" {
  if (c.kind === "phone" && c.region === undefined) return "not read"; // matched on digits without a region
  const config =
    c.kind === "date" || c.kind === "datetime"
      ? { type: "date" as const, field: "v", ...(c.order === undefined ? {} : { order: c.order }) }
      : c.kind === "phone"
        ? { type: "phone" as const, field: "v", region: c.region! }
        : c.kind === "decimal"
          ? { type: "numeric" as const, field: "v" }
          : { type: "email" as const, field: "v" };
  // Comparisons do not round: an amount is compared as read, before any scale.
  const expected = c.kind === "decimal" ? reading(parseDecimal(c.input)) : c.expect;
  const comparison = createComparison(config);
  const other = typeof expected === "string" ? expected : c.input;
  const kind = comparison.levels[comparison.compare({ v: c.input }, { v: other })]!.kind;
  if (typeof expected === "string") return kind === "exact" ? c.expect : `level ${kind} against its own canonical form`;
  return kind === "null" ? c.expect : `level ${kind} for a value the kernel does not read`;
}

function disagreements(reader: (c: AgreementCase) => Reading | "not read"): string[] {
  return cases.flatMap((c) => {
    const got = reader(c);
    return got === "not read" || JSON.stringify(got) === JSON.stringify(c.expect) ? [] : [`${label(c)}: ${JSON.stringify(got)}`];
  });
}

describe("value agreement across packages", () => {
  test("the table holds at least 150 tricky values of every kind", () => {
    expect(cases.length).toBeGreaterThanOrEqual(150);
    expect(new Set(cases.map((c) => c.kind))).toEqual(new Set(["date", "datetime", "phone", "decimal", "email"]));
  });

  test.each(cases.map((c) => [label(c), c] as const))("the kernel reads %s as the table says", (_, c) => {
    expect(kernel(c)).toEqual(c.expect);
  });

  test("the standardize step reads every value as the kernel does", async () => {
    const got = await standardizeStep(cases);
    const wrong = cases.flatMap((c, i) => (JSON.stringify(got[i]) === JSON.stringify(c.expect) ? [] : [`${label(c)}: ${JSON.stringify(got[i])}`]));
    expect(wrong).toEqual([]);
  });

  test("rules accept exactly the values the kernel reads, as the instants it reads", () => {
    expect(disagreements(rules)).toEqual([]);
  });

  test("the profiler reads dates, date-times, phones and e-mail addresses as the kernel does", () => {
    expect(disagreements(profile)).toEqual([]);
  });

  test("matching compares dates, amounts, phones and e-mail addresses in the kernel's reading, and never guesses", () => {
    expect(disagreements(dedupe)).toEqual([]);
  });

  test("reconciliation compares dates, amounts, phones and e-mail addresses in the kernel's reading", () => {
    expect(disagreements(reconcile)).toEqual([]);
  });
});
