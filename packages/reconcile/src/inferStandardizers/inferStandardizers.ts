import { getField, type DataRecord } from "@cleanse/core";
import {
  createDateParser,
  createPhoneParser,
  inferDateOrder,
  parseDecimal,
  parseEmail,
  parsePhone,
  type DateOrder,
  type DateParser,
  type ValueResult,
} from "@cleanse/values";
import type { StandardizerSpec } from "../FieldSpecs/FieldSpecs.ts";

/** Options of {@link inferStandardizers}. */
export interface InferStandardizersOptions {
  /** Left field → right field, for fields named differently. */
  readonly map?: Readonly<Record<string, string>>;
  /** Only these left fields (default: every left field that has a counterpart on the right). */
  readonly fields?: readonly string[];
}

const PHONE_NAME = /phone|mobile|tel|fax|手机|电话|联系方式/i;
const dateOf = new Map<DateOrder | undefined, DateParser>();

type Kind = "email" | "phone" | "number" | "date" | "text";

function share(values: readonly unknown[], test: (v: unknown) => boolean): number {
  if (values.length === 0) return 0;
  let n = 0;
  for (const v of values) if (test(v)) n++;
  return n / values.length;
}

function dateParser(order: DateOrder | undefined): DateParser {
  let parser = dateOf.get(order);
  if (parser === undefined) {
    parser = createDateParser(order === undefined ? { output: "date" } : { output: "date", order });
    dateOf.set(order, parser);
  }
  return parser;
}

/**
 * The order of day and month both sides can be read in, from each side's own unambiguous dates: none when the
 * sides disagree, or when a side writes dates such as 01/02/2023 without saying which order it uses.
 */
function agreedOrder(left: readonly unknown[], right: readonly unknown[]): DateOrder | undefined {
  const sides = [inferDateOrder(left), inferDateOrder(right)];
  const decided = new Set<DateOrder>();
  for (const side of sides) if (side.order === "dmy" || side.order === "mdy") decided.add(side.order);
  if (decided.size !== 1) return undefined;
  const [order] = decided;
  for (const side of sides) if (side.order !== order && side.evidence.ambiguous > 0) return undefined;
  return order;
}

/** The region most numbers written with a country code belong to, as the value kernel reads them. */
function phoneRegion(values: readonly unknown[]): string | undefined {
  const votes = new Map<string, number>();
  for (const v of values) {
    const read = parsePhone(v);
    const country = read.ok ? read.info?.country : undefined;
    if (country !== undefined) votes.set(country, (votes.get(country) ?? 0) + 1);
  }
  let best: string | undefined;
  let most = 0;
  for (const [country, n] of votes) {
    if (n > most || (n === most && best !== undefined && country < best)) {
      best = country;
      most = n;
    }
  }
  return best;
}

const readable = (read: ValueResult<unknown, unknown>): boolean => read.ok && read.value !== null;

interface Classified {
  readonly kind: Kind;
  readonly order?: DateOrder | undefined;
  readonly region?: string | undefined;
}

function classify(field: string, left: readonly unknown[], right: readonly unknown[]): Classified {
  const values = [...left, ...right];
  if (values.length === 0) return { kind: "text" };
  if (share(values, (v) => readable(parseEmail(v))) >= 0.7) return { kind: "email" };
  const region = phoneRegion(values);
  const phones = region === undefined ? undefined : createPhoneParser({ region });
  const phoneLike = phones === undefined ? 0 : share(values, (v) => readable(phones(v)));
  if ((PHONE_NAME.test(field) && phoneLike >= 0.5) || phoneLike >= 0.8) return { kind: "phone", region };
  // A date such as 01/02/2023 is a date in either order, even when the order stays open.
  const order = agreedOrder(left, right);
  const dates = dateParser(order);
  const isDate = (v: unknown): boolean =>
    typeof v !== "number" && (readable(dates(v)) || (order === undefined && (readable(dateParser("dmy")(v)) || readable(dateParser("mdy")(v)))));
  if (share(values, isDate) >= 0.7) return { kind: "date", order };
  if (share(values, (v) => readable(parseDecimal(v))) >= 0.8) return { kind: "number" };
  return { kind: "text" };
}

/**
 * Picks a standardizer for each compared field from a sample of both sides, classifying the values the way
 * `@cleanse/values` reads them: e-mail addresses, phone numbers (with the region of the numbers written with a
 * country code), amounts, dates (with the order of day and month both sides' unambiguous dates agree on), and
 * other text, trimmed and case-folded. The result is plain data, so it can be shown, edited and saved in a job file.
 * @param left - sample records of the left side
 * @param right - sample records of the right side
 * @param options - field map and field list
 * @returns a standardizer spec per left field
 * @example
 * inferStandardizers([{ phone: "+86 138 1234 5678" }], [{ mobile: "13812345678" }], { map: { phone: "mobile" } })
 * //=> { phone: { phone: { region: "CN" } } }
 */
export function inferStandardizers(
  left: readonly DataRecord[],
  right: readonly DataRecord[],
  options: InferStandardizersOptions = {},
): Record<string, StandardizerSpec> {
  // Field names are data: a null-prototype copy answers only for the fields it lists, never `constructor`.
  const map: Readonly<Record<string, string>> = Object.assign(Object.create(null) as Record<string, string>, options.map);
  const leftFields = new Set<string>();
  const rightFields = new Set<string>();
  for (const r of left) for (const k in r) leftFields.add(k);
  for (const r of right) for (const k in r) rightFields.add(k);
  const fields = options.fields ?? [...leftFields].filter((f) => rightFields.has(map[f] ?? f));
  const out: Record<string, StandardizerSpec> = {};
  for (const field of fields) {
    const rf = map[field] ?? field;
    const leftValues: unknown[] = [];
    const rightValues: unknown[] = [];
    for (const r of left) if (!isEmpty(getField(r, field))) leftValues.push(getField(r, field));
    for (const r of right) if (!isEmpty(r[rf])) rightValues.push(r[rf]);
    const found = classify(`${field} ${rf}`, leftValues, rightValues);
    if (found.kind === "phone" && found.region !== undefined) out[field] = { phone: { region: found.region } };
    else if (found.kind === "date" && found.order !== undefined) out[field] = { date: { order: found.order } };
    else out[field] = found.kind;
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
