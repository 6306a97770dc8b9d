import type { DataRecord } from "@cleanse/core";
import { builtinStandardizers } from "../builtinStandardizers/builtinStandardizers.ts";
import type { StandardizerSpec } from "../FieldSpecs/FieldSpecs.ts";

/** Options of {@link inferStandardizers}. */
export interface InferStandardizersOptions {
  /** Left field → right field, for fields named differently. */
  readonly map?: Readonly<Record<string, string>>;
  /** Only these left fields (default: every left field that has a counterpart on the right). */
  readonly fields?: readonly string[];
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE_CHARS = /^[+(]?[\d\s\-()/]{6,24}$/;
const PHONE_NAME = /phone|mobile|tel|fax|手机|电话|联系方式/i;
const parseNumber = builtinStandardizers.number!({});
const parseDate = builtinStandardizers.date!({});

type Kind = "email" | "phone" | "number" | "date" | "text";

function share(values: readonly unknown[], test: (v: unknown) => boolean): number {
  if (values.length === 0) return 0;
  let n = 0;
  for (const v of values) if (test(v)) n++;
  return n / values.length;
}

const phoneDigits = (v: unknown): string | undefined => {
  if (typeof v !== "string" || !PHONE_CHARS.test(v.trim())) return undefined;
  const d = v.replace(/\D/g, "");
  return d.length >= 7 && d.length <= 15 ? d : undefined;
};

function classify(field: string, values: readonly unknown[]): Kind {
  if (values.length === 0) return "text";
  if (share(values, (v) => typeof v === "string" && EMAIL.test(v.trim())) >= 0.7) return "email";
  const phoneLike = share(values, (v) => {
    const d = phoneDigits(v);
    return d !== undefined && d.length >= 10;
  });
  if ((PHONE_NAME.test(field) && phoneLike >= 0.5) || phoneLike >= 0.8) return "phone";
  if (share(values, (v) => typeof v !== "number" && typeof parseDate(v, field) === "string") >= 0.7) return "date";
  if (share(values, (v) => typeof parseNumber(v, field) === "number") >= 0.8) return "number";
  return "text";
}

/** The country calling code most internationally written numbers carry, judged by the length of the others. */
function countryCode(values: readonly unknown[]): string | undefined {
  const local = new Map<number, number>();
  const international: string[] = [];
  for (const v of values) {
    if (typeof v !== "string") continue;
    const t = v.trim();
    const d = t.replace(/\D/g, "");
    if (/^\(?\+/.test(t)) international.push(d);
    else if (d.startsWith("00")) international.push(d.slice(2));
    else if (d.length >= 7) local.set(d.length, (local.get(d.length) ?? 0) + 1);
  }
  if (international.length === 0) return undefined;
  const usual = [...local.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const votes = new Map<string, number>();
  for (const d of international) {
    const len = usual !== undefined && d.length - usual >= 1 && d.length - usual <= 3 ? d.length - usual : 2;
    const cc = d.slice(0, len);
    votes.set(cc, (votes.get(cc) ?? 0) + 1);
  }
  return [...votes.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/**
 * Picks a standardizer for each compared field from a sample of both sides: emails are lower-cased,
 * phone numbers reduced to their national digits, amounts parsed as numbers, dates written as
 * `YYYY-MM-DD`, other text trimmed and case-folded. The result is plain data, so it can be shown,
 * edited and saved in a job file.
 * @param left - sample records of the left side
 * @param right - sample records of the right side
 * @param options - field map and field list
 * @returns a standardizer spec per left field
 * @example
 * inferStandardizers([{ phone: "+86 138 1234 5678" }], [{ mobile: "13812345678" }], { map: { phone: "mobile" } })
 * //=> { phone: { phone: { country_code: "86" } } }
 */
export function inferStandardizers(
  left: readonly DataRecord[],
  right: readonly DataRecord[],
  options: InferStandardizersOptions = {},
): Record<string, StandardizerSpec> {
  const map = options.map ?? {};
  const leftFields = new Set<string>();
  const rightFields = new Set<string>();
  for (const r of left) for (const k in r) leftFields.add(k);
  for (const r of right) for (const k in r) rightFields.add(k);
  const fields = options.fields ?? [...leftFields].filter((f) => rightFields.has(map[f] ?? f));
  const out: Record<string, StandardizerSpec> = {};
  for (const field of fields) {
    const rf = map[field] ?? field;
    const values: unknown[] = [];
    for (const r of left) if (!isEmpty(r[field])) values.push(r[field]);
    for (const r of right) if (!isEmpty(r[rf])) values.push(r[rf]);
    const kind = classify(`${field} ${rf}`, values);
    if (kind === "phone") {
      const cc = countryCode(values);
      out[field] = cc ? { phone: { country_code: cc } } : "phone";
    } else out[field] = kind;
  }
  return out;
}

const isEmpty = (v: unknown): boolean => v === null || v === undefined || (typeof v === "string" && v.trim() === "");

const TIMESTAMP_NAME = /(updated|modified|changed|last_?(sync|update|modified|change)|synced)(_?at|_?on|_?time|_?date)?$/i;

/**
 * Finds the update-timestamp fields of both sides by name (`updated_at`, `modified_on`, `last_sync`...).
 * @param leftFields - left field names
 * @param rightFields - right field names
 * @param map - left field → right field
 * @returns the pair, or undefined when either side has none
 * @example
 * inferTimestampFields(["id", "updated_at"], ["id", "modified_at"]) //=> { left: "updated_at", right: "modified_at" }
 */
export function inferTimestampFields(
  leftFields: Iterable<string>,
  rightFields: Iterable<string>,
  map: Readonly<Record<string, string>> = {},
): { left: string; right: string } | undefined {
  const rights = [...rightFields];
  const lefts = [...leftFields].filter((f) => TIMESTAMP_NAME.test(f));
  for (const l of lefts) if (map[l] !== undefined && rights.includes(map[l])) return { left: l, right: map[l] };
  const r = rights.find((f) => TIMESTAMP_NAME.test(f));
  const l = lefts[0];
  return l !== undefined && r !== undefined ? { left: l, right: r } : undefined;
}
