import { DataError, type CleanseErrorOptions } from "@cleanse/core";
import type { StandardizeIssue, StandardizeResult } from "../StandardizeResult/StandardizeResult.ts";

/**
 * Thrown by {@link unwrap} for a result that is not ok. Its message is the issue's message, and `issue` is the
 * issue itself (code, message, the value as given).
 * @example
 * try { unwrap(standardizeDate("01/02/2023")) } catch (e) { e.code; e.issue.code } //=> "CLEANSE_STANDARDIZE_FAILED", "ambiguous_date"
 */
export class StandardizeError extends DataError {
  /** Why the value could not be standardized. */
  readonly issue: StandardizeIssue;

  constructor(issue: StandardizeIssue, options: CleanseErrorOptions = {}) {
    super(issue.message, {
      hint: `Check result.ok instead of unwrapping where bad data is expected (issue code ${issue.code}).`,
      ...options,
      code: "CLEANSE_STANDARDIZE_FAILED",
    });
    this.issue = issue;
  }
}

/**
 * The value of a standardizer's result, for values that must be valid: a result that is not ok throws.
 * Where bad data is expected, check `result.ok` instead (or let the standardize step quarantine the record).
 * @param result - what a standardizer (or a `@cleanse/values` parser) returned
 * @returns the canonical value, `null` for empty input
 * @throws StandardizeError `CLEANSE_STANDARDIZE_FAILED`, with the result's `issue`, when the result is not ok
 * @example
 * unwrap(standardizePhone("+86-138-1234-5678", { region: "CN", format: "digits" })) //=> "13812345678"
 * unwrap(standardizeDate("")) //=> null
 * unwrap(standardizeDate("2023-02-30")) // throws StandardizeError: Impossible date "2023-02-30": February 2023 has 28 days.
 */
export function unwrap<T, I>(result: StandardizeResult<T, I>): T | null {
  if (result.ok) return result.value;
  throw new StandardizeError(result.issue);
}
