import { ConfigError, plural, type SourceLocation } from "@cleanse/core";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { dedupeConfigSchema, type DedupeConfig } from "./dedupeConfigSchema.ts";

/** Options of {@link parseDedupeConfig}. */
export interface ParseDedupeConfigOptions {
  /** File the configuration came from, for error locations. */
  readonly file?: string;
}

/**
 * Validates a dedupe configuration given as plain data or as YAML/JSON text.
 * Throws a `ConfigError` (code `CLEANSE_DEDUPE_BAD_CONFIG`) that names every invalid path.
 * @param input - a configuration object, or YAML/JSON text
 * @param options - the file name for error messages
 * @returns the validated configuration
 * @example
 * parseDedupeConfig("blocking: { rules: [{ type: key, on: [dob] }] }\ncomparisons: [{ field: name, type: jaroWinkler }]").comparisons.length //=> 1
 */
export function parseDedupeConfig(input: unknown, options: ParseDedupeConfigOptions = {}): DedupeConfig {
  let data: unknown = input;
  if (typeof input === "string") {
    try {
      data = parseYaml(input);
    } catch (error) {
      throw new ConfigError(`Cannot read the dedupe configuration: ${(error as Error).message}`, {
        code: "CLEANSE_DEDUPE_BAD_CONFIG",
        cause: error,
        ...location(options),
      });
    }
  }
  const result = dedupeConfigSchema.safeParse(data);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.length === 0 ? "(root)" : i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Invalid dedupe configuration: expected the documented shape, received ${plural(problems.length, "problem")}: ${problems.join("; ")}`, {
      code: "CLEANSE_DEDUPE_BAD_CONFIG",
      hint: "Run autoConfigure (cleanse dedupe --print-config) for a valid starting point.",
      ...location(options),
    });
  }
  return result.data;
}

function location(options: ParseDedupeConfigOptions): { location?: SourceLocation } {
  return options.file === undefined ? {} : { location: { file: options.file } };
}

/**
 * JSON Schema of the dedupe configuration, for editors and job-file validation.
 * @returns a JSON Schema (draft 2020-12) object
 * @example
 * dedupeConfigJsonSchema().type //=> "object"
 */
export function dedupeConfigJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(dedupeConfigSchema, { unrepresentable: "any" }) as Record<string, unknown>;
}
