import { ConfigError } from "@cleanse/core";
import parsePhoneNumberFromString, {
  getCountryCallingCode,
  isSupportedCountry,
  validatePhoneNumberLength,
  type CountryCode,
  type NumberType,
  type PhoneNumber,
} from "libphonenumber-js/max";
import { numberType } from "../_internal/phoneType.ts";
import { emptyResult, failure, notText, show, success } from "../_internal/results.ts";
import type { EmptyOptions, StandardizeResult } from "../StandardizeResult/StandardizeResult.ts";

/** Kind of telephone line, as libphonenumber's full metadata tells it. */
export type PhoneType =
  | "mobile"
  | "fixed_line"
  | "fixed_line_or_mobile"
  | "toll_free"
  | "premium_rate"
  | "shared_cost"
  | "voip"
  | "personal_number"
  | "pager"
  | "uan"
  | "voicemail";

/** Output form of {@link standardizePhone}. */
export type PhoneFormat = "E.164" | "national" | "international" | "digits";

/** Options of {@link standardizePhone}. */
export interface StandardizePhoneOptions extends EmptyOptions {
  /** ISO 3166 region of numbers written without a country code, e.g. `"CN"`. Without it such numbers are invalid. */
  readonly region?: string;
  /**
   * `"E.164"` (default) `+8613812345678`; `"national"` `138 1234 5678`; `"international"` `+86 138 1234 5678`;
   * `"digits"` `13812345678` (the national significant number). Numbers of another country than `region`
   * keep their country code: `"national"` falls back to `"international"` and `"digits"` to `"E.164"`.
   */
  readonly format?: PhoneFormat;
  /** Accepted line types; others are `phone_type_not_allowed` issues. `fixed_line_or_mobile` fits both `mobile` and `fixed_line`. */
  readonly types?: readonly PhoneType[];
  /** Keep an extension (`ext. 123`, `x123`, `;ext=123`) in the output. Default true. */
  readonly keepExtension?: boolean;
}

/** What {@link standardizePhone} learned about a valid number. */
export interface PhoneInfo {
  readonly type: PhoneType | undefined;
  /** ISO 3166 region the number belongs to, when one can be told. */
  readonly country: string | undefined;
  readonly countryCallingCode: string;
  readonly nationalNumber: string;
  readonly extension?: string;
}

/** A compiled phone standardizer. */
export type PhoneStandardizer = (value: unknown) => StandardizeResult<string, PhoneInfo>;

const TYPE_NAMES: Readonly<Record<NonNullable<NumberType>, PhoneType>> = {
  MOBILE: "mobile",
  FIXED_LINE: "fixed_line",
  FIXED_LINE_OR_MOBILE: "fixed_line_or_mobile",
  TOLL_FREE: "toll_free",
  PREMIUM_RATE: "premium_rate",
  SHARED_COST: "shared_cost",
  VOIP: "voip",
  PERSONAL_NUMBER: "personal_number",
  PAGER: "pager",
  UAN: "uan",
  VOICEMAIL: "voicemail",
};
const EXTENSION_WORD = /\s*(?:转|轉|分机|分機|内线|內線)\s*/;
const EXTENSION_HINT = /[转轉分内內]/;
const FORMATS: readonly PhoneFormat[] = ["E.164", "national", "international", "digits"];

/**
 * Compiles phone options into a reusable standardizer for a column.
 * @param options - region, output format, accepted types
 * @returns a function from a value to its standardized phone number
 * @throws ConfigError `CLEANSE_BAD_OPTION` for an unknown region, format or type
 * @example
 * createPhoneStandardizer({ region: "CN", format: "digits" })("+86-138-1234-5678").value //=> "13812345678"
 */
