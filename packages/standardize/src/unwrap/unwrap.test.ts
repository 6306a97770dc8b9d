import { CleanseError, DataError, isCleanseError } from "@cleanse/core";
import { parseDecimal } from "@cleanse/values";
import { describe, expect, expectTypeOf, test } from "vitest";
import { standardizeDate } from "../standardizeDate/standardizeDate.ts";
import { standardizePhone } from "../standardizePhone/standardizePhone.ts";
import { StandardizeError, unwrap } from "./unwrap.ts";

/** The error `run` throws (undefined when it throws none). */
function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe("unwrap", () => {
  test("returns the value of a result that is ok", () => {
    expect(unwrap(standardizePhone("+86-138-1234-5678", { region: "CN", format: "digits" }))).toBe("13812345678");
    expect(unwrap(standardizeDate("2023/01/01"))).toBe("2023-01-01");
  });

  test("returns null for empty input, as the result does", () => {
    expect(unwrap(standardizeDate(""))).toBeNull();
    expect(unwrap(standardizeDate(null))).toBeNull();
  });

  test("unwraps the results of the value kernel too", () => {
    expect(unwrap(parseDecimal("1,234.5", { scale: 2 }))).toBe("1234.50");
  });

  test("is typed as the success value, so the short form needs no narrowing", () => {
    expectTypeOf(unwrap(standardizePhone("+8613812345678"))).toEqualTypeOf<string | null>();
    expectTypeOf(unwrap<number, undefined>({ ok: true, value: 1, changed: false })).toEqualTypeOf<number | null>();
  });

  test("throws a StandardizeError carrying the issue for a result that is not ok", () => {
    const result = standardizeDate("01/02/2023");
    const error = thrown(() => unwrap(result));
    expect(error).toBeInstanceOf(StandardizeError);
    expect(error).toBeInstanceOf(DataError);
    expect(error).toBeInstanceOf(CleanseError);
    expect(isCleanseError(error)).toBe(true);
    expect(error).toMatchObject({ name: "StandardizeError", code: "CLEANSE_STANDARDIZE_FAILED", issue: { code: "ambiguous_date", value: "01/02/2023" } });
    expect((error as StandardizeError).issue).toBe(result.ok ? undefined : result.issue);
  });

  test("says what was wrong and what to do", () => {
    expect(() => unwrap(standardizeDate("2023-02-30"))).toThrowErrorMatchingInlineSnapshot(
      `[StandardizeError: Impossible date "2023-02-30": February 2023 has 28 days.]`,
    );
    const error = thrown(() => unwrap(standardizePhone("12345", { region: "CN" }))) as StandardizeError;
    expect(error.hint).toMatchInlineSnapshot(`"Check result.ok instead of unwrapping where bad data is expected (issue code invalid_phone)."`);
  });
});
