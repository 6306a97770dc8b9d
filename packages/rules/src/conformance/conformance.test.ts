import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import * as api from "../index.ts";
// @ts-expect-error: a plain ESM script, shared with the command that rewrites docs/conformance.md
import { DEFINITIONS, MAPPING, REPORT, renderConformance, runConformance } from "../../scripts/conformance.mjs";

type Result = { expectation: string; title: string; status: "pass" | "fail" | "inapplicable"; reason?: string };

describe("Great Expectations conformance", () => {
  const results: Result[] = runConformance(api, DEFINITIONS);
  const applicable = results.filter((r) => r.status !== "inapplicable");
  const passed = applicable.filter((r) => r.status === "pass");

  test("runs all 569 cases of the copied suite", () => {
    expect(results).toHaveLength(569);
  });

  test("passes at least 95% of the applicable cases", () => {
    expect(applicable.length).toBeGreaterThan(400);
    expect(passed.length / applicable.length).toBeGreaterThanOrEqual(0.95);
  });

  test("maps every expectation behind the catalogue's checks", () => {
    const mapped = Object.keys(MAPPING as Record<string, unknown>);
    for (const name of [
      "expect_column_values_to_not_be_null",
      "expect_column_values_to_be_of_type",
      "expect_column_values_to_be_unique",
      "expect_compound_columns_to_be_unique",
      "expect_column_values_to_be_in_set",
      "expect_column_values_to_not_be_in_set",
      "expect_column_values_to_match_regex",
      "expect_column_values_to_not_match_regex",
      "expect_column_value_lengths_to_be_between",
      "expect_column_values_to_be_between",
      "expect_column_values_to_match_strftime_format",
      "expect_column_values_to_be_increasing",
      "expect_table_row_count_to_be_between",
      "expect_column_unique_value_count_to_be_between",
      "expect_column_min_to_be_between",
      "expect_column_max_to_be_between",
      "expect_column_mean_to_be_between",
      "expect_column_sum_to_be_between",
    ]) {
      expect(mapped).toContain(name);
    }
  });

  test("docs/conformance.md is up to date (regenerate with packages/rules/scripts/conformance.mjs)", () => {
    expect(readFileSync(REPORT, "utf8")).toBe(renderConformance(results));
  });
});
