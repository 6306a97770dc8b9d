export type { EmptyOptions, EmptyPolicy, ValueFailure, ValueIssue, ValueResult, ValueSuccess } from "./ValueResult/ValueResult.ts";
export { emptyResult, failure, notText, showValue, success } from "./ValueResult/valueResults.ts";
export { daysFromCivil, daysInMonth, floatingTime, formatFloating, fromDateObject, isLeapYear } from "./calendar/calendar.ts";
export { isIsoDate, parseIsoDate, parseIsoDateTime } from "./isoDates/isoDates.ts";
export { compileDateFormat, strftimeToTokens, type DateFormatParser } from "./compileDateFormat/compileDateFormat.ts";
export { createDateParser, parseDate, type DateOrder, type DateParser, type ParseDateOptions } from "./parseDate/parseDate.ts";
export { inferDateOrder, type DateOrderEvidence, type DateOrderInference } from "./inferDateOrder/inferDateOrder.ts";
export {
  createDecimalParser,
  parseDecimal,
  type DecimalInfo,
  type DecimalParser,
  type DecimalRounding,
  type ParseDecimalOptions,
} from "./parseDecimal/parseDecimal.ts";
export {
  createPhoneParser,
  parsePhone,
  type ParsePhoneOptions,
  type PhoneFormat,
  type PhoneInfo,
  type PhoneParser,
  type PhoneType,
} from "./parsePhone/parsePhone.ts";
export { parseEmail, type EmailInfo, type ParseEmailOptions } from "./parseEmail/parseEmail.ts";
export { isEmail, type IsEmailOptions } from "./isEmail/isEmail.ts";
export { countryNames, toRegionCode } from "./regions/toRegionCode.ts";
export { normalizeKey, type MatchMode } from "./normalizeKey/normalizeKey.ts";
export { parseOrganisationName, type OrganisationName } from "./parseOrganisationName/parseOrganisationName.ts";
export { hash64, hashString, mixHash } from "./hashString/hashString.ts";
export { createExactKeyTable, createHashedKeyTable, type KeyTable } from "./keyTable/keyTable.ts";
export { maskValue, type MaskShape, type ValueMasker } from "./maskValue/maskValue.ts";
export { maskPersonalText } from "./maskPersonalText/maskPersonalText.ts";
export { isPersonalValue, type IsPersonalValueOptions } from "./isPersonalValue/isPersonalValue.ts";
export { isChineseIdCard } from "./isChineseIdCard/isChineseIdCard.ts";
export { isBankCardNumber } from "./isBankCardNumber/isBankCardNumber.ts";
export {
  classifyValue,
  createValueClassifier,
  KIND_BITS,
  kindsOf,
  type ClassifyValueOptions,
  type ValueClass,
  type ValueClassifier,
  type ValueKind,
} from "./classifyValue/classifyValue.ts";
export { compareDecimals } from "./compareDecimals/compareDecimals.ts";
