import { describe, expect, test } from "vitest";
import { z } from "zod";
import { pickBranch, type ZodIssueLike } from "./pickBranch.ts";

/** The issues zod reports per option when `input` matches none of `options`. */
function branches(options: readonly z.ZodType[], input: unknown): (readonly ZodIssueLike[])[] {
  const result = z.union(options as [z.ZodType, z.ZodType, ...z.ZodType[]]).safeParse(input, { reportInput: true });
  const issue = result.error?.issues[0] as ZodIssueLike | undefined;
  if (issue?.code !== "invalid_union") throw new Error(`expected an invalid_union issue, got ${JSON.stringify(issue)}`);
  return issue.errors!.map((b) => [...b]);
}

const kinds = ["date", "phone", "text"] as const;
const forms = [z.enum(kinds), ...kinds.map((k) => z.strictObject({ [k]: z.strictObject({ region: z.string().optional() }).nullable() }))];
const keysOf = (i: number) => (i === 0 ? undefined : [kinds[i - 1]!]);

describe("pickBranch", () => {
  test("picks the mapping form whose required key a misspelt key resembles", () => {
    const input = { phon: {} };
    expect(pickBranch(input, branches(forms, input), keysOf)).toEqual({ index: 2, fit: { matched: 1, problems: 1, first: 1 } });
  });

  test("picks the form that accepts the most keys", () => {
    const shapes = [
      z.strictObject({ alpha: z.string(), beta: z.string() }),
      z.strictObject({ alpha: z.string(), gamma: z.number(), delta: z.string() }),
    ];
    // the first accepts alpha (gamma unknown, beta missing), the second alpha and gamma (gamma's type, delta missing)
    const input = { alpha: "x", gamma: "y" };
    expect(pickBranch(input, branches(shapes, input))).toEqual({ index: 1, fit: { matched: 2, problems: 2, first: 0 } });
  });

  test("among forms that accept as many keys, picks the one with the fewest problems", () => {
    const shapes = [z.strictObject({ a: z.string(), b: z.string(), c: z.string() }), z.strictObject({ a: z.string(), b: z.string() })];
    const input = { a: "x", b: 1 };
    expect(pickBranch(input, branches(shapes, input))).toEqual({ index: 1, fit: { matched: 2, problems: 1, first: 0 } });
  });

  test("never picks a form of another type: a string goes to the list of names, not to a mapping", () => {
    expect(pickBranch("phon", branches(forms, "phon"), keysOf)).toEqual({ index: 0, fit: { matched: 0, problems: 1, first: 0 } });
  });

  test("finds no form for a value whose type no option has", () => {
    expect(pickBranch(3, branches(forms, 3), keysOf)).toBeUndefined();
  });

  test("a tie goes to the form of the key written first", () => {
    const input = { text: null, date: null };
    expect(pickBranch(input, branches(forms, input), keysOf)?.index).toBe(3);
  });

  test("looks into a union inside a union", () => {
    const outer = [z.union(forms as unknown as [z.ZodType, z.ZodType]), z.array(z.string())];
    const input = { phon: {} };
    expect(pickBranch(input, branches(outer, input))).toMatchObject({ index: 0, fit: { matched: 1, problems: 1 } });
  });
});
