import { getField, type DataRecord } from "@cleanse/core";
import { inferDateOrder, type DateOrder } from "@cleanse/values";
import { hasCjk, normalizeText, tokensOf, toNullSet } from "../_internal/normalize.ts";
import { createShapeReader } from "../_internal/valueShapes.ts";
import { modelCodes } from "../comparisons/productTokens.ts";

/** What a column holds, guessed from its name first and its values second. */
export type ColumnRole =
  | "firstName"
  | "lastName"
  | "fullName"
  | "dateOfBirth"
  | "phone"
  | "email"
  | "streetNumber"
  | "address"
  | "city"
  | "postcode"
  | "state"
  | "gender"
  | "idNumber"
  | "title"
  | "author"
  | "venue"
  | "year"
  | "date"
  | "number"
  | "code"
  | "category"
  | "text"
  | "product"
  | "organisation"
  | "brand"
  | "recordKey";

/** The shape most values of a column have. */
export type ValueShape = "date" | "email" | "phone" | "digits" | "numeric" | "cjk" | "text";

/** Profile of one column. */
export interface ColumnProfile {
  readonly field: string;
  readonly role: ColumnRole;
  readonly shape: ValueShape;
  /** Share of records without a value. */
  readonly nullRatio: number;
  /** Distinct values / non-null values. */
  readonly distinctRatio: number;
  readonly distinct: number;
  readonly averageLength: number;
  readonly averageTokens: number;
  /** Share of values holding a model or part number (`KDL-46V5100`, `BX80621E52640`). */
  readonly codeShare: number;
  /**
   * Date columns: the order of day and month that the values which fit only one way agree on (90 % or more),
   * e.g. `dmy` when `25/12/2023` occurs; absent when no value tells.
   */
  readonly dateOrder?: DateOrder;
  /** Phone columns: the region most numbers written with a country code belong to, e.g. `CN`. */
  readonly region?: string;
}

/** Options of {@link profileColumns}. */
export interface ProfileColumnsOptions {
  readonly idField?: string;
  /** Records read at most (evenly spaced). Default 20,000. */
  readonly sampleSize?: number;
  readonly nullValues?: readonly string[];
}

const NAME_RULES: readonly (readonly [RegExp, ColumnRole])[] = [
  [/(^|_)(ssn|soc_?sec|social_?security|national|passport|tax|tfn|nhs|licen[cs]e|medicare|nino)(_|$)|身份证|证件/, "idNumber"],
  [/(^|_)(id_?(no|num|number|card)|identity)(_|$)/, "idNumber"],
  [/(^|_)(given|first|fore|f)_?names?$|^given$|^first$|^forename$|^名$|^名字$/, "firstName"],
  [/(^|_)(sur|last|family|l)_?names?$|^surname$|^last$|^姓$/, "lastName"],
  [/(^|_)(company|company_?name|organi[sz]ation|organi[sz]ation_?name|org_?name|account_?name|business_?name|firm|employer|supplier|supplier_?name|vendor_?name|legal_?name|entity_?name)$|公司|企业|单位|机构/, "organisation"],
  [/姓名|(^|_)(full_?name|customer_?name|person_?name|contact_?name|display_?name|name)$/, "fullName"],
  [/(^|_)(dob|birth|born|birthday|date_of_birth|birth_?date)(_|$)|出生|生日/, "dateOfBirth"],
  [/(^|_)(phone|mobile|tel|telephone|cell|fax|msisdn)(_|$)|电话|手机/, "phone"],
  [/(^|_)(e_?mail|mail)(_|$)|邮箱/, "email"],
  [/(^|_)(street|house)_?(no|num|number)$|^number$/, "streetNumber"],
  [/(^|_)(post_?code|zip|zip_?code|postal(_?code)?|plz)$|邮编/, "postcode"],
  [/(^|_)(address|addr|street|line)(_?\d)?(_|$)|地址/, "address"],
  [/(^|_)(suburb|city|town|locality|municipality|place)(_|$)|城市/, "city"],
  [/(^|_)(state|province|region|county|territory)(_|$)|省/, "state"],
  [/(^|_)(gender|sex)(_|$)|性别/, "gender"],
  [/(^|_)(authors?|creators?|editors?)$/, "author"],
  [/(^|_)(title|headline|subject)$/, "title"],
  [/(^|_)(venue|journal|booktitle|conference|publisher|source_?title)$/, "venue"],
  [/(^|_)(year|yr)$/, "year"],
  [/(^|_)(brand|manufacturer|maker|make|vendor|mfr|mfg)$/, "brand"],
];

const DIGITS = /^\d+$/;
const KEY_NAME = /(^|_)(id|uuid|guid|key|pk|rowid|row|index|idx)$/;

/** Evenly spaced sample of at most `size` records. */
export function sampleRecords(records: readonly DataRecord[], size: number): readonly DataRecord[] {
  if (records.length <= size) return records;
  const out: DataRecord[] = [];
  const step = records.length / size;
  for (let k = 0; k < size; k++) out.push(records[Math.floor(k * step)]!);
  return out;
}

