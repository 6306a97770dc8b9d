import { describe, expect, test } from "vitest";
import { parseIsoDateTime } from "../isoDates/isoDates.ts";
import { parseDate } from "../parseDate/parseDate.ts";
import { parseDecimal } from "../parseDecimal/parseDecimal.ts";
import { parseEmail } from "../parseEmail/parseEmail.ts";
import { parsePhone } from "../parsePhone/parsePhone.ts";
import { classifyValue, createValueClassifier, KIND_BITS, kindsOf, type ValueKind } from "./classifyValue.ts";

const kinds = (value: unknown, options?: Parameters<typeof classifyValue>[1]): ValueKind[] => kindsOf(classifyValue(value, options).kinds);

describe("classifyValue", () => {
  test.each([
    ["123", ["integer", "number"]],
    ["-12.50", ["number"]],
    [".5", ["number"]],
    ["1e3", ["number"]],
    ["007", []],
    ["00.5", []],
    ["510107197902253157", []],
    ["9007199254740991", ["integer", "number"]],
    ["9007199254740992", []],
    ["13812345678", ["integer", "number"]],
    ["+86 138 1234 5678", ["phone"]],
    ["(+86)15894963798", ["phone"]],
    ["+44 20 7946 0958", ["phone"]],
    ["008618699462885", []],
    ["010-12345678", []],
    ["2024-01-31", ["date"]],
    ["2024-02-30", []],
    ["20240131", ["integer", "number", "date"]],
    ["20241331", ["integer", "number"]],
    ["31/01/2024", ["date"]],
    ["03-04-2024", ["date"]],
    ["01/02/23", []],
    ["2023", ["integer", "number"]],
    ["2023年1月1日", ["date"]],
    ["Jan 1, 2023", ["date"]],
    ["2022-10-13T00:00:00.000Z", ["datetime"]],
    ["2024-05-01 08:30", ["datetime"]],
    ["01/02/2023 10:20", ["datetime"]],
    ["li.wei@example.cn", ["email"]],
    ["123@qq.com", ["email"]],
    ["HE3479@126.COM", ["email"]],
    ["li.wei@", []],
    ["a@b", []],
    ["https://example.cn/a?b=1", ["url"]],
    ["6ba7b810-9dad-11d1-80b4-00c04fd430c8", ["uuid"]],
    ["TRUE", ["boolean"]],
    ["是", ["boolean"]],
    ["F", []],
    ["张伟", []],
    ["  ", []],
    ["", []],
  ] as const)("%s is %j", (text, expected) => {
    expect(kinds(text)).toEqual(expected);
  });

  test.each([
    ["13812345678", ["integer", "number", "phone"]],
    ["138 1234 5678", ["phone"]],
    ["008618699462885", ["phone"]],
    ["010-12345678", ["phone"]],
    ["010-12345678 转 8001", ["phone"]],
    ["(415) 415-1627", []],
    ["+1 415 415 1627", ["phone"]],
    ["20240131", ["integer", "number", "date"]],
    ["1000", ["integer", "number"]],
    ["2500.50", ["number"]],
  ] as const)("with region CN, %s is %j", (text, expected) => {
    expect(kinds(text, { region: "CN" })).toEqual(expected);
  });

  test("reads a phone region given as a country name, and refuses one that names no country", () => {
    expect(classifyValue("13812345678", { region: "China" })).toMatchObject({ phone: "+8613812345678", phoneRegion: "CN" });
    expect(() => createValueClassifier({ region: "Atlantis" })).toThrow(expect.objectContaining({ code: "CLEANSE_BAD_OPTION" }));
  });

  test.each([
    "2023-01-01",
    "2023/01/01",
    "20230101",
    "2023年1月1日",
    "１９５８年１２月７日",
    "Jan 1, 2023",
    "January 1st 2023",
    "Sunday, December 7, 1958",
    "31/01/2023",
    "25.12.2023",
    "2023-01-01T10:20:30+08:00",
    "2023-01-01 10:20",
    "2023年1月1日 下午3点",
    "20230101102030",
  ])("reads the date %s as parseDate does, on the floating time axis", (text) => {
    const reading = parseDate(text);
    const c = classifyValue(text);
    expect(reading.ok && reading.value).toBeTruthy();
    expect(c.date).toBe(reading.ok ? reading.value : undefined);
    expect(c.time).toBe(parseIsoDateTime(c.date!));
    expect(c.kinds & (KIND_BITS.date | KIND_BITS.datetime)).not.toBe(0);
  });

  test.each(["2023-02-30", "31/04/2023", "2023-13-01", "not a date", "1850-01-01", "2023-01"])("is no date where parseDate refuses %s", (text) => {
    expect(parseDate(text).ok).toBe(false);
    expect(classifyValue(text).kinds & (KIND_BITS.date | KIND_BITS.datetime)).toBe(0);
  });

  test("leaves the day of an ambiguous date unknown unless the column's order is given", () => {
    expect(classifyValue("03-04-2024")).toMatchObject({ kinds: KIND_BITS.date, date: undefined, dateFormat: undefined });
    expect(classifyValue("03-04-2024").time).toBeNaN();
    const dmy = createValueClassifier({ order: "dmy" });
    expect(dmy("03-04-2024")).toMatchObject({ date: "2024-04-03", time: Date.UTC(2024, 3, 3), dateFormat: "dd-MM-yyyy" });
    expect(classifyValue("03-04-2024", { order: "mdy" })).toMatchObject({ date: "2024-03-04", dateFormat: "MM-dd-yyyy" });
    // as in parseDate, a value that contradicts the order is no date
    expect(dmy("12/31/2023").kinds).toBe(0);
  });

  test("reads zone-less date-times as wall-clock time, whatever the process's time zone", () => {
    const zone = process.env.TZ;
    process.env.TZ = "Asia/Shanghai";
    try {
      expect(new Date(2024, 0, 1).getTimezoneOffset()).toBe(-480);
      expect(classifyValue("2024-05-01 08:30").time).toBe(Date.UTC(2024, 4, 1, 8, 30));
      expect(classifyValue("2024-05-01T08:30:00").time).toBe(Date.UTC(2024, 4, 1, 8, 30));
      expect(classifyValue("2024-05-01T08:30:00+08:00").time).toBe(Date.UTC(2024, 4, 1, 0, 30));
      expect(classifyValue("2024年5月1日 8时30分").time).toBe(Date.UTC(2024, 4, 1, 8, 30));
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  test.each([
    ["2024-01-31", "yyyy-MM-dd"],
    ["2024/1/5", "yyyy/M/d"],
    ["2024.01.31", "yyyy.MM.dd"],
    ["31/01/2024", "dd/MM/yyyy"],
    ["1/31/2024", "M/dd/yyyy"],
    ["20240131", "yyyyMMdd"],
    ["2024年1月10日", "yyyy年M月dd日"],
    ["Jan 1, 2023", "MMM d, yyyy"],
    ["1 January 2023", "d MMMM yyyy"],
    ["January 1st 2023", "MMMM do yyyy"],
    ["Sunday, December 7, 1958", "EEEE, MMMM d, yyyy"],
    ["2022-10-13T00:00:00.000Z", "iso"],
    ["2024-05-01 08:30", "iso"],
    ["2024/05/01 08:30", "yyyy/MM/dd HH:mm"],
    ["Jan 1, 2023 10:20 AM", "MMM d, yyyy hh:mm a"],
    ["20230101102030", "yyyyMMddHHmmss"],
    ["05/05/2024", undefined],
    ["2023年1月1日 10时20分", undefined],
    ["１９５８年１２月７日", undefined],
  ])("tells the pattern of %s: %s", (text, format) => {
    expect(classifyValue(text).dateFormat).toBe(format);
  });

  test("gives the exact decimal of a number, and the nearest JavaScript number for statistics", () => {
    expect(classifyValue("1.005")).toMatchObject({ decimal: "1.005", number: 1.005 });
    expect(classifyValue("-12.50")).toMatchObject({ decimal: "-12.5", number: -12.5 });
    expect(classifyValue("12345678901234567.5")).toMatchObject({ kinds: KIND_BITS.number, decimal: "12345678901234567.5" });
    expect(classifyValue("1e400").kinds).toBe(0);
    for (const text of ["123", "-12.50", ".5", "1e3", "12345678901234567.5"]) {
      const reading = parseDecimal(text);
      expect(classifyValue(text).decimal).toBe(reading.ok ? reading.value : undefined);
    }
  });

  test("counts only plainly written numbers as numbers: amounts with currency or grouping are text for it", () => {
    for (const text of ["￥1,000", "1.234,5", "1,234.56", "$12"]) expect(kinds(text)).toEqual([]);
  });

  test("agrees with parsePhone and parseEmail", () => {
    const phones = ["+86-138-1234-5678", "(+86) 138-1234-5678", "0086 13812345678", "86 13812345678", "１３８１２３４５６７８", "(021) 6123 4567", "(415) 415-1627", "12345", "1381234567"];
    for (const text of phones) {
      const reading = parsePhone(text, { region: "CN" });
      expect(classifyValue(text, { region: "CN" }).phone).toBe(reading.ok ? reading.value : undefined);
    }
    const emails = ["HE3479@126.COM", " John.Doe@Example.COM ", "mailto:li.lei@example.cn", "用户@例子.中国", "a@@b.com", "a b@c.com", "x@123.456", "@example.com"];
    for (const text of emails) expect(kinds(text).includes("email")).toBe(parseEmail(text).ok);
  });

  test("reads JSON numbers, bigints, booleans and Date objects by their type", () => {
    expect(classifyValue(12)).toMatchObject({ kinds: KIND_BITS.integer | KIND_BITS.number, decimal: "12", number: 12 });
    expect(classifyValue(1.5)).toMatchObject({ kinds: KIND_BITS.number, decimal: "1.5" });
    expect(classifyValue(9007199254740993n)).toMatchObject({ decimal: "9007199254740993" });
    expect(kinds(13812345678, { region: "CN" })).toEqual(["integer", "number", "phone"]);
    expect(kinds(false)).toEqual(["boolean"]);
    expect(classifyValue(new Date(Date.UTC(2024, 0, 31)))).toMatchObject({ kinds: KIND_BITS.date, date: "2024-01-31" });
    expect(classifyValue(new Date(0))).toMatchObject({ kinds: KIND_BITS.date, time: 0 });
    expect(classifyValue(new Date(Date.UTC(2024, 0, 31, 10)))).toMatchObject({ kinds: KIND_BITS.datetime, date: "2024-01-31T10:00:00Z" });
    for (const v of [Number.NaN, Number.POSITIVE_INFINITY, null, undefined, {}, [], new Date(Number.NaN)]) expect(classifyValue(v).kinds).toBe(0);
  });
});
