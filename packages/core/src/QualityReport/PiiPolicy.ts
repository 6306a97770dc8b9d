import type { DataRecord } from "../Issue/Issue.ts";
import { isPersonalFieldName } from "./isPersonalFieldName.ts";

/**
 * Turns a personal value into the text a report may show. A masker may also tell personal values by what they hold
 * (`isPersonal`) and mask them inside free text (`maskText`); the value kernel's `maskValue` (`@cleanse/values`) does
 * both, for phone, e-mail, ID-card and bank-card numbers.
 */
export interface Masker {
  (value: unknown): string;
  /** True when a value is personal data whatever field holds it. Without it, only fields tell. */
  readonly isPersonal?: (value: unknown) => boolean;
  /** The text with every personal value in it masked. Without it, only values the report knows of are masked in texts. */
  readonly maskText?: (text: string) => string;
}

/** Options of {@link createPiiPolicy}. */
export interface PiiPolicyOptions {
  /** Fields declared personal (`pii: true` in a rule file, a step's `piiFields`), besides those named like personal data. */
  readonly piiFields?: Iterable<string>;
  /**
   * How personal values are masked; default: every character hidden. `false` shows them in clear (`--show-pii`):
   * every method of the policy then returns what it is given.
   */
  readonly mask?: Masker | false;
}

/** What a report shows of personal data: which fields are personal, and the masked form of values, texts and records. */
export interface PiiPolicy {
  /** False when personal data is shown in clear. */
  readonly masking: boolean;
  /**
   * True for a field declared personal, named like personal data ({@link isPersonalFieldName}), or whose observed
   * values are mostly personal by themselves (see `observe`).
   */
  isPersonalField(field: string): boolean;
  /**
   * Samples a record's values: a field most of whose first non-empty values are personal by themselves (a `contact`
   * column holding e-mails) becomes personal, so that all of its values are masked, also those that are malformed.
   * Only the first records are sampled; without a masker that tells personal values, nothing is learnt.
   */
  observe(record: Readonly<DataRecord>): void;
  /**
   * A value as a report may show it: masked when its field is personal or the value is personal by itself; other
   * text with the personal values inside it masked.
   */
  value(value: unknown, field?: string): unknown;
  /** A text (a message) with the given values, which the caller knows are personal, and every personal value the masker finds masked. */
  text(text: string, values?: Iterable<unknown>): string;
  /** A record with the values of its personal fields, and personal values in its other fields, masked. */
  record(record: Readonly<DataRecord>): DataRecord;
  /** JSON-like data with every string and integer that is personal by itself masked, and the values inside texts. */
  deep(data: unknown): unknown;
}

/** The masker used when none is given: hides every character, keeping only the length. */
function hideAll(value: unknown): string {
  return "*".repeat(Array.from(textOf(value)).length);
}

function textOf(value: unknown): string {
  return typeof value === "string" ? value : (JSON.stringify(value) ?? String(value));
}

/** Non-empty values sampled per field, and records observed, to tell fields holding personal values. */
const SAMPLED_VALUES = 50;
const OBSERVED_RECORDS = 200;

const isPlainObject = (v: unknown): v is Record<string, unknown> => {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
};

/**
 * Creates the policy a report applies to personal data: the fields declared personal and those named like personal
 * data have their values masked; with a masker that tells personal values (`maskValue` of `@cleanse/values`), phone,
 * e-mail, ID-card and bank-card numbers are masked wherever they appear, in any field and inside messages.
 * @param options - the declared personal fields, and the masker (`false` shows personal data in clear)
 * @returns the policy
 * @example
 * createPiiPolicy({ piiFields: ["customer_ref"] }).value("C-1234", "customer_ref") //=> "******"
 * createPiiPolicy({ mask: false }).value("C-1234", "customer_ref") //=> "C-1234"
 */
