import { suggest, type ConfigDocument, type ConfigPath, type ConfigProblem, ConfigValidationError, validateConfig } from "@cleanse/config";
import type { Dimension, Severity, SourceLocation } from "@cleanse/core";
import { z } from "zod";
import { isRuleDefinition, RuleOptionError, type RuleDefinition, type RuleScope } from "../defineRule/defineRule.ts";
import { commonShape, optionsWithCommon, SEVERITIES } from "../ruleFileSchema/ruleFileSchema.ts";
import type { ReferenceSource, RuleSet, RuleUse } from "../toRuleSet/toRuleSet.ts";
import { BUILTIN_RULES } from "./catalog/index.ts";
import { resolveSourceSpec } from "./catalog/references.ts";
import { expressionOption } from "./catalog/records.ts";
import { isPlainObject } from "./values.ts";

/** What normalization needs besides the value. */
export interface NormalizeContext {
  readonly doc: ConfigDocument;
  /** The file's text, to map expression columns to file columns. */
  readonly text?: string;
  /** Path of the rule file object inside the document (non-empty when inlined in a job file). */
  readonly at: ConfigPath;
  readonly baseDir: string;
  readonly rules: ReadonlyMap<string, RuleDefinition>;
}

const COMMON_KEYS = new Set(Object.keys(commonShape));

const topSchema = z.strictObject({
  $schema: z.string().optional(),
  description: z.string().optional(),
  severity: z.enum(SEVERITIES).optional(),
  fields: z.record(z.string(), z.unknown()).optional(),
  records: z.array(z.unknown()).optional(),
  checks: z.array(z.unknown()).optional(),
  references: z.array(z.unknown()).optional(),
  dataset: z.array(z.unknown()).optional(),
});

const fieldSpecSchema = z.strictObject({
  rules: z.array(z.unknown()),
  pii: z.boolean().optional(),
  severity: z.enum(SEVERITIES).optional(),
  dimension: z.string().min(1).optional(),
  description: z.string().optional(),
});

const checkSchema = z.strictObject({
  name: z.string().min(1),
  assert: z.string().min(1),
  when: z.string().min(1).optional(),
  severity: z.enum(SEVERITIES).optional(),
  dimension: z.string().min(1).optional(),
  message: z.string().min(1).optional(),
  description: z.string().optional(),
});

const commonSchema = z.strictObject(commonShape);

/** Merges built-in and custom rules; a custom rule may not reuse a built-in name. */
export function ruleRegistry(custom: readonly RuleDefinition[] = []): ReadonlyMap<string, RuleDefinition> {
  if (custom.length === 0) return BUILTIN_RULES;
  const map = new Map(BUILTIN_RULES);
  for (const rule of custom) {
    if (!isRuleDefinition(rule)) throw new TypeError("rules: expected rule definitions made with defineRule() or fromStandardSchema()");
    if (BUILTIN_RULES.has(rule.name)) throw new TypeError(`Custom rule "${rule.name}" has the name of a built-in rule; choose another name.`);
    map.set(rule.name, rule);
  }
  return map;
}

