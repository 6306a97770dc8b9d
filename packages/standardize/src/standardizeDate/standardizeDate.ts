import { createDateParser, parseDate, type DateOrder, type DateParser, type ParseDateOptions } from "@cleanse/values";
import type { StandardizeResult } from "../StandardizeResult/StandardizeResult.ts";

export type { DateOrder };

/** Options of {@link standardizeDate}: those of the value kernel's `parseDate`. */
export type StandardizeDateOptions = ParseDateOptions;

/** A compiled date standardizer: options read once, format detection cached. */
export type DateStandardizer = DateParser;

/**
 * Compiles date options into a reusable standardizer for a column. Dates are read by the value kernel
 * (`@cleanse/values`), so every package reads `01/02/2023` the same way.
 * @param options - order, output form, extra patterns, year range, time zone handling
 * @returns a function from a value to its standardized date
 * @throws ConfigError `CLEANSE_BAD_OPTION` when options contradict each other
 * @example
 * const toDate = createDateStandardizer({ order: "dmy" });
 * toDate("01-02-2023") //=> { ok: true, value: "2023-02-01", changed: true }
 */
export function createDateStandardizer(options?: StandardizeDateOptions): DateStandardizer {
  return createDateParser(options);
}

/**
 * Standardizes a date or date-time to `yyyy-MM-dd` (dates) or ISO 8601 (date-times). Never guesses:
 * `01/02/2023` is `ambiguous_date` unless `order` decides; impossible dates are `invalid_date`.
 * @param value - a string, a number (with `excelSerial` or `epoch`) or a Date
 * @param options - order, output form, extra patterns, year range, time zone handling
 * @returns the canonical date, `null` for empty input
 * @example
 * standardizeDate("2023/01/01") //=> { ok: true, value: "2023-01-01", changed: true }
 * standardizeDate("01/02/2023", { order: "dmy" }).value //=> "2023-02-01"
 */
export function standardizeDate(value: unknown, options?: StandardizeDateOptions): StandardizeResult<string> {
  return parseDate(value, options);
}
