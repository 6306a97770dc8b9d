import {
  addIssue,
  ConfigError,
  getField,
  plural,
  hasField,
  markChanged,
  setField,
  type DataRecord,
  type RecordEnvelope,
  type RecordStep,
  type RuleInfo,
  type Severity,
  type StepContext,
  type StepFactoryContext,
  type StreamStep,
} from "@cleanse/core";
import { builtInDictionaries } from "../builtInDictionaries/builtInDictionaries.ts";
import { failure, inferDateOrder, showValue, toRegionCode, type DateOrderInference } from "@cleanse/values";
import { loadDictionary } from "../loadDictionary/loadDictionary.ts";
import { mapValues, type MapValuesOptions, type ValueDictionary } from "../mapValues/mapValues.ts";
import { repairMojibake, type RepairMojibakeOptions } from "../repairMojibake/repairMojibake.ts";
import { createDateStandardizer, type StandardizeDateOptions } from "../standardizeDate/standardizeDate.ts";
import { createDecimalStandardizer, type StandardizeDecimalOptions } from "../standardizeDecimal/standardizeDecimal.ts";
import { standardizeEmail, type StandardizeEmailOptions } from "../standardizeEmail/standardizeEmail.ts";
import { createPhoneStandardizer, type StandardizePhoneOptions } from "../standardizePhone/standardizePhone.ts";
import { standardizeText, type StandardizeTextOptions } from "../standardizeText/standardizeText.ts";
import type { StandardizeResult } from "../StandardizeResult/StandardizeResult.ts";
import {
  standardizeStepSchema,
  type ParsedStandardizer,
  type PhoneStepOptions,
  type ParsedStandardizeStep,
  type StandardizerKind,
  type StandardizeStepConfig,
} from "./standardizeStepSchema.ts";

type Standardize = (value: unknown, record: DataRecord) => StandardizeResult<unknown, unknown>;

interface Link {
  readonly kind: StandardizerKind;
  readonly rule: string;
  run: Standardize;
  /** Date options waiting for an inferred order. */
  readonly infer?: StandardizeDateOptions;
}

interface FieldPlan {
  readonly field: string;
  readonly chain: Link[];
}

/** What the step adds to the report's `standardize` section. */
export interface StandardizeStepSection {
  /** Date orders inferred per field, with their evidence. */
  readonly inferred: Readonly<Record<string, DateOrderInference & { readonly used: boolean }>>;
}

/**
 * Builds the pipeline step of a job's `standardize:` entry. Each field's value is replaced by its canonical form
 * (in a new record object, with `markChanged` for the report); a value that cannot be standardized stays as it
 * was and gets an issue (`rule: "standardize.<kind>"`, `dimension: "validity"`), an error with
 * `on_error: quarantine` (default) or a warning with `on_error: keep`.
 *
 * With `order: infer` on a date field the step is a stream step: it buffers the first `infer_rows` records,
 * infers the field's day/month order from them, then processes and passes on every record (memory stays bounded).
 * Otherwise it is a record step.
 * @param config - the step as a job file writes it (validated with {@link standardizeStepSchema})
 * @param ctx - where relative dictionary paths resolve
 * @returns a record step, or a stream step when a date order must be inferred
 * @throws ConfigError `CLEANSE_BAD_CONFIG` for an invalid configuration, `CLEANSE_BAD_OPTION` for contradictory options
 * @example
 * const step = createStandardizeStep({ standardize: { phone: { phone: { region: "CN", format: "digits" } } } }, { baseDir: "." });
 * // { phone: "+86-138-1234-5678" } becomes { phone: "13812345678" }
 */
