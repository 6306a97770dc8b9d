/**
 * Names of personal data, written as lower-case words run together: a field is personal when one of its words, or
 * two or three adjacent words run together, is one of them (`customer_phone`, `E-Mail`, `dateOfBirth`, `ID card no`).
 */
const PERSONAL_WORDS: ReadonlySet<string> = new Set([
  "fullname",
  "firstname",
  "lastname",
  "givenname",
  "familyname",
  "surname",
  "phone",
  "telephone",
  "cellphone",
  "mobile",
  "tel",
  "email",
  "idcard",
  "idnumber",
  "nationalid",
  "ssn",
  "socsec",
  "socialsecurity",
  "passport",
  "iban",
  "bankcard",
  "bankaccount",
  "address",
  "birthdate",
  "dateofbirth",
  "birthday",
  "dob",
]);

/** Names personal only as the whole field name: `name` is, `product_name` is not. */
const PERSONAL_NAMES: ReadonlySet<string> = new Set(["name"]);

/** Chinese headers, found anywhere in the name: `手机号码`, `联系电话`, `身份证号`, `家庭住址`. */
const PERSONAL_HEADERS: readonly string[] = ["姓名", "手机", "电话", "邮箱", "身份证", "住址", "地址", "银行卡", "出生日期"];

/** The words of a field name: camelCase, letters and digits, and every separator split apart, lower-cased. */
function wordsOf(field: string): string[] {
  return field
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .replace(/([A-Za-z])([0-9])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
}

/**
 * Tells whether a field is named like personal data: a name (`name`, `full_name`, `firstName`, `last name`), a phone
 * (`phone`, `mobile`, `tel`), an e-mail address (`email`, `E-Mail`), an identity document (`id_card`, `national id`,
 * `ssn`, `soc_sec_id`, `passport`), a bank account (`iban`, `bank card`, `bank_account`), an address or a birth date (`birth_date`,
 * `date of birth`, `dob`), or a Chinese header holding 姓名, 手机, 电话, 邮箱, 身份证, 住址, 地址, 银行卡 or 出生日期. Case
 * and separators do not matter. This is the one list of such names: reports mask the values of these fields as they
 * mask fields declared personal (`pii: true`, a step's `piiFields`).
 * @param field - the field name
 * @returns true when the name says the field holds personal data
 * @example
 * isPersonalFieldName("Customer-Phone") //=> true
 * isPersonalFieldName("手机号码") //=> true
 * isPersonalFieldName("product_name") //=> false
 */
export function isPersonalFieldName(field: string): boolean {
  for (const header of PERSONAL_HEADERS) if (field.includes(header)) return true;
  const words = wordsOf(field);
  if (PERSONAL_NAMES.has(words.join(""))) return true;
  for (let i = 0; i < words.length; i++) {
    let joined = "";
    for (let j = i; j < Math.min(words.length, i + 3); j++) {
      joined += words[j]!;
      if (PERSONAL_WORDS.has(joined)) return true;
    }
  }
  return false;
}