/** Validates a rule-file value and turns it into a rule set, collecting every problem with its location. */
export function normalizeRuleFile(ctx: NormalizeContext): RuleSet {
  const { doc, at } = ctx;
  const top = validateConfig(doc, topSchema, { at });
  const problems: ConfigProblem[] = [];
  const uses: RuleUse[] = [];
  const pii = new Set<string>();
  const fieldNames = new Set<string>();
  const sources: ReferenceSource[] = [];
  const fileSeverity: Severity | undefined = top.severity;

  const attempt = (fn: () => void) => {
    try {
      fn();
    } catch (error) {
      if (error instanceof ConfigValidationError) problems.push(...error.problems);
      else throw error;
    }
  };
  const fail = (path: ConfigPath, message: string, key = false): never => {
    throw new ConfigValidationError(doc.file, [{ path, location: doc.locate(path, { key }), message }]);
  };

  // zod leaves a `__proto__` key out of the records it parses, but a field may be called so: the field names and
  // their rules come from the value as written (its own keys, in order), which the schema has just checked.
  const written = at.reduce<unknown>((v, seg) => (v as Record<string | number, unknown>)[seg], doc.value) as { readonly fields?: Record<string, unknown> };
  const rawFields = top.fields === undefined ? {} : (written.fields ?? top.fields);
  for (const [field, raw] of Object.entries(rawFields)) {
    fieldNames.add(field);
    const fieldPath = [...at, "fields", field];
    attempt(() => {
      let entries: readonly unknown[];
      let entriesPath: ConfigPath;
      let defaults: { severity?: Severity; dimension?: Dimension } = {};
      if (Array.isArray(raw)) {
        entries = raw;
        entriesPath = fieldPath;
      } else if (isPlainObject(raw) && Object.keys(raw).some((k) => k === "rules" || k === "pii" || k === "description")) {
        const spec = validateConfig(doc, fieldSpecSchema, { at: fieldPath });
        if (spec.pii) pii.add(field);
        entries = spec.rules;
        entriesPath = [...fieldPath, "rules"];
        defaults = { ...(spec.severity ? { severity: spec.severity } : {}), ...(spec.dimension ? { dimension: spec.dimension } : {}) };
      } else {
        entries = [raw];
        entriesPath = [];
      }
      entries.forEach((entry, i) => {
        const path = entriesPath.length === 0 ? fieldPath : [...entriesPath, i];
        attempt(() => uses.push(normalizeEntry(ctx, entry, path, "field", { field, severity: defaults.severity ?? fileSeverity, dimension: defaults.dimension })));
      });
    });
  }

  (top.records ?? []).forEach((entry, i) => {
    attempt(() => uses.push(normalizeEntry(ctx, entry, [...at, "records", i], "record", { severity: fileSeverity })));
  });

  (top.checks ?? []).forEach((_entry, i) => {
    const path = [...at, "checks", i];
    attempt(() => {
      const c = validateConfig(doc, checkSchema, { at: path });
      const rule = ctx.rules.get("check")!;
      const options = { assert: c.assert, ...(c.when ? { when: c.when } : {}) };
      compileForErrors(ctx, rule, options, { id: c.name }, (p) => [...path, ...p]);
      uses.push({
        id: c.name,
        rule,
        options,
        severity: c.severity ?? fileSeverity ?? rule.severity,
        dimension: c.dimension ?? rule.dimension,
        ...(c.message ? { message: c.message } : {}),
        ...(c.description ? { description: c.description } : { description: c.assert }),
        location: doc.locate(path),
      });
    });
  });

  (top.references ?? []).forEach((entry, i) => {
    const path = [...at, "references", i];
    attempt(() => {
      if (!isPlainObject(entry)) fail(path, "expected a mapping with field and in: { source, field }");
      const e = entry as Record<string, unknown>;
      const rule = ctx.rules.get("reference")!;
      const { name, severity, dimension, message, when, ...options } = e;
      const commonValue = Object.fromEntries(Object.entries({ severity, dimension, message, when, id: name }).filter(([, v]) => v !== undefined));
      const common = validateConfig(subDoc(doc, commonValue, (p) => [...path, p[0] === "id" ? "name" : String(p[0]), ...p.slice(1)]), commonSchema);
      const schema = rule.options!;
      const parsed = validateConfig(subDoc(doc, options, (p) => [...path, ...p]), schema);
      compileForErrors(ctx, rule, parsed, { id: common.id ?? "reference" }, (p) => [...path, ...p]);
      if (common.when !== undefined) whenFor(ctx, common.when, [...path, "when"]);
      uses.push({
        id: common.id ?? "reference",
        rule,
        options: parsed,
        ...(typeof (parsed as { field?: unknown }).field === "string" ? { field: (parsed as { field: string }).field } : {}),
        severity: common.severity ?? fileSeverity ?? rule.severity,
        dimension: common.dimension ?? rule.dimension,
        ...(common.message ? { message: common.message } : {}),
        ...(common.when ? { when: common.when } : {}),
        location: doc.locate(path),
      });
    });
  });

  (top.dataset ?? []).forEach((entry, i) => {
    attempt(() => uses.push(normalizeEntry(ctx, entry, [...at, "dataset", i], "dataset", { severity: fileSeverity })));
  });

  // Other datasets that reference rules read, wherever they were written, for the caller to open.
  for (const use of uses) {
    if (use.rule !== BUILTIN_RULES.get("reference")) continue;
    const spec = (use.options as { in: { source?: string | { readonly path: string; readonly [option: string]: unknown } } }).in.source;
    if (spec !== undefined) sources.push({ spec: resolveSourceSpec(spec, ctx.baseDir), ...(use.location ? { location: use.location } : {}) });
  }

  if (problems.length > 0) {
    problems.sort((a, b) => (a.location.line ?? 0) - (b.location.line ?? 0) || (a.location.column ?? 0) - (b.location.column ?? 0));
    throw new ConfigValidationError(doc.file, problems);
  }
  return {
    "~cleanse": "rule-set",
    ...(doc.file ? { file: doc.file } : {}),
    baseDir: ctx.baseDir,
    ...(top.description ? { description: top.description } : {}),
    fields: [...fieldNames],
    piiFields: [...pii],
    rules: uses,
    sources,
  };
}