export function createStandardizeStep(config: StandardizeStepConfig, ctx: StepFactoryContext): RecordStep | StreamStep {
  const parsed = parseConfig(config, ctx);
  const severity: Severity = parsed.onError === "keep" ? "warning" : "error";
  const plans: FieldPlan[] = parsed.fields.map(({ field, chain }) => ({
    field,
    chain: chain.map((s) => buildLink(s, field, ctx)),
  }));
  const rules: RuleInfo[] = [];
  const piiFields: string[] = [];
  for (const plan of plans) {
    for (const link of plan.chain) {
      if (!rules.some((r) => r.rule === link.rule && r.field === plan.field)) {
        rules.push({ rule: link.rule, field: plan.field, severity, dimension: "validity", description: `standardize ${plan.field} as ${link.kind}` });
      }
      if ((link.kind === "phone" || link.kind === "email") && !piiFields.includes(plan.field)) piiFields.push(plan.field);
    }
  }

  // Fields no record has: a job that names `date_of_birth` for a column headed " date_of_birth" must not pass silently.
  const seen: boolean[] = plans.map(() => false);
  let firstKeys: string[] | undefined;

  function finish(stepCtx: StepContext): void {
    for (let p = 0; p < plans.length; p++) {
      if (seen[p] || firstKeys === undefined) continue;
      const field = plans[p]!.field;
      const near = firstKeys.find((k) => k.trim().toLowerCase() === field.trim().toLowerCase());
      stepCtx.warn(
        `standardize: no record has a field "${field}", so it was not standardized${near === undefined ? "" : ` (did you mean ${JSON.stringify(near)}?)`}.`,
      );
    }
  }

  function process(envelope: RecordEnvelope): void {
    const record = envelope.record;
    let next: DataRecord | undefined;
    for (let p = 0; p < plans.length; p++) {
      const plan = plans[p]!;
      const original = getField(record, plan.field);
      if (original === undefined && !hasField(record, plan.field)) {
        if (firstKeys === undefined) firstKeys = Object.keys(record);
        continue;
      }
      seen[p] = true;
      let value: unknown = original;
      let failed = false;
      for (let l = 0; l < plan.chain.length; l++) {
        const link = plan.chain[l]!;
        const result = link.run(value, record);
        if (!result.ok) {
          addIssue(envelope, {
            code: result.issue.code,
            rule: link.rule,
            field: plan.field,
            severity,
            dimension: "validity",
            message: result.issue.message,
            value: original,
          });
          failed = true;
          break;
        }
        value = result.value;
        if (value === null) break;
      }
      if (failed || Object.is(value, original)) continue;
      if (next === undefined) next = { ...record };
      setField(next, plan.field, value);
      markChanged(envelope, plan.field);
    }
    if (next !== undefined) envelope.record = next;
  }

  const base = { name: "standardize", rules, finish, ...(piiFields.length > 0 ? { piiFields } : {}) };
  const inferring = plans.flatMap((plan) => plan.chain.filter((l) => l.infer !== undefined).map((link) => ({ field: plan.field, link })));
  if (inferring.length === 0) {
    return { ...base, kind: "record", process: (envelope) => process(envelope) };
  }

  return {
    ...base,
    kind: "stream",
    async *run(input: AsyncIterable<RecordEnvelope>, stepCtx: StepContext): AsyncIterable<RecordEnvelope> {
      const iterator = input[Symbol.asyncIterator]();
      const buffer: RecordEnvelope[] = [];
      let done = false;
      while (buffer.length < parsed.inferRows) {
        const next = await iterator.next();
        if (next.done) {
          done = true;
          break;
        }
        buffer.push(next.value);
      }
      // Keyed by field name, so a field called `__proto__` or `constructor` is a key like any other.
      const inferred: Record<string, DateOrderInference & { used: boolean }> = Object.create(null);
      for (const { field, link } of inferring) {
        const inference = inferDateOrder(buffer.map((env) => getField(env.record, field)));
        const used = inference.order !== undefined && inference.confidence >= parsed.inferConfidence;
        inferred[field] = { ...inference, used };
        const options: StandardizeDateOptions = used ? { ...link.infer, order: inference.order! } : { ...link.infer };
        link.run = createDateStandardizer(options);
        if (!used && buffer.length > 0) {
          stepCtx.warn(
            inference.order === undefined
              ? `standardize: no value of "${field}" in the first ${plural(buffer.length, "record")} tells day-first from month-first; dates such as 01/02/2023 are reported as ambiguous.`
              : `standardize: the first ${plural(buffer.length, "value")} of "${field}" disagree on the date order (${inference.evidence.dmy} day-first, ${inference.evidence.mdy} month-first); dates such as 01/02/2023 are reported as ambiguous.`,
          );
        }
      }
      const section: StandardizeStepSection = { inferred };
      stepCtx.setSection("standardize", section);
      for (let i = 0; i < buffer.length; i++) {
        process(buffer[i]!);
        yield buffer[i]!;
      }
      buffer.length = 0;
      while (!done) {
        const next = await iterator.next();
        if (next.done) break;
        process(next.value);
        yield next.value;
      }
    },
  };
}

function parseConfig(config: StandardizeStepConfig, ctx: StepFactoryContext): ParsedStandardizeStep {
  const result = standardizeStepSchema.safeParse(config);
  if (result.success) return result.data;
  const lines = result.error.issues.slice(0, 5).map((issue) => {
    const path = issue.path.map(String).join(".");
    return `  at ${path || "(root)"}: ${issue.message}`;
  });
  throw new ConfigError(
    `Invalid standardize step${ctx.file ? ` in ${ctx.file}` : ""}:\n${lines.join("\n")}\nEach field takes a standardizer (date, phone, decimal, text, email, map, mojibake), a standardizer with options ({ phone: { region: CN } }) or a list of them; on_error sits beside standardize.`,
    { code: "CLEANSE_BAD_CONFIG", ...(ctx.file ? { location: { file: ctx.file } } : {}) },
  );
}