export function createPhoneStandardizer(options: StandardizePhoneOptions = {}): PhoneStandardizer {
  const region = options.region === undefined ? undefined : options.region.toUpperCase();
  if (region !== undefined && !isSupportedCountry(region)) {
    throw new ConfigError(`Unknown phone region ${show(options.region)}: expected an ISO 3166 alpha-2 code such as "CN" or "US".`, { code: "CLEANSE_BAD_OPTION" });
  }
  const format = options.format ?? "E.164";
  if (!FORMATS.includes(format)) {
    throw new ConfigError(`Unknown phone format ${show(format)}: expected one of ${FORMATS.join(", ")}.`, { code: "CLEANSE_BAD_OPTION" });
  }
  const allowed = options.types === undefined ? undefined : new Set<PhoneType>(options.types);
  if (allowed) {
    const known = new Set(Object.values(TYPE_NAMES));
    for (const t of allowed) {
      if (!known.has(t)) throw new ConfigError(`Unknown phone type ${show(t)}: expected one of ${[...known].join(", ")}.`, { code: "CLEANSE_BAD_OPTION" });
    }
  }
  const homeCode = region === undefined ? undefined : getCountryCallingCode(region as CountryCode);
  const keepExtension = options.keepExtension !== false;
  const emptyPolicy = options.empty;

  function render(phone: PhoneNumber, home: boolean): string {
    const ext = keepExtension ? phone.ext : undefined;
    switch (format) {
      case "E.164":
        return ext ? `${phone.number};ext=${ext}` : phone.number;
      case "digits":
        if (!home) return ext ? `${phone.number};ext=${ext}` : phone.number;
        return ext ? `${phone.nationalNumber};ext=${ext}` : phone.nationalNumber;
      case "national":
        if (home) return keepExtension || !phone.ext ? phone.formatNational() : phone.formatNational({ formatExtension: (number) => number });
        return keepExtension || !phone.ext ? phone.formatInternational() : phone.formatInternational({ formatExtension: (number) => number });
      default:
        return keepExtension || !phone.ext ? phone.formatInternational() : phone.formatInternational({ formatExtension: (number) => number });
    }
  }

  return function standardize(value: unknown): StandardizeResult<string, PhoneInfo> {
    let text: string;
    if (typeof value === "string") {
      text = value;
      const first = text.charCodeAt(0);
      if (!(first > 32 && first < 127)) {
        const empty = emptyResult<string>(value, emptyPolicy);
        if (empty) return empty;
      }
    } else {
      const empty = emptyResult<string>(value, emptyPolicy);
      if (empty) return empty;
      if (typeof value === "number" && Number.isSafeInteger(value) && value > 0) text = String(value);
      else if (typeof value === "bigint" && value > 0n) text = String(value);
      else return notText("phone number", value);
    }
    // Chinese spellings of an extension: 010-12345678 转 8001
    if (EXTENSION_HINT.test(text)) text = text.replace(EXTENSION_WORD, " ext. ");
    const phone = region === undefined ? parsePhoneNumberFromString(text) : parsePhoneNumberFromString(text, region as CountryCode);
    if (phone === undefined) return invalid(value, text, region);
    // With the full ("max") metadata a number is valid exactly when it has a type.
    const rawType = numberType(phone.country, phone.countryCallingCode, phone.nationalNumber);
    if (rawType === undefined) return invalid(value, text, region);
    const type = TYPE_NAMES[rawType];
    if (allowed !== undefined && !allowed.has(type) && !(type === "fixed_line_or_mobile" && (allowed.has("mobile") || allowed.has("fixed_line")))) {
      return failure(
        "phone_type_not_allowed",
        `Phone number ${show(value)} is a ${type.replace(/_/g, " ")} number; accepted types: ${[...allowed].join(", ")}.`,
        value,
      );
    }
    const out = render(phone, phone.countryCallingCode === homeCode);
    const info: PhoneInfo = phone.ext
      ? { type, country: phone.country, countryCallingCode: phone.countryCallingCode, nationalNumber: phone.nationalNumber, extension: phone.ext }
      : { type, country: phone.country, countryCallingCode: phone.countryCallingCode, nationalNumber: phone.nationalNumber };
    return success(out, out !== value, info);
  };
}

function invalid(value: unknown, text: string, region: string | undefined) {
  let why: string;
  const length = region === undefined ? validatePhoneNumberLength(text) : validatePhoneNumberLength(text, region as CountryCode);
  switch (length) {
    case "TOO_SHORT": why = "it has too few digits"; break;
    case "TOO_LONG": why = "it has too many digits"; break;
    case "INVALID_LENGTH": why = "no number of that country has this many digits"; break;
    case "INVALID_COUNTRY":
      why = region === undefined ? "it has no country code (+...) and no region is set" : "its country code is unknown";
      break;
    case "NOT_A_NUMBER": why = "it is not a phone number"; break;
    default: why = "its digits match no number range of that country";
  }
  return failure("invalid_phone", `Invalid phone number ${show(value)}${region === undefined ? "" : ` (region ${region})`}: ${why}.`, value);
}

const cache = new WeakMap<StandardizePhoneOptions, PhoneStandardizer>();
const defaultStandardizer: PhoneStandardizer = createPhoneStandardizer();

/**
 * Standardizes a telephone number with libphonenumber's full metadata: validates it, tells its type and writes it
 * in one form. Invalid numbers are `invalid_phone` issues. For a whole column, {@link createPhoneStandardizer}
 * checks the options once.
 * @param value - the number as text (or a positive integer)
 * @param options - region, output format, accepted types, extension handling
 * @returns the formatted number, `null` for empty input, and the number's type in `info`
 * @example
 * standardizePhone("+86-138-1234-5678", { region: "CN", format: "digits" }).value //=> "13812345678"
 * standardizePhone("138 1234 5678", { region: "CN" }).value //=> "+8613812345678"
 */
export function standardizePhone(value: unknown, options?: StandardizePhoneOptions): StandardizeResult<string, PhoneInfo> {
  if (options === undefined) return defaultStandardizer(value);
  let compiled = cache.get(options);
  if (compiled === undefined) {
    compiled = createPhoneStandardizer(options);
    cache.set(options, compiled);
  }
  return compiled(value);
}
