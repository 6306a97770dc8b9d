import type { DataRecord, Issue, RuleInfo, SourceLocation, StepFactoryContext } from "@cleanse/core";
import { maskValue } from "@cleanse/values";
import { expressionOption } from "../_internal/catalog/records.ts";
import type { CompiledExpr } from "../_internal/expression/compile.ts";
import { truth } from "../_internal/expression/values.ts";
import { fieldPathOf, fieldReader, pathSegments } from "../_internal/fieldPath.ts";
import { FIELD_TEMPLATES, isBlankPresent, TEMPLATE_TESTS, type FieldStep } from "../_internal/fieldTemplates.ts";
import { assertRecord, isRecord, notARecordMessage } from "../_internal/notARecord.ts";
import { show } from "../_internal/values.ts";
import { getRule } from "../ruleCatalog/ruleCatalog.ts";
import type { CompiledRule, RuleDefinition, RuleFinding } from "../defineRule/defineRule.ts";
import type { StandardResult } from "../fromStandardSchema/fromStandardSchema.ts";
import type { RuleFile } from "../ruleFileSchema/ruleFileSchema.ts";
import { toRuleSet, type RuleSet, type RuleUse } from "../toRuleSet/toRuleSet.ts";

/** Options of {@link compileRules}. */
export interface CompileRulesOptions {
  /** Opens reference sources named in the rule set (the CLI passes its own). */
  readonly openSource?: StepFactoryContext["openSource"];
  /** Custom rules, when compiling a plain rule-file object. */
  readonly rules?: readonly RuleDefinition[];
  /** Base folder, when compiling a plain rule-file object. */
  readonly baseDir?: string;
}

/**
 * Checks records one after another and remembers them, so that cross-record rules (`unique`, `increasing`,
 * `decreasing`, dataset rules) judge each record against the ones before it. Made by
 * {@link RuleChecker.createChecker}; each checker has state of its own.
 */
export interface StatefulChecker {
  /**
   * Checks the next record against the records seen before (record numbers in messages count from 1 at the
   * first call, or since `reset()`).
   * @throws DataError (`CLEANSE_NOT_A_RECORD`) when `record` is not an object
   */
  check(record: DataRecord, location?: SourceLocation): Issue[];
  /** Dataset-level findings over the records seen so far: first occurrences of duplicates, dataset rules. */
  finish(): Issue[];
  /** Forgets every record seen, as if the checker were new. */
  reset(): void;
}

/** The Standard Schema v1 properties of a compiled rule set. Validation is synchronous. */
export interface RuleSetStandardProps {
  readonly version: 1;
  readonly vendor: "cleanse";
  /**
   * Validates one record alone, as `check()` does: it fails on error-severity findings only (warnings and info
   * findings are left out of the result), each issue with its field as `path` segments. A value that is not an
   * object fails with one issue and no path.
   */
  readonly validate: (value: unknown) => StandardResult<DataRecord>;
  /** Types only, for inference: a rule set takes a record and returns it as is. */
  readonly types?: { readonly input: DataRecord; readonly output: DataRecord } | undefined;
}

/**
 * A compiled rule set. `check()` judges one record alone; `createChecker()` makes a checker that remembers the
 * records it has seen; `checkInto()`/`finish()` are the stream API of one run, which `createRulesStep` uses.
 * The set is also a Standard Schema v1 validator (`"~standard"`), for libraries that accept zod or valibot schemas.
 */
export interface RuleChecker {
  /** Every rule with its field, severity and dimension, so reports list rules that found nothing. */
  readonly rules: readonly RuleInfo[];
  /**
   * The rules `check()` leaves out because they judge a record against other records: `unique`, `increasing`,
   * `decreasing`, dataset rules, and custom rules compiled with `stateful: true`. `createChecker()` and the
   * pipeline step run them.
   */
  readonly crossRecordRules: readonly RuleInfo[];
  /** Fields whose values are masked in reports. */
  readonly piiFields: readonly string[];
  /** True when `prepare()` has work to do (reference key sets to load). */
  readonly needsPrepare: boolean;
  /** Loads what rules need before the first record (reference keys); shared by `check()` and every checker. */
  prepare(): Promise<void>;
  /**
   * Checks the next record of this set's run, appending its issues to `issues`: cross-record rules remember it,
   * and `finish()` reports on the whole run. For pipelines; `createRulesStep` uses it.
   * @returns the number of issues added
   */
  checkInto(record: DataRecord, issues: Issue[], seq: number, location?: SourceLocation): number;
  /**
   * Checks one record alone and returns its issues. Nothing is remembered between calls: cross-record rules
   * (listed in `crossRecordRules`) are not evaluated, so the same record always gets the same issues.
   * @throws DataError (`CLEANSE_NOT_A_RECORD`) when `record` is not an object (null, an array, a string, ...)
   */
  check(record: DataRecord): Issue[];
  /** A new checker that remembers the records it checks, for uniqueness and order across calls. */
  createChecker(): StatefulChecker;
  /** Dataset-level findings of the `checkInto()` run, once every record has been checked. */
  finish(): Issue[];
  /** Facts about the run for the report (e.g. reference key counts and memory). */
  stats(): Record<string, unknown>;
  /** Standard Schema v1 (https://standardschema.dev): validates one record alone, failing on errors only. */
  readonly "~standard": RuleSetStandardProps;
}

