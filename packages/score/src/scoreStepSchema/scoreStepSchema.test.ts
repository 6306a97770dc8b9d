import { describe, expect, test } from "vitest";
import { scoreStepSchema } from "./scoreStepSchema.ts";

describe("scoreStepSchema", () => {
  test("accepts no options at all", () => {
    expect(scoreStepSchema.parse(null)).toEqual({});
    expect(scoreStepSchema.parse(undefined)).toEqual({});
  });

  test("accepts weights, breakdown, field, bins and checks", () => {
    const options = {
      weights: { dimensions: { completeness: 2 }, fields: { email: 0 }, severities: { warning: 0.25 } },
      breakdown: true,
      field: "quality",
      bins: 20,
      checks: [{ rule: "csv-shape", dimension: "validity", severity: "error" }],
    };
    expect(scoreStepSchema.parse(options)).toEqual(options);
  });

  test.each([
    [{ weights: { dimensions: { completeness: -1 } } }, "weights.dimensions.completeness"],
    [{ weights: { severities: { fatal: 1 } } }, "weights.severities"],
    [{ bins: 3 }, "bins"],
    [{ breakdwn: true }, ""],
    [{ checks: [{ rule: "x" }] }, "checks.0.dimension"],
  ])("rejects %j", (options, path) => {
    const r = scoreStepSchema.safeParse(options);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path.join(".")).toBe(path);
  });
});