function buildLink(spec: ParsedStandardizer, field: string, ctx: StepFactoryContext): Link {
  const rule = `standardize.${spec.kind}`;
  const options = spec.options;
  switch (spec.kind) {
    case "date": {
      const { order, ...rest } = options as Omit<StandardizeDateOptions, "order"> & { order?: string };
      if (order === "infer") {
        // Checked now so that a bad option fails before any record flows; replaced once the order is known.
        return { kind: "date", rule, run: createDateStandardizer(rest), infer: rest };
      }
      return { kind: "date", rule, run: createDateStandardizer(options as StandardizeDateOptions) };
    }
    case "phone": {
      const { regionField, ...rest } = options as PhoneStepOptions;
      const standardize = createPhoneStandardizer(rest);
      return { kind: "phone", rule, run: regionField === undefined ? standardize : phoneByRegionField(rest, regionField, standardize) };
    }
    case "decimal":
      return { kind: "decimal", rule, run: createDecimalStandardizer(options as StandardizeDecimalOptions) };
    case "text": {
      const o = options as StandardizeTextOptions;
      return { kind: "text", rule, run: (v) => standardizeText(v, o) };
    }
    case "email": {
      const o = options as StandardizeEmailOptions;
      return { kind: "email", rule, run: (v) => standardizeEmail(v, o) };
    }
    case "map": {
      const { dictionary: source, ...rest } = options as unknown as MapValuesOptions & { dictionary: unknown };
      const dictionary = resolveDictionary(source, field, ctx);
      return { kind: "map", rule, run: (v) => mapValues(v, dictionary, rest) };
    }
    case "mojibake": {
      const o = options as RepairMojibakeOptions;
      return {
        kind: "mojibake",
        rule,
        run: (v) => {
          if (typeof v !== "string") return { ok: true, value: v, changed: false };
          const repair = repairMojibake(v, o);
          return { ok: true, value: repair.text, changed: repair.changed };
        },
      };
    }
  }
}

/**
 * A phone standardizer that reads each number with the region its record names in `regionField` (an ISO code or a
 * country name, through the value kernel); records without one use the step's `region`. A region that names no
 * country is an issue, never a guess.
 */
function phoneByRegionField(options: StandardizePhoneOptions, regionField: string, fallback: Standardize): Standardize {
  const byRegion = new Map<string, Standardize>();
  const regions = new Map<string, string | undefined>();
  return (value, record) => {
    const named = getField(record, regionField);
    if (named === undefined || named === null || (typeof named === "string" && named.trim() === "")) return fallback(value, record);
    // A region field holds few distinct values: read each once.
    const key = typeof named === "string" ? named : String(named);
    let region = regions.get(key);
    if (region === undefined && !regions.has(key)) {
      region = toRegionCode(named);
      regions.set(key, region);
    }
    if (region === undefined) {
      return failure(
        "invalid_phone",
        `Cannot read phone number ${showValue(value)}: its region field "${regionField}" holds ${showValue(named)}, which names no country (use an ISO 3166 code such as CN or a country name).`,
        value,
      );
    }
    let standardize = byRegion.get(region);
    if (standardize === undefined) {
      try {
        standardize = createPhoneStandardizer({ ...options, region });
      } catch {
        // a country without a telephone numbering plan of its own (Antarctica, Bouvet Island)
        standardize = (v) => failure("invalid_phone", `Cannot read phone number ${showValue(v)}: region ${region} (from "${regionField}") has no numbering plan.`, v);
      }
      byRegion.set(region, standardize);
    }
    return standardize(value, record);
  };
}

function resolveDictionary(source: unknown, field: string, ctx: StepFactoryContext): ValueDictionary {
  if (typeof source === "string") {
    const builtIn = builtInDictionaries[source];
    if (builtIn) return builtIn;
    if (!/[./\\]/.test(source)) {
      throw new ConfigError(
        `Unknown dictionary "${source}" for field "${field}": use a built-in one (${Object.keys(builtInDictionaries).join(", ")}) or a .yaml/.csv file path.`,
        { code: "CLEANSE_BAD_CONFIG" },
      );
    }
    return loadDictionary({ path: source }, { baseDir: ctx.baseDir });
  }
  const entries: Record<string, string[]> = {};
  for (const [canonical, variants] of Object.entries(source as Record<string, unknown>)) {
    entries[canonical] = variants === null ? [] : Array.isArray(variants) ? variants.map(String) : [String(variants)];
  }
  return { name: field, entries };
}
