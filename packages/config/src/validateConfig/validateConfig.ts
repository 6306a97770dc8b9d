import { ConfigError, formatLocation, type SourceLocation } from "@cleanse/core";
import { z } from "zod";
import type { ConfigDocument, ConfigPath } from "../parseConfigText/parseConfigText.ts";
import { suggest } from "../suggest/suggest.ts";

/** One problem found in a configuration file. */
export interface ConfigProblem {
  readonly path: ConfigPath;
  readonly location: SourceLocation;
  readonly message: string;
}

/** A configuration file with one or more problems; `problems` lists them all, in file order. */
export class ConfigValidationError extends ConfigError {
  readonly problems: readonly ConfigProblem[];
  constructor(file: string, problems: readonly ConfigProblem[]) {
    const lines = problems.map((p) => `  ${formatLocation(p.location)}: ${p.message}`);
    super(`${file} has ${problems.length === 1 ? "a problem" : `${problems.length} problems`}:\n${lines.join("\n")}`, {
      code: "CLEANSE_CONFIG_INVALID",
      ...(problems[0] ? { location: problems[0].location } : {}),
    });
    this.problems = problems;
  }
}

/** Options of {@link validateConfig}. */
export interface ValidateConfigOptions {
  /** Validate the value at this path instead of the whole document. */
  readonly at?: ConfigPath;
}

/**
 * Validates a parsed document (or part of it) against a zod schema, reporting every problem with its
 * file:line:column and a "did you mean" hint for misspelt keys and values.
 * @param doc - the parsed document
 * @param schema - the zod schema
 * @param options - `at`: validate only the value at this path
 * @returns the parsed, typed value
 * @throws ConfigValidationError (`CLEANSE_CONFIG_INVALID`)
 * @example
 * validateConfig(parseConfigText("sorce: a.csv", { file: "job.yaml" }), z.strictObject({ source: z.string() }))
 * // throws: job.yaml:1:1: unknown key "sorce" (did you mean "source"?)
 */
export function validateConfig<S extends z.ZodType>(doc: ConfigDocument, schema: S, options: ValidateConfigOptions = {}): z.output<S> {
  const at = options.at ?? [];
  const value = valueAt(doc.value, at);
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return result.data;
  const problems: ConfigProblem[] = [];
  for (const issue of result.error.issues) problems.push(...describeIssue(doc, schema, at, issue as ZodIssueLike));
  problems.sort((a, b) => (a.location.line ?? 0) - (b.location.line ?? 0) || (a.location.column ?? 0) - (b.location.column ?? 0));
  throw new ConfigValidationError(doc.file, problems);
}

/**
 * Builds a ConfigError pointing at a node of a document.
 * @param doc - the document
 * @param path - the node's path
 * @param message - what is wrong
 * @param options - `hint`, `key` (point at the key rather than the value)
 * @returns the error, to throw
 * @example
 * throw configError(doc, ["fields", "email", 0], 'unknown rule "emial" (did you mean "email"?)');
 */
export function configError(
  doc: ConfigDocument,
  path: ConfigPath,
  message: string,
  options: { readonly hint?: string; readonly key?: boolean } = {},
): ConfigValidationError {
  const location = doc.locate(path, { key: options.key ?? false });
  return new ConfigValidationError(doc.file, [{ path, location, message: options.hint ? `${message}. ${options.hint}` : message }]);
}

interface ZodIssueLike {
  readonly code: string;
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly keys?: readonly string[];
  readonly expected?: string;
  readonly input?: unknown;
  readonly values?: readonly unknown[];
  readonly errors?: readonly (readonly ZodIssueLike[])[];
}

