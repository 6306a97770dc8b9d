import { ConfigError } from "@cleanse/core";
import type { CountryCode, NumberType, PhoneNumber } from "libphonenumber-js/max";
import { phoneLibrary } from "../_internal/lazyLibraries.ts";
import { numberType, writtenWithTrunkPrefix } from "../_internal/phoneType.ts";
import { emptyResult, failure, notText, showValue, success } from "../ValueResult/valueResults.ts";
import type { EmptyOptions, ValueResult } from "../ValueResult/ValueResult.ts";

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

/** Output form of {@link parsePhone}. */
export type PhoneFormat = "E.164" | "national" | "international" | "digits";

/** Options of {@link parsePhone}. */
export interface ParsePhoneOptions extends EmptyOptions {
  /** ISO 3166 region of numbers written without a country code, e.g. `"CN"`. Without it such numbers are invalid. */
  readonly region?: string;
  /**
   * `"E.164"` (default) `+8613812345678`; `"national"` `138 1234 5678`; `"international"` `+86 138 1234 5678`;
   * `"digits"` `13812345678` (the digits as dialled at home, trunk prefix included: `01012345678`). Numbers of another country than `region`
   * keep their country code: `"national"` falls back to `"international"` and `"digits"` to `"E.164"`.
   */
  readonly format?: PhoneFormat;
  /** Accepted line types; others are `phone_type_not_allowed` issues. `fixed_line_or_mobile` fits both `mobile` and `fixed_line`. */
  readonly types?: readonly PhoneType[];
  /** Keep an extension (`ext. 123`, `x123`, `;ext=123`) in the output. Default true. */
  readonly keepExtension?: boolean;
  /**
   * `"required"` (default): a number written without a country code must be written the way the region writes
   * its numbers at home, trunk prefix included (`0415 415 1627` in CN); `(415) 415-1627` read with region CN is
   * refused rather than turned into `+864154151627`, since it is most likely a number of another country.
   * `"optional"`: accept national numbers without their trunk prefix, as libphonenumber does.
   */
  readonly trunkPrefix?: "required" | "optional";
}

/** What {@link parsePhone} learned about a valid number. */
export interface PhoneInfo {
  readonly type: PhoneType | undefined;
  /** ISO 3166 region the number belongs to, when one can be told. */
  readonly country: string | undefined;
  readonly countryCallingCode: string;
  readonly nationalNumber: string;
  readonly extension?: string;
}

/** A compiled phone standardizer. */
export type PhoneParser = (value: unknown) => ValueResult<string, PhoneInfo>;

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
 * createPhoneParser({ region: "CN", format: "digits" })("+86-138-1234-5678").value //=> "13812345678"
 */