/** A document view of a derived value whose paths map back into the real document. */
function subDoc(doc: ConfigDocument, value: unknown, map: (path: ConfigPath) => ConfigPath): ConfigDocument {
  return { file: doc.file, value, locate: (path, options) => doc.locate(map(path), options) };
}

interface EntryDefaults {
  readonly field?: string;
  readonly severity?: Severity | undefined;
  readonly dimension?: Dimension | undefined;
}

function scopeAllows(rule: RuleDefinition, scope: RuleScope): boolean {
  if (rule.scopes.includes(scope)) return true;
  return scope === "field" && rule.scopes.includes("dataset") && rule.options instanceof z.ZodObject && "field" in rule.options.shape;
}

const SECTION: Readonly<Record<RuleScope, string>> = { field: "fields:", record: "records:", dataset: "dataset:" };

function normalizeEntry(ctx: NormalizeContext, entry: unknown, path: ConfigPath, scope: RuleScope, defaults: EntryDefaults): RuleUse {
  const { doc } = ctx;
  const fail = (p: ConfigPath, message: string, key = false): never => {
    throw new ConfigValidationError(doc.file, [{ path: p, location: doc.locate(p, { key }), message }]);
  };
  let rule: RuleDefinition | undefined;
  let name: string;
  let raw: unknown;
  let common: Record<string, unknown> = {};
  let rulePath: ConfigPath = path;
  let nameIsKey = false;
  if (isRuleDefinition(entry)) {
    rule = entry;
    name = entry.name;
  } else if (typeof entry === "string") {
    name = entry;
  } else if (isPlainObject(entry)) {
    const keys = Object.keys(entry);
    const ruleKeys = keys.filter((k) => !COMMON_KEYS.has(k));
    if (ruleKeys.length === 0) fail(path, `a rule entry needs a rule name, e.g. { email: { severity: warning } }; found only ${keys.join(", ") || "an empty mapping"}`);
    if (ruleKeys.length > 1) {
      const unknown = ruleKeys.find((k) => !ctx.rules.has(k));
      if (unknown !== undefined) {
        const guess = suggest(unknown, [...ctx.rules.keys(), ...COMMON_KEYS]);
        fail([...path, unknown], `unknown rule or key "${unknown}"${guess ? ` (did you mean "${guess}"?)` : ""}`, true);
      }
      fail(path, `one rule per list item: found ${ruleKeys.join(" and ")}; write them as separate items`);
    }
    name = ruleKeys[0]!;
    const value = entry[name];
    rule = isRuleDefinition(value) ? value : undefined;
    raw = rule ? undefined : value;
    common = Object.fromEntries(keys.filter((k) => COMMON_KEYS.has(k)).map((k) => [k, entry[k]]));
    rulePath = [...path, name];
    nameIsKey = true;
  } else {
    return fail(path, `expected a rule name or a mapping like { range: { min: 0 } }, received ${describe(entry)}`);
  }
  if (!rule) {
    rule = ctx.rules.get(name);
    if (!rule) {
      const guess = suggest(name, [...ctx.rules.keys()].filter((n) => scopeAllows(ctx.rules.get(n)!, scope)));
      return fail(nameIsKey ? rulePath : path, `unknown rule "${name}"${guess ? ` (did you mean "${guess}"?)` : ""}`, nameIsKey);
    }
  }
  if (!scopeAllows(rule, scope)) {
    const where = rule.scopes.map((s) => SECTION[s]).join(" or ");
    fail(nameIsKey ? rulePath : path, `rule "${rule.name}" cannot be used in ${SECTION[scope]}; write it under ${where}`, nameIsKey);
  }

  // Options: a mapping, a shorthand value, or nothing.
  let optionsValue: unknown;
  let mapPath: (p: ConfigPath) => ConfigPath;
  if (raw === undefined || raw === null || raw === true) {
    optionsValue = {};
    mapPath = () => rulePath;
  } else if (isPlainObject(raw)) {
    optionsValue = raw;
    mapPath = (p) => [...rulePath, ...p];
  } else if (rule.shorthand) {
    optionsValue = { [rule.shorthand]: raw };
    const key = rule.shorthand;
    mapPath = (p) => (p[0] === key ? [...rulePath, ...p.slice(1)] : rulePath);
  } else {
    return fail(rulePath, `rule "${rule.name}" takes a mapping of options${optionKeysHint(rule)}, received ${describe(raw)}`);
  }
  const schema = optionsWithCommon(rule);
  let parsed = validateConfig(subDoc(doc, optionsValue, mapPath), schema) as Record<string, unknown>;
  // Common keys may sit beside the rule or inside its options.
  const ownKeys = rule.options instanceof z.ZodObject ? new Set(Object.keys(rule.options.shape)) : new Set<string>();
  const inner = Object.fromEntries(Object.entries(parsed).filter(([k]) => COMMON_KEYS.has(k) && !ownKeys.has(k)));
  parsed = Object.fromEntries(Object.entries(parsed).filter(([k]) => !COMMON_KEYS.has(k) || ownKeys.has(k)));
  const siblings = validateConfig(subDoc(doc, common, (p) => [...path, ...p]), commonSchema);
  const merged = { ...inner, ...siblings } as z.infer<typeof commonSchema>;
  const field = defaults.field;
  const id = merged.id ?? rule.name;
  const target = { id, ...(field === undefined ? {} : { field }) };
  compileForErrors(ctx, rule, parsed, target, mapPath);
  if (merged.when !== undefined) whenFor(ctx, merged.when, siblings.when !== undefined ? [...path, "when"] : mapPath(["when"]));
  return {
    id,
    rule,
    options: parsed,
    ...(field === undefined ? {} : { field }),
    severity: merged.severity ?? defaults.severity ?? rule.severity,
    dimension: merged.dimension ?? defaults.dimension ?? rule.dimension,
    ...(merged.message ? { message: merged.message } : {}),
    ...(merged.when ? { when: merged.when } : {}),
    location: doc.locate(path),
  };
}

