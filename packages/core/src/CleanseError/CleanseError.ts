import type { SourceLocation } from "../Issue/Issue.ts";

/** Options shared by every Cleanse error. */
export interface CleanseErrorOptions extends ErrorOptions {
  /** Override the class's default code with a more specific one, e.g. `CLEANSE_CSV_UNCLOSED_QUOTE`. */
  readonly code?: string;
  /** Where the problem is: file, line, column, record. */
  readonly location?: SourceLocation;
  /** What the user can do about it. */
  readonly hint?: string;
}

/**
 * Base class of every error Cleanse throws. Errors are for misuse and broken environments;
 * bad data is reported as issues instead.
 */
export class CleanseError extends Error {
  readonly code: string;
  readonly location: SourceLocation | undefined;
  readonly hint: string | undefined;
  /** Exit code the CLI uses for this error. */
  readonly exitCode: number = 2;

  constructor(message: string, options: CleanseErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = options.code ?? "CLEANSE_ERROR";
    this.location = options.location;
    this.hint = options.hint;
  }
}

/** Input data that cannot be read at all: a malformed file, a broken encoding, an unreadable record. */
export class DataError extends CleanseError {
  constructor(message: string, options: CleanseErrorOptions = {}) {
    super(message, { ...options, code: options.code ?? "CLEANSE_BAD_DATA" });
  }
}

/** A bad job file, rule file, option or argument. */
export class ConfigError extends CleanseError {
  constructor(message: string, options: CleanseErrorOptions = {}) {
    super(message, { ...options, code: options.code ?? "CLEANSE_BAD_CONFIG" });
  }
}

/** A file or database that cannot be opened, read or written. */
export class IoError extends CleanseError {
  constructor(message: string, options: CleanseErrorOptions = {}) {
    super(message, { ...options, code: options.code ?? "CLEANSE_IO" });
  }
}

/** The engine lost or duplicated records: a bug in a step, never to be ignored. */
export class CountMismatchError extends CleanseError {
  constructor(message: string, options: CleanseErrorOptions = {}) {
    super(message, { ...options, code: options.code ?? "CLEANSE_COUNT_MISMATCH" });
  }
}

/** The run was cancelled through its AbortSignal. */
export class AbortedError extends CleanseError {
  constructor(message = "The run was aborted.", options: CleanseErrorOptions = {}) {
    super(message, { ...options, code: options.code ?? "CLEANSE_ABORTED" });
  }
}

/**
 * Type guard for Cleanse errors, also across package copies.
 * @param value - anything caught
 * @returns true when `value` is a CleanseError
 * @example
 * isCleanseError(new ConfigError("bad")) //=> true
 */
export function isCleanseError(value: unknown): value is CleanseError {
  if (value instanceof CleanseError) return true;
  const code: unknown = value instanceof Error ? (value as Error & { code?: unknown }).code : undefined;
  return typeof code === "string" && code.startsWith("CLEANSE_");
}
