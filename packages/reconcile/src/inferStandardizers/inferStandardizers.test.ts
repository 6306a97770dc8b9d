import { describe, expect, test } from "vitest";
import { inferStandardizers, inferTimestampFields } from "./inferStandardizers.ts";

describe("inferStandardizers", () => {
  test("picks a standardizer per field from both sides", () => {
    const left = [
      { 手机: "+86 18668029671", email: "WU@SINA.COM", credit: "117,000.00", signup: "22-09-2022", city: "北京", code: "A1" },
      { 手机: "15894963798", email: "he@126.com", credit: "¥198,000.00", signup: "2024年1月10日", city: "上海", code: "B2" },
      { 手机: "0086 186 9946 2885", email: "xu@qq.com", credit: "388000.32", signup: "20201021", city: "深圳", code: "C3" },
    ];
    const right = [
      { mobile: "18668029671", email: "wu@sina.com", credit: 117000, signup: "2022-10-13T00:00:00.000Z", city: "北京", code: "A1" },
      { mobile: "15894963798", email: null, credit: 198000, signup: "2024-01-10T00:00:00.000Z", city: "上海", code: "B2" },
    ];
    expect(inferStandardizers(left, right, { map: { 手机: "mobile" } })).toEqual({
      手机: { phone: { country_code: "86" } },
      email: "email",
      credit: "number",
      signup: "date",
      city: "text",
      code: "text",
    });
  });

  test("limits itself to the fields asked for and copes with empty samples", () => {
    expect(inferStandardizers([{ a: "1", b: "x" }], [{ a: "2" }], { fields: ["a"] })).toEqual({ a: "number" });
    expect(inferStandardizers([], [], { fields: ["a"] })).toEqual({ a: "text" });
  });
});

describe("inferTimestampFields", () => {
  test.each([
    [["id", "updated_at"], ["id", "modified_at"], {}, { left: "updated_at", right: "modified_at" }],
    [["id", "last_sync"], ["id", "UpdatedAt"], {}, { left: "last_sync", right: "UpdatedAt" }],
    [["changed_on", "updated_at"], ["ts", "modified"], { updated_at: "ts" }, { left: "updated_at", right: "ts" }],
    [["id", "created_at"], ["id", "updated_at"], {}, undefined],
  ])("%j and %j", (left, right, map, expected) => {
    expect(inferTimestampFields(left, right, map)).toEqual(expected);
  });
});