/**
 * Profiles the columns of a record set: null and distinct ratios, value shapes, and a role guessed
 * from the column name (first, last or full name, date of birth, phone, email, address parts, ids...)
 * and, failing that, from the values.
 * @param records - the records
 * @param options - id field (skipped), sample size, null values
 * @returns one profile per column, in first-seen order
 * @example
 * profileColumns([{ id: 1, surname: "Smith" }, { id: 2, surname: "Jones" }])[0]?.role //=> "lastName"
 */
export function profileColumns(records: readonly DataRecord[], options: ProfileColumnsOptions = {}): ColumnProfile[] {
  const idField = options.idField ?? "id";
  const sample = sampleRecords(records, options.sampleSize ?? 20_000);
  const nullSet = toNullSet(options.nullValues);
  const fields: string[] = [];
  const seen = new Set<string>();
  for (const r of sample) for (const k of Object.keys(r)) if (!seen.has(k)) {
    seen.add(k);
    fields.push(k);
  }
  const out: ColumnProfile[] = [];
  for (const field of fields) {
    if (field === idField) continue;
    const values = new Map<string, number>();
    let nonNull = 0, len = 0, tokens = 0, coded = 0;
    const shapes = { date: 0, email: 0, digits: 0, numeric: 0, cjk: 0 };
    // Dates, e-mail addresses, phone numbers and amounts are what the value kernel reads as such.
    const shape = createShapeReader();
    const raw: unknown[] = [];
    for (const r of sample) {
      const v = getField(r, field);
      const t = normalizeText(v, nullSet);
      if (t === null) continue;
      nonNull++;
      len += t.length;
      tokens += tokensOf(t).length;
      if (modelCodes(t).length > 0) coded++;
      values.set(t, (values.get(t) ?? 0) + 1);
      if (shape.isEmail(v)) shapes.email++;
      if (DIGITS.test(t)) shapes.digits++;
      if (shape.isDecimal(v)) shapes.numeric++;
      if (shape.isDate(v)) shapes.date++;
      shape.addPhoneCandidate(v);
      if (hasCjk(t)) shapes.cjk++;
      raw.push(v);
    }
    const share = (x: number): number => (nonNull === 0 ? 0 : x / nonNull);
    const phones = shape.phones(nonNull);
    let columnShape: ValueShape = "text";
    if (share(shapes.email) >= 0.7) columnShape = "email";
    else if (share(shapes.date) >= 0.8) columnShape = "date";
    else if (phones.share >= 0.7) columnShape = "phone";
    else if (share(shapes.digits) >= 0.8) columnShape = "digits";
    else if (share(shapes.numeric) >= 0.8) columnShape = "numeric";
    else if (share(shapes.cjk) >= 0.5) columnShape = "cjk";
    const distinctRatio = nonNull === 0 ? 0 : values.size / nonNull;
    const averageLength = nonNull === 0 ? 0 : len / nonNull;
    const averageTokens = nonNull === 0 ? 0 : tokens / nonNull;
    const key = field.trim().toLowerCase().replace(/[\s\-.]+/g, "_");
    let role: ColumnRole | undefined;
    for (const [re, r] of NAME_RULES) if (re.test(key)) {
      role = r;
      break;
    }
    if (role === undefined) {
      if (columnShape === "email") role = "email";
      else if (columnShape === "phone") role = "phone";
      else if (columnShape === "date") role = "date";
      else if (KEY_NAME.test(key) && distinctRatio > 0.98) role = "recordKey";
      else if (columnShape === "digits") role = values.size <= 30 ? "category" : "code";
      else if (columnShape === "numeric") role = "number";
      else if (values.size <= 50 && distinctRatio < 0.1) role = "category";
      else role = "text";
    }
    // Names and titles of products: several words, and model numbers in many of them.
    if ((role === "fullName" || role === "title" || role === "text") && share(coded) >= 0.3 && averageTokens >= 3) role = "product";
    const dated = columnShape === "date" || role === "dateOfBirth" || role === "date";
    const inferred = dated && shapes.date > 0 ? inferDateOrder(raw) : undefined;
    const dateOrder = inferred && (inferred.order === "dmy" || inferred.order === "mdy") && inferred.confidence >= 0.9 ? inferred.order : undefined;
    const region = columnShape === "phone" || role === "phone" ? phones.region : undefined;
    out.push({
      field,
      role,
      shape: columnShape,
      nullRatio: sample.length === 0 ? 1 : 1 - nonNull / sample.length,
      distinctRatio,
      distinct: values.size,
      averageLength,
      averageTokens,
      codeShare: share(coded),
      ...(dateOrder === undefined ? {} : { dateOrder }),
      ...(region === undefined ? {} : { region }),
    });
  }
  return out;
}
