import { describe, expect, test } from "vitest";
import { ConfigValidationError } from "./ConfigValidationError.ts";

describe("ConfigValidationError", () => {
  test("lists the first 50 problems and says how many more there are, and keeps them all", () => {
    const problems = Array.from({ length: 53 }, (_, i) => ({
      path: [`k${i}`],
      location: { file: "job.yaml", line: i + 1, column: 1 },
      message: `unknown key "k${i}"`,
    }));
    const error = new ConfigValidationError("job.yaml", problems);
    const lines = error.message.split("\n");
    expect(lines[0]).toBe("job.yaml has 53 problems:");
    expect(lines.slice(-2)).toEqual(['  job.yaml:50:1: unknown key "k49"', "  ... and 3 more"]);
    expect(error.problems).toHaveLength(53);
    expect(error.problems[0]).toEqual({ ...problems[0], code: "invalid" });
    expect(error).toMatchObject({ code: "CLEANSE_CONFIG_INVALID", location: { file: "job.yaml", line: 1, column: 1 } });
  });
});
