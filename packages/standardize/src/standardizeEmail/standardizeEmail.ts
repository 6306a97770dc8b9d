import { parseEmail, type EmailInfo, type ParseEmailOptions } from "@cleanse/values";
import type { StandardizeResult } from "../StandardizeResult/StandardizeResult.ts";

export type { EmailInfo };

/** Options of {@link standardizeEmail}: those of the value kernel's `parseEmail`. */
export type StandardizeEmailOptions = ParseEmailOptions;

/**
 * Standardizes an e-mail address: trims it, removes a `mailto:` prefix, lower-cases the domain and converts an
 * internationalized domain to ASCII. Addresses that cannot be delivered to are `invalid_email` issues.
 * @param value - the address
 * @param options - case of the local part, Unicode local parts, empty policy
 * @returns the canonical address, `null` for empty input
 * @example
 * standardizeEmail(" John.Doe@Example.COM ").value //=> "John.Doe@example.com"
 */
export function standardizeEmail(value: unknown, options?: StandardizeEmailOptions): StandardizeResult<string, EmailInfo> {
  return parseEmail(value, options);
}