type RecordFn = (record: DataRecord, out: Issue[], seq: number, location: SourceLocation | undefined) => void;

interface Slot {
  readonly use: RuleUse;
  readonly compiled: CompiledRule;
  readonly field: string | undefined;
  readonly when: CompiledExpr | undefined;
}

/** The record checker and end-of-run findings built from some of the slots. */
interface Run {
  checkInto(record: DataRecord, issues: Issue[], seq: number, location: SourceLocation | undefined): void;
  finish(): Issue[];
}

const firstSentence = (text: string): string => {
  const i = text.search(/\.(\s|$)/);
  return i < 0 ? text : text.slice(0, i + 1);
};

/** Fills `{field}`, `{value}` and `{rule}` in a custom message. */
function template(message: string, field: string | undefined, value: unknown, rule: string): string {
  return message.replace(/\{(field|value|rule)\}/g, (_m, key: string) => (key === "field" ? (field ?? "") : key === "rule" ? rule : show(value)));
}

/** A rule that judges a record against other records: its state must not leak into `check()`. */
function isCrossRecord(slot: Slot): boolean {
  return slot.compiled.kind === "dataset" || slot.compiled.stateful === true;
}

/**
 * Compiles a rule set into a checker: one closure per field reads the value once and runs that field's
 * tests in order; nothing is interpreted per record. Each call starts fresh state (uniqueness, order, aggregates).
 * A field name with dots reads the record's own property of that exact name when it has one (a flat CSV header
 * such as "address.city"), else the path through nested plain objects (`record.address.city`).
 * @param input - a rule set from `loadRules`/`parseRules`/`toRuleSet`, or a plain rule-file object
 * @param options - how to open reference sources; custom rules and base folder for plain objects
 * @returns the checker
 * @example
 * const checker = compileRules(toRuleSet({ fields: { age: [{ range: { min: 0, max: 150 } }] } }));
 * checker.check({ age: "200" })[0]?.message //=> '"200" is not between 0 and 150'
 */