function optionKeysHint(rule: RuleDefinition): string {
  if (!(rule.options instanceof z.ZodObject)) return "";
  const keys = Object.keys(rule.options.shape);
  return keys.length > 0 ? ` (${keys.join(", ")})` : "";
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  if (typeof value === "string") return `"${value}"`;
  return `${typeof value} ${String(value)}`;
}

/** Compiles a rule once to surface bad patterns, expressions and inconsistent bounds at load time. */
function compileForErrors(ctx: NormalizeContext, rule: RuleDefinition, options: unknown, target: { id: string; field?: string }, mapPath: (p: ConfigPath) => ConfigPath): void {
  try {
    rule.compile(options, { ...target, baseDir: ctx.baseDir });
  } catch (error) {
    if (!(error instanceof RuleOptionError)) throw error;
    const path = mapPath(error.path);
    const location = error.offset === undefined ? ctx.doc.locate(path) : expressionLocation(ctx, path, error.offset);
    throw new ConfigValidationError(ctx.doc.file, [{ path, location, message: error.message }]);
  }
}

function whenFor(ctx: NormalizeContext, text: string, path: ConfigPath): void {
  try {
    expressionOption(text, "when");
  } catch (error) {
    if (!(error instanceof RuleOptionError)) throw error;
    const location = expressionLocation(ctx, path, error.offset ?? 0);
    throw new ConfigValidationError(ctx.doc.file, [{ path, location, message: error.message }]);
  }
}

/** Maps an offset inside an expression scalar to the file column, for plain and quoted one-line scalars. */
export function expressionLocation(ctx: NormalizeContext, path: ConfigPath, offset: number): SourceLocation {
  const start = ctx.doc.locate(path);
  if (ctx.text === undefined || start.line === undefined || start.column === undefined) return start;
  const line = ctx.text.split(/\r?\n/)[start.line - 1] ?? "";
  const first = line[start.column - 1];
  if (first === "|" || first === ">") return start;
  const quoted = first === '"' || first === "'";
  return { ...start, column: start.column + offset + (quoted ? 1 : 0) };
}
