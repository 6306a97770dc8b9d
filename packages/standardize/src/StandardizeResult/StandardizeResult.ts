import type { EmptyOptions as ValueEmptyOptions, EmptyPolicy as ValueEmptyPolicy, ValueFailure, ValueIssue, ValueResult, ValueSuccess } from "@cleanse/values";

/** Why a value could not be standardized: the value kernel's {@link ValueIssue}. */
export type StandardizeIssue = ValueIssue;
/** A value turned into its canonical form; `value` is `null` for empty input. */
export type StandardizeSuccess<T, I = undefined> = ValueSuccess<T, I>;
/** A value that cannot be standardized without guessing. */
export type StandardizeFailure = ValueFailure;
/** What every standardizer returns: the canonical value, or an issue saying why there is none. */
export type StandardizeResult<T, I = undefined> = ValueResult<T, I>;
/** What to do with empty input (`""` or only whitespace). */
export type EmptyPolicy = ValueEmptyPolicy;
/** Options every standardizer understands. */
export type EmptyOptions = ValueEmptyOptions;
