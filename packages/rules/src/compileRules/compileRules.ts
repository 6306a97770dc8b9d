import { getField, isInheritedName, type DataRecord, type Issue, type RuleInfo, type SourceLocation, type StepFactoryContext } from "@cleanse/core";
import { maskValue } from "@cleanse/values";
import { expressionOption } from "../_internal/catalog/records.ts";
import type { CompiledExpr } from "../_internal/expression/compile.ts";
import { truth } from "../_internal/expression/values.ts";
import { FIELD_TEMPLATES, isBlankPresent, TEMPLATE_TESTS, type FieldStep } from "../_internal/fieldTemplates.ts";
import { show } from "../_internal/values.ts";
import { getRule } from "../ruleCatalog/ruleCatalog.ts";
import type { CompiledRule, RuleDefinition, RuleFinding } from "../defineRule/defineRule.ts";
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

/** A compiled rule set: a specialized checker with the state of the stateful rules of one run. */
export interface RuleChecker {
  /** Every rule with its field, severity and dimension, so reports list rules that found nothing. */
  readonly rules: readonly RuleInfo[];
  /** Fields whose values are masked in reports. */
  readonly piiFields: readonly string[];
  /** True when `prepare()` has work to do (reference key sets to load). */
  readonly needsPrepare: boolean;
  /** Loads what rules need before the first record (reference keys). */
  prepare(): Promise<void>;
  /**
   * Checks one record, appending its issues to `issues`.
   * @returns the number of issues added
   */
  checkInto(record: DataRecord, issues: Issue[], seq: number, location?: SourceLocation): number;
  /** Checks the next record and returns its issues (record numbers count from the first call). */
  check(record: DataRecord): Issue[];
  /** Dataset-level findings, once every record has been checked. */
  finish(): Issue[];
  /** Facts about the run for the report (e.g. reference key counts and memory). */
  stats(): Record<string, unknown>;
}

type RecordFn = (record: DataRecord, out: Issue[], seq: number, location: SourceLocation | undefined) => void;

interface Slot {
  readonly use: RuleUse;
  readonly compiled: CompiledRule;
  readonly field: string | undefined;
  readonly when: CompiledExpr | undefined;
}

const firstSentence = (text: string): string => {
  const i = text.search(/\.(\s|$)/);
  return i < 0 ? text : text.slice(0, i + 1);
};

/** Fills `{field}`, `{value}` and `{rule}` in a custom message. */
function template(message: string, field: string | undefined, value: unknown, rule: string): string {
  return message.replace(/\{(field|value|rule)\}/g, (_m, key: string) => (key === "field" ? (field ?? "") : key === "rule" ? rule : show(value)));
}

/**
 * Compiles a rule set into a checker: one closure per field reads the value once and runs that field's
 * tests in order; nothing is interpreted per record. Each call starts fresh state (uniqueness, order, aggregates).
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
  const target = { baseDir: ruleSet.baseDir, ...(options.openSource ? { openSource: options.openSource } : {}) };
  const slots: Slot[] = ruleSet.rules.map((use) => {
    const compiled = use.rule.compile(use.options, { ...target, id: use.id, ...(use.field === undefined ? {} : { field: use.field }), ...(use.location ? { location: use.location } : {}) });
    const optionField = (use.options as { field?: unknown } | undefined)?.field;
    const field = use.field ?? (typeof optionField === "string" ? optionField : undefined);
    return { use, compiled, field, when: use.when === undefined ? undefined : expressionOption(use.when, "when").evaluate };
  });

  /** Masks the values of pii fields (the value at fault and the record's other pii fields) inside a message. */
  const maskIn = (message: string, record: DataRecord | undefined, value: unknown, field: string | undefined): string => {
    const hidden: unknown[] = [];
    if (field !== undefined && pii.has(field)) hidden.push(value);
    if (record) for (const f of pii) if (f !== field) hidden.push(getField(record, f));
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

  // Value rules, grouped by field in file order.
  const byField = new Map<string, Slot[]>();
  const recordSlots: Slot[] = [];
  const datasetSlots: Slot[] = [];
  for (const slot of slots) {
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
  const preparers = recordSlots.map((s) => s.compiled as Extract<CompiledRule, { kind: "record" }>).filter((c) => c.prepare !== undefined);

  let nextSeq = 0;
  const checkInto = (record: DataRecord, issues: Issue[], seq: number, location?: SourceLocation): number => {
    const before = issues.length;
    if (head !== undefined) head(record, issues, seq, location);
    for (let i = 0; i < recordFns.length; i++) recordFns[i]!(record, issues, seq, location);
    for (let i = 0; i < datasetFns.length; i++) datasetFns[i]!(record, seq);
    if (seq >= nextSeq) nextSeq = seq + 1;
    return issues.length - before;
  };

  return {
    rules: slots.map((s) => ({
      rule: s.use.id,
      ...(s.field === undefined ? {} : { field: s.field }),
      severity: s.use.severity,
      dimension: s.use.dimension,
      description: s.use.description ?? firstSentence(s.use.rule.description),
    })),
    piiFields: [...pii],
    needsPrepare: preparers.length > 0,
    async prepare() {
      for (const p of preparers) await p.prepare!();
    },
    checkInto,
    check(record) {
      const issues: Issue[] = [];
      checkInto(record, issues, nextSeq);
      return issues;
    },
    finish() {
      const issues: Issue[] = [];
      for (const slot of slots) {
        const c = slot.compiled;
        const found = c.kind === "dataset" ? c.finish() : c.finish?.();
        if (found) for (const f of found) issues.push(toIssue(slot, f, undefined, undefined));
      }
      return issues;
    },
    stats() {
      const references = slots
        .filter((s) => "stats" in s.compiled)
        .map((s) => ({ rule: s.use.id, ...(s.field ? { field: s.field } : {}), ...(s.compiled as unknown as { stats(): object }).stats() }));
      return references.length > 0 ? { references } : {};
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
 * The checker of one field. Plain fields (up to 4 tests, no `when`, no rule that looks at missing values) get a
 * copy of the field template of their own; others get the general closure. Both read the value once, run
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
  if (slots.length <= TEMPLATE_TESTS && missingIdx.length === 0 && whens.every((w) => w === undefined)) {
    return FIELD_TEMPLATES[index % FIELD_TEMPLATES.length]!(field, required, tests, failures, next);
  }
  const n = slots.length;
  const inherited = isInheritedName(field);
  return (record, out, seq, location) => {
    const v = inherited && !Object.hasOwn(record, field) ? undefined : record[field];
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
