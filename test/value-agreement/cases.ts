// The tricky values every package must read alike. `expect` is the value kernel's reading: the canonical text, `null`
// for an empty value, or the code of its refusal. Options say how the column is declared (a date order, a phone
// region, a decimal scale); a package reads the value with the same declaration.

export type Kind = "date" | "datetime" | "phone" | "decimal" | "email";

export interface AgreementCase {
  readonly kind: Kind;
  readonly input: unknown;
  readonly expect: string | null | { readonly refuse: string };
  readonly order?: "dmy" | "mdy";
  readonly region?: string;
  readonly scale?: number;
}

const refuse = (code: string) => ({ refuse: code });

const date = (input: unknown, expect: AgreementCase["expect"], order?: "dmy" | "mdy"): AgreementCase =>
  order === undefined ? { kind: "date", input, expect } : { kind: "date", input, expect, order };
const datetime = (input: unknown, expect: AgreementCase["expect"]): AgreementCase => ({ kind: "datetime", input, expect });
const phone = (input: unknown, region: string | undefined, expect: AgreementCase["expect"]): AgreementCase =>
  region === undefined ? { kind: "phone", input, expect } : { kind: "phone", input, expect, region };
const decimal = (input: unknown, expect: AgreementCase["expect"], scale?: number): AgreementCase =>
  scale === undefined ? { kind: "decimal", input, expect } : { kind: "decimal", input, expect, scale };
const email = (input: unknown, expect: AgreementCase["expect"]): AgreementCase => ({ kind: "email", input, expect });