function describeIssue(doc: ConfigDocument, schema: z.ZodType, at: ConfigPath, issue: ZodIssueLike): ConfigProblem[] {
  const rel = issue.path.filter((p): p is string | number => typeof p !== "symbol");
  const path = [...at, ...rel];
  switch (issue.code) {
    case "unrecognized_keys": {
      const known = knownKeys(schemaAt(schema, rel));
      return (issue.keys ?? []).map((key) => {
        const guess = suggest(key, known);
        const list = known.length > 0 && known.length <= 12 ? ` Known keys: ${known.join(", ")}.` : "";
        return {
          path: [...path, key],
          location: doc.locate([...path, key], { key: true }),
          message: `unknown key "${key}"${guess ? ` (did you mean "${guess}"?)` : `.${list}`}`.replace(/\.\.$/, "."),
        };
      });
    }
    case "invalid_type": {
      const missing = issue.input === undefined;
      return [
        {
          path,
          location: doc.locate(path, { key: missing }),
          message: missing ? `missing required key "${String(rel[rel.length - 1] ?? "")}"` : `expected ${issue.expected}, received ${describeValue(issue.input)}`,
        },
      ];
    }
    case "invalid_value": {
      const values = (issue.values ?? []).map(String);
      const guess = typeof issue.input === "string" ? suggest(issue.input, values) : undefined;
      return [
        {
          path,
          location: doc.locate(path),
          message: `${describeValue(issue.input)} is not allowed here${guess ? ` (did you mean "${guess}"?)` : ""}; expected one of: ${values.join(", ")}`,
        },
      ];
    }
    case "invalid_union": {
      // Report the branch that got furthest: the one whose issues have the longest paths.
      const branches = issue.errors ?? [];
      let best: readonly ZodIssueLike[] | undefined;
      let bestDepth = -1;
      for (const branch of branches) {
        const depth = Math.max(...branch.map((i) => (i.code === "invalid_type" && i.path.length === 0 ? -1 : i.path.length)));
        if (depth > bestDepth) {
          bestDepth = depth;
          best = branch;
        }
      }
      if (best && bestDepth > 0) {
        return best.flatMap((i) => describeIssue(doc, schema, at, { ...i, path: [...issue.path, ...i.path] }));
      }
      return [{ path, location: doc.locate(path), message: `${describeValue(issue.input)} does not match any allowed form` }];
    }
    default:
      return [{ path, location: doc.locate(path), message: lowerFirst(issue.message) }];
  }
}

function lowerFirst(s: string): string {
  return s.length > 0 ? s[0]!.toLowerCase() + s.slice(1) : s;
}

function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (typeof value === "string") return `"${value.length > 40 ? `${value.slice(0, 40)}...` : value}"`;
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  return `${typeof value} ${String(value)}`;
}

function valueAt(value: unknown, path: ConfigPath): unknown {
  let v = value;
  for (const seg of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<string | number, unknown>)[seg];
  }
  return v;
}

type AnyDef = { type?: string; innerType?: z.ZodType; in?: z.ZodType; element?: z.ZodType; valueType?: z.ZodType; options?: readonly z.ZodType[]; getter?: () => z.ZodType; shape?: Record<string, z.ZodType> };

function defOf(schema: z.ZodType): AnyDef {
  return (schema as unknown as { _zod: { def: AnyDef } })._zod.def;
}

function unwrap(schema: z.ZodType): z.ZodType[] {
  const def = defOf(schema);
  switch (def.type) {
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "readonly":
    case "catch":
    case "nonoptional":
      return def.innerType ? unwrap(def.innerType) : [schema];
    case "pipe":
      return def.in ? unwrap(def.in) : [schema];
    case "lazy":
      return def.getter ? unwrap(def.getter()) : [schema];
    case "union":
      return (def.options ?? []).flatMap(unwrap);
    default:
      return [schema];
  }
}

function schemaAt(schema: z.ZodType, path: readonly (string | number)[]): z.ZodType[] {
  let current = unwrap(schema);
  for (const seg of path) {
    const next: z.ZodType[] = [];
    for (const s of current) {
      const def = defOf(s);
      if (def.type === "object") {
        const child = (s as unknown as { shape: Record<string, z.ZodType> }).shape[String(seg)];
        if (child) next.push(...unwrap(child));
      } else if (def.type === "array" && def.element) next.push(...unwrap(def.element));
      else if (def.type === "record" && def.valueType) next.push(...unwrap(def.valueType));
    }
    current = next;
  }
  return current;
}

function knownKeys(schemas: readonly z.ZodType[]): string[] {
  const keys = new Set<string>();
  for (const s of schemas) {
    if (defOf(s).type === "object") for (const k of Object.keys((s as unknown as { shape: object }).shape)) keys.add(k);
  }
  return [...keys];
}