export function compileRules(input: RuleSet | RuleFile, options: CompileRulesOptions = {}): RuleChecker {
  const ruleSet = toRuleSet(input, { ...(options.baseDir ? { baseDir: options.baseDir } : {}), ...(options.rules ? { rules: options.rules } : {}) });
  const pii = new Set(ruleSet.piiFields);
  const piiReaders = [...pii].map((f) => [f, fieldReader(f)] as const);
  const target = { baseDir: ruleSet.baseDir, ...(options.openSource ? { openSource: options.openSource } : {}) };
  const compileSlot = (use: RuleUse): Slot => {
    const compiled = use.rule.compile(use.options, { ...target, id: use.id, ...(use.field === undefined ? {} : { field: use.field }), ...(use.location ? { location: use.location } : {}) });
    const optionField = (use.options as { field?: unknown } | undefined)?.field;
    const field = use.field ?? (typeof optionField === "string" ? optionField : undefined);
    return { use, compiled, field, when: use.when === undefined ? undefined : expressionOption(use.when, "when").evaluate };
  };
  const slots: Slot[] = ruleSet.rules.map(compileSlot);

  /** Masks the values of pii fields (the value at fault and the record's other pii fields) inside a message. */
  const maskIn = (message: string, record: DataRecord | undefined, value: unknown, field: string | undefined): string => {
    const hidden: unknown[] = [];
    if (field !== undefined && pii.has(field)) hidden.push(value);
    if (record) for (const [f, read] of piiReaders) if (f !== field) hidden.push(read(record));
    let m = message;
    for (const v of hidden) {
      if (v === undefined || v === null || v === "") continue;
      const masked = maskValue(v);
      m = m.split(show(v)).join(JSON.stringify(masked)).split(String(v)).join(masked);
    }
    return m;
  };
  const masking = pii.size > 0;

  const toIssue = (slot: Slot, finding: RuleFinding, record: DataRecord | undefined, location: SourceLocation | undefined): Issue => {
    const field = finding.field ?? slot.field;
    const base = slot.use.message !== undefined ? template(slot.use.message, field, finding.value, slot.use.id) : (finding.message ?? `failed rule ${slot.use.id}`);
    const message = masking ? maskIn(base, record, finding.value, field) : base;
    return {
      code: finding.code ?? slot.use.rule.code,
      rule: slot.use.id,
      ...(field === undefined ? {} : { field }),
      severity: slot.use.severity,
      dimension: slot.use.dimension,
      message,
      ...(finding.value === undefined ? {} : { value: finding.value }),
      ...(location === undefined ? {} : { location }),
    };
  };

  /** The failure path of a value rule: a fixed-shape issue, its message built only now. */
  const valueIssue = (slot: Slot): ValueIssue => {
    const { id: rule, severity, dimension, message: custom } = slot.use;
    const code = slot.use.rule.code;
    const field = slot.field!;
    const describe = (slot.compiled as Extract<CompiledRule, { kind: "value" }>).message;
    return (value, record, location) => {
      let message = custom === undefined ? describe(value) : template(custom, field, value, rule);
      if (masking) message = maskIn(message, record, value, field);
      return location === undefined
        ? { code, rule, field, severity, dimension, message, value }
        : { code, rule, field, severity, dimension, message, value, location };
    };
  };

  /** Builds the checker of some slots: the field checkers chained, then the record rules, then the dataset folds. */
  const buildRun = (runSlots: readonly Slot[]): Run => {
    // Value rules, grouped by field in file order.
    const byField = new Map<string, Slot[]>();
    const recordSlots: Slot[] = [];
    const datasetSlots: Slot[] = [];
    for (const slot of runSlots) {
      if (slot.compiled.kind === "value") {
        const list = byField.get(slot.field!) ?? [];
        list.push(slot);
        byField.set(slot.field!, list);
      } else if (slot.compiled.kind === "record") recordSlots.push(slot);
      else datasetSlots.push(slot);
    }

    // One checker per field, chained: each calls the next, so every call site sees a single target.
    let head: FieldStep | undefined;
    const entries = [...byField.entries()];
    for (let i = entries.length - 1; i >= 0; i--) {
      const [field, list] = entries[i]!;
      head = makeFieldStep(field, list, valueIssue, i, head);
    }
    const recordFns = recordSlots.map((slot): RecordFn => {
      const compiled = slot.compiled as Extract<CompiledRule, { kind: "record" }>;
      const when = slot.when;
      return (record, out, seq, location) => {
        if (when !== undefined && truth(when(record)) !== true) return;
        const found = compiled.check(record, seq);
        if (found === undefined) return;
        if (Array.isArray(found)) for (const f of found as readonly RuleFinding[]) out.push(toIssue(slot, f, record, location));
        else out.push(toIssue(slot, found as RuleFinding, record, location));
      };
    });
    const datasetFns = datasetSlots.map((slot) => {
      const compiled = slot.compiled as Extract<CompiledRule, { kind: "dataset" }>;
      const when = slot.when;
      return when === undefined ? (r: DataRecord, seq: number) => compiled.add(r, seq) : (r: DataRecord, seq: number) => truth(when(r)) === true && compiled.add(r, seq);
    });
    return {
      checkInto(record, issues, seq, location) {
        if (head !== undefined) head(record, issues, seq, location);
        for (let i = 0; i < recordFns.length; i++) recordFns[i]!(record, issues, seq, location);
        for (let i = 0; i < datasetFns.length; i++) datasetFns[i]!(record, seq);
      },
      finish() {
        const issues: Issue[] = [];
        for (const slot of runSlots) {
          const c = slot.compiled;
          const found = c.kind === "dataset" ? c.finish() : c.finish?.();
          if (found) for (const f of found) issues.push(toIssue(slot, f, undefined, undefined));
        }
        return issues;
      },
    };
  };

  const run = buildRun(slots);
  // The checker of `check()`: only the rules that judge a record alone, built on first use.
  let single: Run | undefined;
  const checkAlone = (record: DataRecord): Issue[] => {
    single ??= buildRun(slots.filter((s) => !isCrossRecord(s)));
    const issues: Issue[] = [];
    single.checkInto(record, issues, 0, undefined);
    return issues;
  };
  const preparers = slots
    .map((s) => s.compiled)
    .filter((c): c is Extract<CompiledRule, { kind: "record" }> => c.kind === "record" && c.prepare !== undefined);
  const infoOf = (s: Slot): RuleInfo => ({
    rule: s.use.id,
    ...(s.field === undefined ? {} : { field: s.field }),
    severity: s.use.severity,
    dimension: s.use.dimension,
    description: s.use.description ?? firstSentence(s.use.rule.description),
  });

  return {
    rules: slots.map(infoOf),
    crossRecordRules: slots.filter(isCrossRecord).map(infoOf),
    piiFields: [...pii],
    needsPrepare: preparers.length > 0,
    async prepare() {
      for (const p of preparers) await p.prepare!();
    },
    checkInto(record, issues, seq, location) {
      const before = issues.length;
      run.checkInto(record, issues, seq, location);
      return issues.length - before;
    },
    check(record) {
      assertRecord(record, "check()");
      return checkAlone(record);
    },
    createChecker() {
      // Cross-record rules are compiled afresh, with state of their own; the others (and loaded reference keys) are shared.
      const fresh = () => buildRun(slots.map((s) => (isCrossRecord(s) ? compileSlot(s.use) : s)));
      let current = fresh();
      let seq = 0;
      return {
        check(record, location) {
          assertRecord(record, "check()");
          const issues: Issue[] = [];
          current.checkInto(record, issues, seq++, location);
          return issues;
        },
        finish: () => current.finish(),
        reset() {
          current = fresh();
          seq = 0;
        },
      };
    },
    finish: () => run.finish(),
    stats() {
      const references = slots
        .filter((s) => "stats" in s.compiled)
        .map((s) => ({ rule: s.use.id, ...(s.field ? { field: s.field } : {}), ...(s.compiled as unknown as { stats(): object }).stats() }));
      return references.length > 0 ? { references } : {};
    },
    "~standard": {
      version: 1,
      vendor: "cleanse",
      validate(value) {
        if (!isRecord(value)) return { issues: [{ message: notARecordMessage(value) }] };
        const errors = checkAlone(value).filter((i) => i.severity === "error");
        if (errors.length === 0) return { value };
        return { issues: errors.map((i) => (i.field === undefined ? { message: i.message } : { message: i.message, path: fieldPathOf(value, i.field) })) };
      },
    },
  };
}

