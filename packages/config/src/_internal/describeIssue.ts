import type { z } from "zod";
import type { ConfigProblem } from "../ConfigValidationError/ConfigValidationError.ts";
import type { ConfigDocument, ConfigPath } from "../parseConfigText/parseConfigText.ts";
import { suggest } from "../suggest/suggest.ts";
import { pickBranch, type ZodIssueLike } from "./pickBranch.ts";
import { knownKeys, schemaAt, topKeys, unionOptionsAt } from "./schemaAt.ts";

/** A problem with the key it suggests, so that a misspelt key and the key it misses are reported once. */
export interface DescribedProblem extends ConfigProblem {
  readonly code: string;
  readonly suggestion?: string;
}

/** Where issues are described: the document, and the schema of the value at `base` (issue paths are relative to it). */
export interface IssueScope {
  readonly doc: ConfigDocument;
  readonly schema: z.ZodType;
  readonly base: ConfigPath;
}

/**
 * Turns one zod issue into problems located in the document. For a value that matches no option of a
 * union, it reports the problems of the option the value fits best (see `pickBranch`).
 */
export function describeIssue(scope: IssueScope, issue: ZodIssueLike): DescribedProblem[] {
  const { doc, schema } = scope;
  const rel = issue.path.filter((p): p is string | number => typeof p !== "symbol");
  const path = [...scope.base, ...rel];
  switch (issue.code) {
    case "unrecognized_keys": {
      const known = knownKeys(schemaAt(schema, rel));
      return (issue.keys ?? []).map((key) => {
        const guess = suggest(key, known.filter((k) => k !== key));
        const list = known.length > 0 && known.length <= 12 ? ` Known keys: ${known.join(", ")}.` : "";
        return {
          code: "unknown_key",
          path: [...path, key],
          location: doc.locate([...path, key], { key: true }),
          message: guess ? `unknown key "${key}" (did you mean "${guess}"?)` : `unknown key "${key}".${list}`,
          ...(guess ? { suggestion: guess } : {}),
        };
      });
    }
    case "invalid_type": {
      const missing = issue.input === undefined;
      return [
        {
          code: missing ? "missing_key" : "invalid_type",
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
          code: "invalid_value",
          path,
          location: doc.locate(path),
          message: `${describeValue(issue.input)} is not allowed here${guess ? ` (did you mean "${guess}"?)` : ""}; expected one of: ${values.join(", ")}`,
        },
      ];
    }
    case "invalid_union":
      return describeUnion(scope, issue, rel, path);
    default:
      return [{ code: issue.code, path, location: doc.locate(path), message: lowerFirst(issue.message) }];
  }
}

function describeUnion(scope: IssueScope, issue: ZodIssueLike, rel: ConfigPath, path: ConfigPath): DescribedProblem[] {
  const { doc } = scope;
  const branches = issue.errors ?? [];
  const options = unionOptionsAt(scope.schema, rel, branches.length);
  const keysOf = (i: number) => (options?.[i] ? topKeys(options[i]) : undefined);
  const pick = branches.length > 0 ? pickBranch(issue.input, branches, keysOf) : undefined;
  if (!pick) return [{ code: "no_matching_form", path, location: doc.locate(path), message: `${describeValue(issue.input)} does not match any allowed form` }];
  const option = options?.[pick.index];
  // With the option's schema, its issues are described against it (its keys, not every option's); without it,
  // against the whole schema at this path.
  const problems = branches[pick.index]!.flatMap((i) =>
    option ? describeIssue({ doc, schema: option, base: path }, i) : describeIssue(scope, { ...i, path: [...issue.path, ...i.path] }),
  );
  if (!options || typeof issue.input !== "object" || issue.input === null || Array.isArray(issue.input)) return problems;
  // A key of another option beside this option's keys: the two forms were mixed.
  const chosen = new Set(keysOf(pick.index) ?? []);
  const others = new Set(options.flatMap((_, i) => (i === pick.index ? [] : (keysOf(i) ?? []))));
  const used = Object.keys(issue.input).filter((k) => chosen.has(k));
  return problems.map((p) => {
    const key = p.path[path.length];
    if (p.code !== "unknown_key" || p.path.length !== path.length + 1 || typeof key !== "string" || !others.has(key) || used.length === 0) return p;
    const { suggestion: _, ...rest } = p;
    return { ...rest, code: "conflicting_keys", message: `"${key}" cannot be used together with ${used.map((k) => `"${k}"`).join(", ")}; each belongs to a different form` };
  });
}

/**
 * Drops "missing required key" where the same mapping has a misspelt key that suggests it: the misspelling
 * is the one problem.
 */
export function mergeMisspellings(problems: readonly DescribedProblem[]): DescribedProblem[] {
  const suggested = new Set(problems.filter((p) => p.suggestion !== undefined).map((p) => pathKey([...p.path.slice(0, -1), p.suggestion!])));
  return problems.filter((p) => !(p.code === "missing_key" && suggested.has(pathKey(p.path))));
}

function pathKey(path: ConfigPath): string {
  return JSON.stringify(path);
}

function lowerFirst(s: string): string {
  return s.length > 0 ? s[0]!.toLowerCase() + s.slice(1) : s;
}

/** `"abc"`, `number 3`, `a mapping`: a value as a message names it. */
export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (typeof value === "string") return `"${value.length > 40 ? `${value.slice(0, 40)}...` : value}"`;
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  return `${typeof value} ${String(value)}`;
}