export const cases: readonly AgreementCase[] = [
  // dates written year first, in every separator and script
  date("2023-01-01", "2023-01-01"),
  date("2023/01/01", "2023-01-01"),
  date("2023.1.1", "2023-01-01"),
  date("20230101", "2023-01-01"),
  date("2023年1月1日", "2023-01-01"),
  date("2023年01月01日", "2023-01-01"),
  date("１９５８年１２月７日", "1958-12-07"),
  date("2023-1-31", "2023-01-31"),
  date(" 2023-01-01 ", "2023-01-01"),
  // month names, English and the other languages of European exports
  date("Jan 1, 2023", "2023-01-01"),
  date("1 Jan 2023", "2023-01-01"),
  date("January 1st 2023", "2023-01-01"),
  date("dec 7, 1958", "1958-12-07"),
  date("7 December 1958", "1958-12-07"),
  date("Sunday, December 7, 1958", "1958-12-07"),
  date("31st of January 2023", "2023-01-31"),
  date("1. März 2023", "2023-03-01"),
  date("7 Dez. 1958", "1958-12-07"),
  date("1er janvier 2023", "2023-01-01"),
  date("12 févr. 2023", "2023-02-12"),
  date("1 de enero de 2023", "2023-01-01"),
  date("3 de março de 2023", "2023-03-03"),
  date("1 gennaio 2023", "2023-01-01"),
  date("5 mei 2023", "2023-05-05"),
  date("31 Okt 2023", "2023-10-31"),
  // day and month that only fit one way
  date("31/01/2023", "2023-01-31"),
  date("01/31/2023", "2023-01-31"),
  date("13-01-2024", "2024-01-13"),
  date("12/12/2023", "2023-12-12"),
  date("25.12.2023", "2023-12-25"),
  // ambiguous unless the column's order is known
  date("01/02/2023", refuse("ambiguous_date")),
  date("01/02/2023", "2023-02-01", "dmy"),
  date("01/02/2023", "2023-01-02", "mdy"),
  date("03-04-2024", refuse("ambiguous_date")),
  date("03-04-2024", "2024-04-03", "dmy"),
  date("10.11.2023", refuse("ambiguous_date")),
  date("10.11.2023", "2023-11-10", "dmy"),
  date("5/6/2023", refuse("ambiguous_date")),
  date("5/6/2023", "2023-05-06", "mdy"),
  date("01/02/23", refuse("ambiguous_date")),
  date("45000", refuse("ambiguous_date")),
  // impossible dates are refused, with any order
  date("2023-02-30", refuse("invalid_date")),
  date("2023-02-29", refuse("invalid_date")),
  date("2024-02-29", "2024-02-29"),
  date("1900-02-29", refuse("invalid_date")),
  date("2000-02-29", "2000-02-29"),
  date("2023-13-01", refuse("invalid_date")),
  date("2023-00-10", refuse("invalid_date")),
  date("2023-04-31", refuse("invalid_date")),
  date("31/04/2023", refuse("invalid_date")),
  date("31/04/2023", refuse("invalid_date"), "dmy"),
  date("32/01/2023", refuse("invalid_date")),
  date("2023年2月30日", refuse("invalid_date")),
  date("30 Feb 2023", refuse("invalid_date")),
  date("13/13/2023", refuse("invalid_date")),
  // not dates at all, and empty-like values
  date("not a date", refuse("invalid_date")),
  date("2023-01", refuse("invalid_date")),
  date("N/A", refuse("invalid_date")),
  date("", null),
  date("   ", null),
  date("\u3000", null),
  date(null, null),
  date(undefined, null),

  // timestamps: the time and the offset are kept as written; a zone-less time is a wall-clock time
  datetime("2023-01-01T10:20:30Z", "2023-01-01T10:20:30Z"),
  datetime("2023-01-01T10:20:30+08:00", "2023-01-01T10:20:30+08:00"),
  datetime("2023-01-01T10:20:30+0800", "2023-01-01T10:20:30+08:00"),
  datetime("2023-01-01T10:20:30-05:00", "2023-01-01T10:20:30-05:00"),
  datetime("2023-01-01T10:20:30.123Z", "2023-01-01T10:20:30.123Z"),
  datetime("2023-01-01 10:20:30", "2023-01-01T10:20:30"),
  datetime("2023-01-01 10:20", "2023-01-01T10:20:00"),
  datetime("2023/01/01 10:20", "2023-01-01T10:20:00"),
  datetime("2023-01-01T10:20:30 UTC", "2023-01-01T10:20:30Z"),
  datetime("2023-01-01 10:20 PM", "2023-01-01T22:20:00"),
  datetime("Jan 1, 2023 10:20 AM", "2023-01-01T10:20:00"),
  datetime("2023年1月1日 10时20分", "2023-01-01T10:20:00"),
  datetime("2023年1月1日 下午3点", "2023-01-01T15:00:00"),
  datetime("20230101102030", "2023-01-01T10:20:30"),
  datetime("2023-01-01T25:00:00", refuse("invalid_date")),
  datetime("2023-01-01T10:61:00", refuse("invalid_date")),
  datetime("2023-02-30T10:00:00Z", refuse("invalid_date")),
  datetime("2023-01-01T10:20:30+15:00", refuse("invalid_date")),
  datetime("01/02/2023 10:20", refuse("ambiguous_date")),
  datetime("", null),

  // phones, read with the column's region; a number of another country is never given the region's code
  phone("+86-138-1234-5678", "CN", "+8613812345678"),
  phone("13812345678", "CN", "+8613812345678"),
  phone("138 1234 5678", "CN", "+8613812345678"),
  phone("(+86) 138-1234-5678", "CN", "+8613812345678"),
  phone("0086 13812345678", "CN", "+8613812345678"),
  phone("86 13812345678", "CN", "+8613812345678"),
  phone("１３８１２３４５６７８", "CN", "+8613812345678"),
  phone("010-12345678", "CN", "+861012345678"),
  phone("(021) 6123 4567", "CN", "+862161234567"),
  phone("+86 10 1234 5678", "CN", "+861012345678"),
  phone("(415) 415-1627", "CN", refuse("invalid_phone")),
  phone("(415) 415-1627", "US", "+14154151627"),
  phone("+1 415 415 1627", "CN", "+14154151627"),
  phone("+1 650 253 0000", "CN", "+16502530000"),
  phone("650-253-0000", "US", "+16502530000"),
  phone("+44 20 7946 0958", "CN", "+442079460958"),
  phone("020 7946 0958", "GB", "+442079460958"),
  phone("20 7946 0958", "GB", refuse("invalid_phone")),
  phone("03-1234-5678", "JP", "+81312345678"),
  phone("+81 3-1234-5678", "CN", "+81312345678"),
  phone("0912 345 678", "TW", "+886912345678"),
  phone("+49 30 123456", "CN", "+4930123456"),
  phone("030 123456", "DE", "+4930123456"),
  phone("12345", "CN", refuse("invalid_phone")),
  phone("1381234567", "CN", refuse("invalid_phone")),
  phone("138123456789", "CN", refuse("invalid_phone")),
  phone("abc", "CN", refuse("invalid_phone")),
  phone("13812345678", undefined, refuse("invalid_phone")),
  phone("+8613812345678", undefined, "+8613812345678"),
  phone("", "CN", null),
  phone("  ", "CN", null),

  // amounts: exact, never through binary floating point
  decimal("1.005", "1.005"),
  decimal("1.005", "1.01", 2),
  decimal("1.015", "1.02", 2),
  decimal("2.675", "2.68", 2),
  decimal("0.125", "0.13", 2),
  decimal("￥1,000", "1000"),
  decimal("¥1,234.50", "1234.5"),
  decimal("¥1,234.5", "1234.50", 2),
  decimal("$1,000", "1000"),
  decimal("1,000 EUR", "1000"),
  decimal("1.234,5", "1234.5"),
  decimal("1 234,56", "1234.56"),
  decimal("1,234.56", "1234.56"),
  decimal("12,34,567.5", "1234567.5"),
  decimal("(1,234.50)", "-1234.5"),
  decimal("1.234,50-", "-1234.5"),
  decimal("-0.00", "0"),
  decimal("1e3", "1000"),
  decimal("壹仟贰佰元整", "1200"),
  decimal("1.5万", "15000"),
  decimal(" 42 ", "42"),
  decimal("1,234", refuse("ambiguous_decimal")),
  decimal("12,345", refuse("ambiguous_decimal")),
  decimal("1.2.3", refuse("invalid_decimal")),
  decimal("abc", refuse("invalid_decimal")),
  decimal("N/A", refuse("invalid_decimal")),
  decimal("", null),

  // e-mail addresses: the domain's case never matters, the local part is kept as written
  email("HE3479@126.COM", "HE3479@126.com"),
  email("he3479@126.com", "he3479@126.com"),
  email(" John.Doe@Example.COM ", "John.Doe@example.com"),
  email("mailto:li.lei@example.cn", "li.lei@example.cn"),
  email("Zhang.San@Example.COM", "Zhang.San@example.com"),
  email("a+tag@sub.example.co.uk", "a+tag@sub.example.co.uk"),
  email("用户@例子.中国", "用户@xn--fsqu00a.xn--fiqs8s"),
  email("a@b", refuse("invalid_email")),
  email("a@@b.com", refuse("invalid_email")),
  email("a b@c.com", refuse("invalid_email")),
  email(".a@b.com", refuse("invalid_email")),
  email("a..b@c.com", refuse("invalid_email")),
  email("x@123.456", refuse("invalid_email")),
  email("@example.com", refuse("invalid_email")),
  email("m************m", refuse("invalid_email")),
  email("N/A", refuse("invalid_email")),
  email("", null),
];
