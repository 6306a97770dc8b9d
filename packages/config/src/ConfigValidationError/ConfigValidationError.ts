import { ConfigError, formatLocation, type SourceLocation } from "@cleanse/core";
import type { ConfigPath } from "../parseConfigText/parseConfigText.ts";

/** One problem found in a configuration file. */
export interface ConfigProblem {
  /** Where it is in the value: keys and indexes. */
  readonly path: ConfigPath;
  /** Where it is in the file: `{ file, line, column }`. */
  readonly location: SourceLocation;
  readonly message: string;
  /**
   * What kind of problem: `unknown_key`, `missing_key`, `invalid_type`, `invalid_value`, `no_matching_form`,
   * `conflicting_keys`, another zod issue code (`too_small`), one a loader chose (`unknown_step`), or the code
   * of the error the problem came from (`CLEANSE_FILE_NOT_FOUND`). Defaults to `invalid`.
   */
  readonly code?: string;
}

/** How many problems the message lists; `problems` has them all. */
const LISTED = 50;

/**
 * A configuration file with one or more problems (`CLEANSE_CONFIG_INVALID`). Its message lists them one a
 * line as `file:line:column: message` (the first 50, then "... and N more"); `problems` has them all, each
 * with a `code`.
 * @example
 * new ConfigValidationError("job.yaml", [{ path: ["sorce"], location: { file: "job.yaml", line: 1, column: 1 }, message: 'unknown key "sorce"' }]).message
 * //=> 'job.yaml has a problem:\n  job.yaml:1:1: unknown key "sorce"'
 */
export class ConfigValidationError extends ConfigError {
  readonly problems: readonly (ConfigProblem & { readonly code: string })[];
  /**
   * @param file - the file, as the header names it
   * @param problems - in the order to list them (usually by line)
   */
  constructor(file: string, problems: readonly ConfigProblem[]) {
    const lines = problems.slice(0, LISTED).map((p) => `  ${formatLocation(p.location)}: ${p.message}`);
    if (problems.length > LISTED) lines.push(`  ... and ${problems.length - LISTED} more`);
    super(`${file} has ${problems.length === 1 ? "a problem" : `${problems.length} problems`}:\n${lines.join("\n")}`, {
      code: "CLEANSE_CONFIG_INVALID",
      ...(problems[0] ? { location: problems[0].location } : {}),
    });
    this.problems = problems.map((p) => (p.code === undefined ? { ...p, code: "invalid" } : (p as ConfigProblem & { code: string })));
  }
}
