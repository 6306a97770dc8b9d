import { createPhoneParser, parsePhone, type ParsePhoneOptions, type PhoneFormat, type PhoneInfo, type PhoneParser, type PhoneType } from "@cleanse/values";
import type { StandardizeResult } from "../StandardizeResult/StandardizeResult.ts";

export type { PhoneFormat, PhoneInfo, PhoneType };

/** Options of {@link standardizePhone}: those of the value kernel's `parsePhone`. */
export type StandardizePhoneOptions = ParsePhoneOptions;

/** A compiled phone standardizer. */
export type PhoneStandardizer = PhoneParser;

/**
 * Compiles phone options into a reusable standardizer for a column (libphonenumber's full metadata).
 * @param options - region, output format, accepted types
 * @returns a function from a value to its standardized phone number
 * @throws ConfigError `CLEANSE_BAD_OPTION` for an unknown region, format or type
 * @example
 * createPhoneStandardizer({ region: "CN", format: "digits" })("+86-138-1234-5678").value //=> "13812345678"
 */
export function createPhoneStandardizer(options?: StandardizePhoneOptions): PhoneStandardizer {
  return createPhoneParser(options);
}

/**
 * Standardizes a telephone number: validates it, tells its type and writes it in one form. A number that is not
 * valid for the region it is read with is an `invalid_phone` issue, never a number with a guessed country code.
 * @param value - the number as text (or a positive integer)
 * @param options - region, output format, accepted types, extension handling
 * @returns the formatted number, `null` for empty input, and the number's type in `info`
 * @example
 * standardizePhone("+86-138-1234-5678", { region: "CN", format: "digits" }).value //=> "13812345678"
 */
export function standardizePhone(value: unknown, options?: StandardizePhoneOptions): StandardizeResult<string, PhoneInfo> {
  return parsePhone(value, options);
}
