import { createDecimalParser, parseDecimal, type DecimalInfo, type DecimalParser, type DecimalRounding, type ParseDecimalOptions } from "@cleanse/values";
import type { StandardizeResult } from "../StandardizeResult/StandardizeResult.ts";

export type { DecimalInfo, DecimalRounding };

/** Options of {@link standardizeDecimal}: those of the value kernel's `parseDecimal`. */
export type StandardizeDecimalOptions = ParseDecimalOptions;

/** A compiled decimal standardizer. */
export type DecimalStandardizer = DecimalParser;

/**
 * Compiles decimal options into a reusable standardizer for a column (exact: decimal.js, never binary floating point).
 * @param options - scale, rounding, locale, currency handling
 * @returns a function from a value to its standardized decimal string
 * @throws ConfigError `CLEANSE_BAD_OPTION` for an unknown locale, rounding or a bad scale
 * @example
 * createDecimalStandardizer({ scale: 2 })("¥1,234.5").value //=> "1234.50"
 */
export function createDecimalStandardizer(options?: StandardizeDecimalOptions): DecimalStandardizer {
  return createDecimalParser(options);
}

/**
 * Standardizes an amount to a plain decimal string, exactly, as the value kernel reads it.
 * @param value - the amount as text or number
 * @param options - scale, rounding, locale, currency handling
 * @returns the decimal string (at `scale` decimals when set), `null` for empty input
 * @example
 * standardizeDecimal("¥1,234.5", { scale: 2 }).value //=> "1234.50"
 * standardizeDecimal("(1.234,5)", { locale: "de" }).value //=> "-1234.5"
 */
export function standardizeDecimal(value: unknown, options?: StandardizeDecimalOptions): StandardizeResult<string, DecimalInfo> {
  return parseDecimal(value, options);
}