type ValueIssue = (value: unknown, record: DataRecord, location: SourceLocation | undefined) => Issue;

/** `required` is checked inline: it only ever fails on missing values, blank text and empty lists. */
function isRequiredSlot(slot: Slot): boolean {
  return slot.use.rule === REQUIRED && slot.when === undefined;
}

const REQUIRED = getRule("required");

/**
 * The checker of one field. Plain fields (a name without dots, up to 4 tests, no `when`, no rule that looks at
 * missing values) get a copy of the field template of their own; others, nested paths among them, get the
 * general closure. Both read the value once, run
 * `required` inline and the tests in file order, then call the next field's checker.
 */
function makeFieldStep(field: string, all: readonly Slot[], valueIssue: (slot: Slot) => ValueIssue, index: number, next: FieldStep | undefined): FieldStep {
  const requiredSlot = all.find(isRequiredSlot);
  const slots = all.filter((s) => s !== requiredSlot);
  const tests = slots.map((s) => (s.compiled as Extract<CompiledRule, { kind: "value" }>).test);
  const failures = slots.map(valueIssue);
  const required = requiredSlot ? valueIssue(requiredSlot) : undefined;
  const whens = slots.map((s) => s.when);
  const missingIdx = slots.flatMap((s, i) => ((s.compiled as { missing?: boolean }).missing ? [i] : []));
  if (pathSegments(field) === undefined && slots.length <= TEMPLATE_TESTS && missingIdx.length === 0 && whens.every((w) => w === undefined)) {
    return FIELD_TEMPLATES[index % FIELD_TEMPLATES.length]!(field, required, tests, failures, next);
  }
  const n = slots.length;
  const read = fieldReader(field);
  return (record, out, seq, location) => {
    const v = read(record);
    if (v === undefined || v === null || v === "") {
      if (required !== undefined) out.push(required(v, record, location));
      for (let k = 0; k < missingIdx.length; k++) {
        const i = missingIdx[k]!;
        const w = whens[i];
        if (w !== undefined && truth(w(record)) !== true) continue;
        if (!tests[i]!(v, seq, record)) out.push(failures[i]!(v, record, location));
      }
    } else {
      if (required !== undefined && isBlankPresent(v)) out.push(required(v, record, location));
      for (let i = 0; i < n; i++) {
        const w = whens[i];
        if (w !== undefined && truth(w(record)) !== true) continue;
        if (!tests[i]!(v, seq, record)) out.push(failures[i]!(v, record, location));
      }
    }
    if (next !== undefined) next(record, out, seq, location);
  };
}
