/** Why a value could not be standardized. Bad data is a result, not an exception. */
export interface ValueIssue {
  /** Stable snake_case code, e.g. `ambiguous_date` or `invalid_phone`. */
  readonly code: string;
  /** What was expected, what was received and what to do next. */
  readonly message: string;
  /** The value as it was given. */
  readonly value: unknown;
}

/** A value turned into its canonical form. `value` is `null` for empty input. */
export interface ValueSuccess<T, I = undefined> {
  readonly ok: true;
  readonly value: T | null;
  /** False when the canonical form is the input itself (same string, same value). */
  readonly changed: boolean;
  /** What the standardizer learned on the way (number type, detected currency, ...). */
  readonly info?: I;
}

/** A value that cannot be standardized without guessing. */
export interface ValueFailure {
  readonly ok: false;
  readonly issue: ValueIssue;
}

/** What every standardizer returns: the canonical value, or an issue saying why there is none. */
export type ValueResult<T, I = undefined> = ValueSuccess<T, I> | ValueFailure;

/** What to do with empty input (`""` or only whitespace). */
export type EmptyPolicy = "null" | "keep";

/** Options every standardizer understands. */
export interface EmptyOptions {
  /**
   * `"null"` (default) turns empty and blank strings into `null`; `"keep"` returns them unchanged.
   * `null` and `undefined` always become `null`.
   */
  readonly empty?: EmptyPolicy;
}
