import { describe, expect, test } from "vitest";
import { isPersonalFieldName } from "./isPersonalFieldName.ts";

describe("isPersonalFieldName", () => {
  test.each([
    "name",
    "Name",
    "full_name",
    "Full Name",
    "firstName",
    "last-name",
    "surname",
    "phone",
    "customer_phone",
    "PhoneNumber",
    "phone2",
    "mobile",
    "mobile_no",
    "tel",
    "Tel.",
    "email",
    "E-Mail",
    "e_mail",
    "emailAddress",
    "id_card",
    "IDCard",
    "id card no",
    "id_number",
    "national_id",
    "National ID",
    "ssn",
    "soc_sec_id",
    "Social Security Number",
    "passport_no",
    "iban",
    "bank_card",
    "BankAccount",
    "address",
    "home_address",
    "birth_date",
    "dateOfBirth",
    "DOB",
    "birthday",
    "姓名",
    "手机",
    "手机号码",
    "联系电话",
    "电子邮箱",
    "身份证号",
    "家庭住址",
    "地址",
    "银行卡号",
    "出生日期",
  ])("%j is personal", (field) => {
    expect(isPersonalFieldName(field)).toBe(true);
  });

  test.each(["product_name", "file name", "username", "hotel", "telemetry", "status", "city", "customer_id", "credit_limit", "signup_date", "order_id", "constructor", "__proto__", "性别", "城市", ""])(
    "%j is not",
    (field) => {
      expect(isPersonalFieldName(field)).toBe(false);
    },
  );
});
