import { describe, expect, test } from "vitest";
import * as api from "./index.ts";

describe("@cleanse/standardize", () => {
  test("exports every standardizer and the step by name, and nothing of other packages", () => {
    expect(Object.keys(api).sort()).toEqual([
      "StandardizeError",
      "builtInDictionaries",
      "countryDictionary",
      "createDateStandardizer",
      "createDecimalStandardizer",
      "createPhoneStandardizer",
      "createStandardizeStep",
      "genderDictionary",
      "loadDictionary",
      "mapValues",
      "repairMojibake",
      "standardizeDate",
      "standardizeDecimal",
      "standardizeEmail",
      "standardizePhone",
      "standardizeStepSchema",
      "standardizeText",
      "unwrap",
    ]);
  });

  test("standardizes through the value kernel: one reading of a date in both packages", async () => {
    const values = await import("@cleanse/values");
    for (const text of ["01/02/2023", "2023年1月1日", "31/01/2023", "2023-02-30"]) {
      expect(api.standardizeDate(text)).toEqual(values.parseDate(text));
    }
  });
});
