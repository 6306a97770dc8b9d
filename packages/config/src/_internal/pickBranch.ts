import { suggest } from "../suggest/suggest.ts";

/** The parts of a zod issue that configuration messages use. */
export interface ZodIssueLike {
  readonly code: string;
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly keys?: readonly string[];
  readonly expected?: string;
  readonly input?: unknown;
  readonly values?: readonly unknown[];
  readonly errors?: readonly (readonly ZodIssueLike[])[];
}

/** How well a value fits one option of a union. */
export interface BranchFit {
  /** Keys of the value the option accepts; a misspelt key next to the required key it resembles counts too. */
  readonly matched: number;
  /** Problems left; a misspelt key and the missing key it resembles count once. */
  readonly problems: number;
  /** Position, in the value's keys, of the first key the option accepts (ties go to the form the value names first). */
  readonly first: number;
}

/**
 * Picks the option of a union that a value was most likely meant to be, from the issues zod reported for
 * each option (paths relative to the union). An option whose type differs from the value's (a string for a
 * mapping) is never picked; among the others, the one that accepts the most of the value's keys wins, then
 * the one with the fewest problems, then the one whose first accepted key comes first, then the first.
 * @param input - the value that matched no option
 * @param branches - zod's issues per option, in the union's order
 * @param keysOf - the keys option `i` accepts, when its schema is known
 * @returns the index of the option and how well it fits, or undefined when no option has the value's type
 */
export function pickBranch(
  input: unknown,
  branches: readonly (readonly ZodIssueLike[])[],
  keysOf: (index: number) => readonly string[] | undefined = () => undefined,
): { readonly index: number; readonly fit: BranchFit } | undefined {
  let best: { index: number; fit: BranchFit } | undefined;
  for (const [index, issues] of branches.entries()) {
    const fit = fitOf(input, issues, keysOf(index));
    if (fit && (!best || better(fit, best.fit))) best = { index, fit };
  }
  return best;
}

function better(a: BranchFit, b: BranchFit): boolean {
  if (a.matched !== b.matched) return a.matched > b.matched;
  if (a.problems !== b.problems) return a.problems < b.problems;
  return a.first < b.first;
}

function fitOf(input: unknown, issues: readonly ZodIssueLike[], keys: readonly string[] | undefined): BranchFit | undefined {
  const only = issues.length === 1 ? issues[0]! : undefined;
  // A union inside a union: as good as its best option.
  if (only && only.code === "invalid_union" && only.path.length === 0) return only.errors?.length ? pickBranch(input, only.errors)?.fit : undefined;
  if (issues.some((i) => i.path.length === 0 && isTypeMismatch(i, input))) return undefined;
  const own = isMapping(input) ? Object.keys(input) : [];
  const unknown = issues.filter((i) => i.code === "unrecognized_keys" && i.path.length === 0).flatMap((i) => i.keys ?? []);
  const missing = issues.filter((i) => i.code === "invalid_type" && i.path.length === 1 && i.input === undefined).map((i) => String(i.path[0]));
  const typos = unknown.filter((k) => suggest(k, missing) !== undefined).length;
  const accepted = own.map((k, i) => ({ k, i })).filter(({ k }) => (keys ? keys.includes(k) : !unknown.includes(k)));
  const problems = issues.reduce((n, i) => n + (i.code === "unrecognized_keys" ? Math.max(1, i.keys?.length ?? 0) : 1), 0) - typos;
  return { matched: accepted.length + typos, problems, first: accepted[0]?.i ?? own.length };
}

/** The issue says the value has the wrong type for this option altogether, not that a part of it is wrong. */
function isTypeMismatch(issue: ZodIssueLike, input: unknown): boolean {
  if (issue.code === "invalid_type") return input !== undefined;
  if (issue.code === "invalid_value") return !(issue.values ?? []).some((v) => typeof v === typeof input && (v === null) === (input === null));
  return false;
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
