import { ConfigError } from "@cleanse/core";
import { createDateParser, createDecimalParser, createPhoneParser, parseEmail, showValue, toRegionCode, type ParseEmailOptions } from "@cleanse/values";

/**
 * A function that brings a value to the canonical form both sides are compared in. It may return the
 * value itself, or a standardizer result (`{ ok: true, value }` / `{ ok: false }`): a failed result keeps
 * the original value, so unparseable values still compare as written.
 */
export type FieldStandardizer = (value: unknown, field: string) => unknown;

/** Builds a standardizer from its options, e.g. `phone` with `{ region: "CN" }`. */
export type StandardizerFactory = (options: Readonly<Record<string, unknown>>) => FieldStandardizer;

const isEmpty = (v: unknown): boolean => v === null || v === undefined || (typeof v === "string" && v.trim() === "");

function text(v: unknown): string | null {
  if (isEmpty(v)) return null;
  return typeof v === "string" ? v : typeof v === "object" ? JSON.stringify(v) : String(v);
}

const trim: StandardizerFactory = () => (v) => (typeof v === "string" ? (v.trim() === "" ? null : v.trim()) : v);

/** Text for comparison: NFKC, trimmed, runs of spaces collapsed (and dropped between Chinese characters), lower case. */
const textForm: StandardizerFactory = (o) => (v) => {
  const s = text(v);
  if (s === null) return null;
  let out = s.normalize("NFKC").trim().replace(/\s+/gu, " ").replace(/(?<=\p{Script=Han}) (?=\p{Script=Han})/gu, "");
  if (o.ignore_spaces === true) out = out.replaceAll(" ", "");
  return o.ignore_case === false ? out : out.toLowerCase();
};

const lower: StandardizerFactory = () => (v) => text(v)?.trim().toLowerCase() ?? null;
const upper: StandardizerFactory = () => (v) => text(v)?.trim().toUpperCase() ?? null;
const digits: StandardizerFactory = () => (v) => {
  const s = text(v);
  return s === null ? null : s.replace(/\D/g, "") || null;
};

/**
 * Turns the options a job file writes (`min_year`, or the kernel's `minYear`) into the value kernel's options,
 * refusing names the standardizer does not know: a misspelt option must not be ignored silently.
 */
function kernelOptions(standardizer: string, options: Readonly<Record<string, unknown>>, names: Readonly<Record<string, string>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const known = new Set(Object.values(names));
  for (const [name, value] of Object.entries(options)) {
    const kernelName = names[name] ?? (known.has(name) ? name : undefined);
    if (kernelName === undefined) {
      throw new ConfigError(`Unknown option "${name}" of the ${standardizer} standardizer; known: ${Object.keys(names).join(", ")}.`, {
        code: "CLEANSE_RECONCILE_BAD_STANDARDIZER",
      });
    }
    if (value !== undefined && value !== null) out[kernelName] = value;
  }
  return out;
}

/** Amounts as exact decimal strings (`￥1,000` → `1000`, `1.234,5` → `1234.5`), rounded in decimal at `scale`. */
const number: StandardizerFactory = (o) => {
  const parse = createDecimalParser(
    kernelOptions("number", o, { scale: "scale", rounding: "rounding", locale: "locale", allow_currency: "allowCurrency", chinese: "chinese" }),
  );
  return (v) => parse(v);
};

const DATE_OPTIONS: Readonly<Record<string, string>> = {
  order: "order",
  output: "output",
  timezone: "timezone",
  default_offset: "defaultOffset",
  formats: "formats",
  min_year: "minYear",
  max_year: "maxYear",
  pivot_year: "pivotYear",
  excel_serial: "excelSerial",
  epoch: "epoch",
};

/**
 * Calendar dates as `yyyy-MM-dd`, read by the value kernel: `01/02/2023` is ambiguous (and compared as written)
 * unless `order` says `dmy` or `mdy`; a timestamp gives its date as written (`timezone: utc` for the UTC date).
 */
const date: StandardizerFactory = (o) => {
  const options = kernelOptions("date", o, DATE_OPTIONS);
  if (options.order !== undefined && options.order !== "dmy" && options.order !== "mdy" && options.order !== "ymd") {
    throw new ConfigError(`Invalid order ${showValue(options.order)} of the date standardizer: expected dmy, mdy or ymd.`, { code: "CLEANSE_RECONCILE_BAD_STANDARDIZER" });
  }
  const parse = createDateParser({ output: "date", ...options });
  return (v) => parse(v);
};

/** Phone numbers in E.164, read by the value kernel with libphonenumber's rules of `region`. */
const phone: StandardizerFactory = (o) => {
  if (o.country_code !== undefined) {
    throw new ConfigError(
      `The phone standardizer takes region, not country_code: replace { country_code: ${JSON.stringify(o.country_code)} } by the region's ISO 3166 code or name, e.g. { phone: { region: "CN" } }.`,
      { code: "CLEANSE_RECONCILE_BAD_STANDARDIZER" },
    );
  }
  const options = kernelOptions("phone", o, { region: "region", format: "format", types: "types", trunk_prefix: "trunkPrefix", keep_extension: "keepExtension" });
  if (options.region !== undefined) {
    const region = toRegionCode(options.region);
    if (region === undefined) {
      throw new ConfigError(`Unknown phone region ${showValue(options.region)}: expected an ISO 3166 code such as "CN" or a country name such as "China".`, {
        code: "CLEANSE_RECONCILE_BAD_STANDARDIZER",
      });
    }
    options.region = region;
  }
  const parse = createPhoneParser(options);
  return (v) => parse(v);
};

const EMAIL_OPTIONS: Readonly<Record<string, string>> = { lowercase_local: "lowercaseLocal", allow_unicode_local: "allowUnicodeLocal" };

/** E-mail addresses in the value kernel's canonical form: trimmed, no `mailto:`, the domain in lower case and ASCII. */
const email: StandardizerFactory = (o) => {
  const options: ParseEmailOptions = kernelOptions("email", o, EMAIL_OPTIONS);
  return (v) => parseEmail(v, options);
};

/**
 * The standardizers this package brings, by the name a job file uses. `number`, `date`, `phone` and `email`
 * read values through `@cleanse/values`, so a reconciliation reads a value exactly as standardization, rules
 * and profiling do; a value the kernel refuses (an ambiguous date, an invalid phone) is compared as written.
 * @example
 * builtinStandardizers.phone({ region: "CN" })("138 1234 5678", "phone") //=> { ok: true, value: "+8613812345678", ... }
 * builtinStandardizers.number({ scale: 2 })("1.005", "amount") //=> { ok: true, value: "1.01", changed: true }
 */
export const builtinStandardizers: Readonly<Record<string, StandardizerFactory>> = {
  trim,
  text: textForm,
  lower,
  upper,
  email,
  digits,
  phone,
  number,
  date,
};

/**
 * The form keys are matched in, where it differs from the compared form: an e-mail key matches whatever the case
 * of its local part (`HE3479@126.COM` is the key `he3479@126.com`).
 */
export const builtinKeyForms: Readonly<Record<string, StandardizerFactory>> = {
  email: (o) => email({ ...o, lowercase_local: true }),
};
