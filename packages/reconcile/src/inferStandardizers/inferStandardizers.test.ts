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
      手机: { phone: { region: "CN" } },
      email: "email",
      credit: "number",
      signup: { date: { order: "dmy" } },
      city: "text",
      code: "text",
    });
  });

  test("limits itself to the fields asked for and copes with empty samples", () => {
    expect(inferStandardizers([{ a: "1", b: "x" }], [{ a: "2" }], { fields: ["a"] })).toEqual({ a: "number" });
    expect(inferStandardizers([], [], { fields: ["a"] })).toEqual({ a: "text" });
  });

  test("reads the order of day and month from each side's own unambiguous dates", () => {
    const dmy = [{ d: "25/12/2023" }, { d: "01/02/2023" }];
    const mdy = [{ d: "12/25/2023" }, { d: "01/02/2023" }];
    const iso = [{ d: "2023-02-01" }, { d: "2023-12-25" }];
    const undecided = [{ d: "01/02/2023" }, { d: "03/04/2023" }];
    expect(inferStandardizers(dmy, iso).d).toEqual({ date: { order: "dmy" } });
    expect(inferStandardizers(iso, mdy).d).toEqual({ date: { order: "mdy" } });
    expect(inferStandardizers(dmy, dmy).d).toEqual({ date: { order: "dmy" } });
    // The sides disagree, or one side has ambiguous dates and says nothing about its order: no guess.
    expect(inferStandardizers(dmy, mdy).d).toBe("date");
    expect(inferStandardizers(dmy, undecided).d).toBe("date");
    expect(inferStandardizers(iso, iso).d).toBe("date");
  });

  test("takes the phone region from the numbers written with a country code", () => {
    const left = [{ tel: "+44 20 7946 0958" }, { tel: "020 7946 0959" }, { tel: "07700 900123" }];
    const right = [{ tel: "020 7946 0958" }, { tel: "+44 7700 900123" }];
    expect(inferStandardizers(left, right)).toEqual({ tel: { phone: { region: "GB" } } });
    // Without a country code anywhere the region is unknown, so national numbers cannot be read as phones.
    expect(inferStandardizers([{ tel: "020 7946 0958" }], [{ tel: "020 7946 0959" }])).toEqual({ tel: "text" });
  });

  test("classifies values the way the value kernel reads them", () => {
    const left = [
      { mail: "HE3479@126.COM", amount: "￥1,000", day: "2023年1月1日", code: "1,234" },
      { mail: "mailto:x@y.com", amount: "1.234,5", day: "Jan 2, 2023", code: "2,345" },
      { mail: "wu@sina.com", amount: "(12.50)", day: "20230103", code: "3,456" },
    ];
    expect(inferStandardizers(left, left)).toEqual({ mail: "email", amount: "number", day: "date", code: "text" });
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
