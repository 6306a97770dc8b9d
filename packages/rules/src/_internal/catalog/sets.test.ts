import { describe, expect, test } from "vitest";
import { accepts, issuesPerValue } from "../testing.ts";

describe("set rules", () => {
  test.each([
    [{ in: ["active", "inactive"] }, ["active", "inactive"], ["Active", "deleted", 1]],
    [{ in: { values: ["cn", "us"], ignore_case: true } }, ["CN", "us"], ["de"]],
    [{ in: [1, 2, 3] }, [1, "2", "3.0", 3], [4, "4", "one"]],
    [{ in: [true] }, [true, "true"], [false]],
    [{ not_in: ["test@test.com", "n/a"] }, ["a@b.com"], ["n/a", "test@test.com"]],
    [{ not_in: [0] }, [1, "1"], [0, "0", "0.0"]],
    [{ in: [0.3, 12] }, [0.3, "0.3", "0.30", "1.2e1"], ["0.30000000000000001", 0.30000000000000004, "12.000000000000001", "1,2"]],
  ])("%j accepts %j and refuses %j", (rule, valid, invalid) => {
    expect(accepts(rule, valid)).toEqual(valid.map(() => true));
    expect(accepts(rule, invalid)).toEqual(invalid.map(() => false));
  });

  test("lists the allowed values in the message", () => {
    expect(issuesPerValue({ in: ["a", "b"] }, ["c"])[0]?.[0]?.message).toBe('"c" is not one of "a", "b"');
  });
});