export function createPiiPolicy(options: PiiPolicyOptions = {}): PiiPolicy {
  const declared = new Set<string>(options.piiFields ?? []);
  const byName = new Map<string, boolean>();
  // Per field: non-empty values sampled and how many of them were personal by themselves.
  const samples = new Map<string, { seen: number; personal: number }>();
  let observed = 0;
  const isPersonalField = (field: string): boolean => {
    let personal = byName.get(field);
    if (personal === undefined) {
      personal = declared.has(field) || isPersonalFieldName(field);
      byName.set(field, personal);
    }
    if (personal) return true;
    const sample = samples.get(field);
    return sample !== undefined && sample.personal * 2 > sample.seen;
  };
  if (options.mask === false) {
    return { masking: false, isPersonalField, observe: () => {}, value: (v) => v, text: (t) => t, record: (r) => r, deep: (d) => d };
  }
  const mask: Masker = options.mask ?? hideAll;
  const isPersonal = mask.isPersonal ?? (() => false);

  const observe = (record: Readonly<DataRecord>): void => {
    if (mask.isPersonal === undefined || observed >= OBSERVED_RECORDS) return;
    observed++;
    for (const field of Object.keys(record)) {
      const v = record[field];
      if (v === null || v === undefined || v === "" || (typeof v !== "string" && typeof v !== "number")) continue;
      let sample = samples.get(field);
      if (sample === undefined) {
        sample = { seen: 0, personal: 0 };
        samples.set(field, sample);
      }
      if (sample.seen >= SAMPLED_VALUES) continue;
      sample.seen++;
      if (isPersonal(v)) sample.personal++;
    }
  };
  const maskText = mask.maskText ?? ((text: string) => text);

  const value = (v: unknown, field?: string): unknown => {
    if (v === null || v === undefined || v === "") return v;
    if ((field !== undefined && isPersonalField(field)) || isPersonal(v)) return mask(v);
    return typeof v === "string" ? maskText(v) : v;
  };

  const text = (t: string, values?: Iterable<unknown>): string => {
    let out = t;
    if (values !== undefined) {
      const known = [...values]
        .filter((v) => v !== null && v !== undefined)
        .map((v) => [textOf(v), v] as const)
        .filter(([s]) => s.length >= 2)
        .sort((a, b) => b[0].length - a[0].length);
      for (const [s, v] of known) if (out.includes(s)) out = out.split(s).join(mask(v));
    }
    return maskText(out);
  };

  const deep = (data: unknown): unknown => {
    if (typeof data === "string") return data === "" ? data : isPersonal(data) ? mask(data) : maskText(data);
    if (typeof data === "number") return Number.isSafeInteger(data) && data >= 1_000_000 && isPersonal(data) ? mask(data) : data;
    if (Array.isArray(data)) return data.map(deep);
    if (isPlainObject(data)) return Object.fromEntries(Object.entries(data).map(([k, v]) => [k, deep(v)]));
    return data;
  };

  return {
    masking: true,
    isPersonalField,
    observe,
    value,
    text,
    record: (record) => Object.fromEntries(Object.entries(record).map(([k, v]) => [k, value(v, k)])),
    deep,
  };
}

const sectionMaskers = new WeakMap<object, (data: never, pii: PiiPolicy) => unknown>();

/**
 * Tells the report how to mask a section whose shape only its step knows (the records of golden records, the values
 * of an explained pair): the report builder calls `mask` with the run's policy when the section is set, unless the
 * run shows personal data in clear. Every section is also scanned for values personal by themselves.
 * @param data - the section, as the step passes it to `setSection`
 * @param mask - returns a copy of the section with its personal values masked, through the policy
 * @returns `data` itself, registered with its masker
 * @example
 * ctx.setSection("golden", maskableSection(section, (s, pii) => ({ ...s, records: s.records.map((r) => pii.record(r)) })));
 */
export function maskableSection<T extends object>(data: T, mask: (data: T, pii: PiiPolicy) => unknown): T {
  sectionMaskers.set(data, mask as (data: never, pii: PiiPolicy) => unknown);
  return data;
}

/** A section as the report keeps it: masked by its own masker (see {@link maskableSection}), then scanned for personal values. */
export function maskSection(data: unknown, pii: PiiPolicy): unknown {
  if (!pii.masking) return data;
  const own = typeof data === "object" && data !== null ? sectionMaskers.get(data) : undefined;
  return pii.deep(own ? own(data as never, pii) : data);
}
