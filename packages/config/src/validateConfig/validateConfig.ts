import type { z } from "zod";
import { ConfigValidationError } from "../ConfigValidationError/ConfigValidationError.ts";
import { describeIssue, mergeMisspellings, type DescribedProblem } from "../_internal/describeIssue.ts";
import type { ZodIssueLike } from "../_internal/pickBranch.ts";
import type { ConfigDocument, ConfigPath } from "../parseConfigText/parseConfigText.ts";

/** Options of {@link validateConfig}. */
export interface ValidateConfigOptions {
  /** Validate the value at this path instead of the whole document. */
  readonly at?: ConfigPath;
}

/**
 * Validates a parsed document (or part of it) against a zod schema, reporting every problem with its
 * file:line:column and a "did you mean" hint for misspelt keys and values. A value that matches no option
 * of a union gets the problems of the option it fits best (the one that accepts most of its keys, then the
 * one with the fewest problems), nested keys included.
 * @param doc - the parsed document
 * @param schema - the zod schema
 * @param options - `at`: validate only the value at this path
 * @returns the parsed, typed value
 * @throws ConfigValidationError (`CLEANSE_CONFIG_INVALID`), its problems in file order
 * @example
 * validateConfig(parseConfigText("sorce: a.csv", { file: "job.yaml" }), z.strictObject({ source: z.string() }))
 * // throws: job.yaml:1:1: unknown key "sorce" (did you mean "source"?)
 */
export function validateConfig<S extends z.ZodType>(doc: ConfigDocument, schema: S, options: ValidateConfigOptions = {}): z.output<S> {
  const at = options.at ?? [];
  const value = valueAt(doc.value, at);
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return result.data;
  const described: DescribedProblem[] = [];
  for (const issue of result.error.issues) described.push(...describeIssue({ doc, schema, base: at }, issue as ZodIssueLike));
  const problems = mergeMisspellings(described).map(({ suggestion: _, ...problem }) => problem);
  problems.sort((a, b) => (a.location.line ?? 0) - (b.location.line ?? 0) || (a.location.column ?? 0) - (b.location.column ?? 0));
  throw new ConfigValidationError(doc.file, problems);
}

/**
 * Builds a ConfigError pointing at a node of a document.
 * @param doc - the document
 * @param path - the node's path
 * @param message - what is wrong
 * @param options - `hint`, `key` (point at the key rather than the value), `code` (the problem's code, default `invalid`)
 * @returns the error, to throw
 * @example
 * throw configError(doc, ["fields", "email", 0], 'unknown rule "emial" (did you mean "email"?)');
 */
export function configError(
  doc: ConfigDocument,
  path: ConfigPath,
  message: string,
  options: { readonly hint?: string; readonly key?: boolean; readonly code?: string } = {},
): ConfigValidationError {
  const location = doc.locate(path, { key: options.key ?? false });
  return new ConfigValidationError(doc.file, [
    { path, location, message: options.hint ? `${message}. ${options.hint}` : message, ...(options.code ? { code: options.code } : {}) },
  ]);
}

function valueAt(value: unknown, path: ConfigPath): unknown {
  let v = value;
  for (const seg of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<string | number, unknown>)[seg];
  }
  return v;
}