export function createPhoneParser(options: ParsePhoneOptions = {}): PhoneParser {
  const region = options.region === undefined ? undefined : options.region.toUpperCase();
  if (region !== undefined && !phoneLibrary().isSupportedCountry(region)) {
    throw new ConfigError(`Unknown phone region ${showValue(options.region)}: expected an ISO 3166 alpha-2 code such as "CN" or "US".`, { code: "CLEANSE_BAD_OPTION" });
  }
  const format = options.format ?? "E.164";
  if (!FORMATS.includes(format)) {
    throw new ConfigError(`Unknown phone format ${showValue(format)}: expected one of ${FORMATS.join(", ")}.`, { code: "CLEANSE_BAD_OPTION" });
  }
  const allowed = options.types === undefined ? undefined : new Set<PhoneType>(options.types);
  if (allowed) {
    const known = new Set(Object.values(TYPE_NAMES));
    for (const t of allowed) {
      if (!known.has(t)) throw new ConfigError(`Unknown phone type ${showValue(t)}: expected one of ${[...known].join(", ")}.`, { code: "CLEANSE_BAD_OPTION" });
    }
  }
  const homeCode = region === undefined ? undefined : phoneLibrary().getCountryCallingCode(region as CountryCode);
  const keepExtension = options.keepExtension !== false;
  const trunkRequired = options.trunkPrefix !== "optional";
  const emptyPolicy = options.empty;

  function render(phone: PhoneNumber, home: boolean): string {
    const ext = keepExtension ? phone.ext : undefined;
    switch (format) {
      case "E.164":
        return ext ? `${phone.number};ext=${ext}` : phone.number;
      case "digits":
        if (!home) return ext ? `${phone.number};ext=${ext}` : phone.number;
        return ext ? `${homeDigits(phone)};ext=${ext}` : homeDigits(phone);
      case "national":
        if (home) return keepExtension || !phone.ext ? phone.formatNational() : phone.formatNational({ formatExtension: (number) => number });
        return keepExtension || !phone.ext ? phone.formatInternational() : phone.formatInternational({ formatExtension: (number) => number });
      default:
        return keepExtension || !phone.ext ? phone.formatInternational() : phone.formatInternational({ formatExtension: (number) => number });
    }
  }

  return function standardize(value: unknown): ValueResult<string, PhoneInfo> {
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
    const parsePhoneNumberFromString = phoneLibrary().default;
    const phone = region === undefined ? parsePhoneNumberFromString(text) : parsePhoneNumberFromString(text, region as CountryCode);
    if (phone === undefined) return invalid(value, text, region);
    // With the full ("max") metadata a number is valid exactly when it has a type.
    const rawType = numberType(phone.country, phone.countryCallingCode, phone.nationalNumber);
    if (rawType === undefined) return invalid(value, text, region);
    const type = TYPE_NAMES[rawType];
    if (trunkRequired && region !== undefined && lacksTrunkPrefix(phone, text)) {
      const national = phone.formatNational();
      return failure(
        "invalid_phone",
        `Invalid phone number ${showValue(value)} (region ${region}): written without a country code, a number of ${region} starts with its trunk prefix (${national}); if it is a number of another country, write it with its country code (+...) or read the region from a field (regionField).`,
        value,
      );
    }
    if (allowed !== undefined && !allowed.has(type) && !(type === "fixed_line_or_mobile" && (allowed.has("mobile") || allowed.has("fixed_line")))) {
      return failure(
        "phone_type_not_allowed",
        `Phone number ${showValue(value)} is a ${type.replace(/_/g, " ")} number; accepted types: ${[...allowed].join(", ")}.`,
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

function digitsOf(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) out += text[i];
    else if (c >= 0xff10 && c <= 0xff19) out += String.fromCharCode(c - 0xfee0);
  }
  return out;
}

/** The digits of the number as dialled at home: trunk prefix included where the region writes one (`01012345678`). */
function homeDigits(phone: PhoneNumber): string {
  return digitsOf(phone.formatNational({ formatExtension: (number) => number }));
}

/**
 * True when the text is the bare national significant number although the region writes this number with a trunk
 * prefix at home (CN landlines `0xx`, GB `0...`). Nothing else is checked: numbers written with a country code, with
 * the prefix, or whose region writes none (US, CN mobiles) pass.
 */
function lacksTrunkPrefix(phone: PhoneNumber, text: string): boolean {
  const nationalNumber = phone.nationalNumber as string;
  let written = digitsOf(text);
  if (phone.ext) {
    const at = written.lastIndexOf(phone.ext);
    if (at > 0) written = written.slice(0, at);
  }
  // Only a bare national number can lack the prefix; formatting (the slow part) is needed for those alone.
  if (written !== nationalNumber) return false;
  return writtenWithTrunkPrefix(phone.country, phone.countryCallingCode as string, nationalNumber);
}

function invalid(value: unknown, text: string, region: string | undefined) {
  let why: string;
  const { validatePhoneNumberLength } = phoneLibrary();
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
  return failure("invalid_phone", `Invalid phone number ${showValue(value)}${region === undefined ? "" : ` (region ${region})`}: ${why}.`, value);
}

const cache = new WeakMap<ParsePhoneOptions, PhoneParser>();
const defaultStandardizer: PhoneParser = createPhoneParser();

/**
 * Standardizes a telephone number with libphonenumber's full metadata: validates it, tells its type and writes it
 * in one form. Invalid numbers are `invalid_phone` issues. For a whole column, {@link createPhoneParser}
 * checks the options once.
 * @param value - the number as text (or a positive integer)
 * @param options - region, output format, accepted types, extension handling
 * @returns the formatted number, `null` for empty input, and the number's type in `info`
 * @example
 * parsePhone("+86-138-1234-5678", { region: "CN", format: "digits" }).value //=> "13812345678"
 * parsePhone("138 1234 5678", { region: "CN" }).value //=> "+8613812345678"
 */
export function parsePhone(value: unknown, options?: ParsePhoneOptions): ValueResult<string, PhoneInfo> {
  if (options === undefined) return defaultStandardizer(value);
  let compiled = cache.get(options);
  if (compiled === undefined) {
    compiled = createPhoneParser(options);
    cache.set(options, compiled);
  }
  return compiled(value);
}
