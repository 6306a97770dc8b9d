export type {
  EmptyOptions,
  EmptyPolicy,
  StandardizeFailure,
  StandardizeIssue,
  StandardizeResult,
  StandardizeSuccess,
} from "./StandardizeResult/StandardizeResult.ts";
export { StandardizeError, unwrap } from "./unwrap/unwrap.ts";
export {
  createDateStandardizer,
  standardizeDate,
  type DateOrder,
  type DateStandardizer,
  type StandardizeDateOptions,
} from "./standardizeDate/standardizeDate.ts";
export {
  createPhoneStandardizer,
  standardizePhone,
  type PhoneFormat,
  type PhoneInfo,
  type PhoneStandardizer,
  type PhoneType,
  type StandardizePhoneOptions,
} from "./standardizePhone/standardizePhone.ts";
export {
  createDecimalStandardizer,
  standardizeDecimal,
  type DecimalInfo,
  type DecimalRounding,
  type DecimalStandardizer,
  type StandardizeDecimalOptions,
} from "./standardizeDecimal/standardizeDecimal.ts";
export { standardizeText, type StandardizeTextOptions } from "./standardizeText/standardizeText.ts";
export { standardizeEmail, type EmailInfo, type StandardizeEmailOptions } from "./standardizeEmail/standardizeEmail.ts";
export { repairMojibake, type MojibakeReason, type MojibakeRepair, type RepairMojibakeOptions } from "./repairMojibake/repairMojibake.ts";
export { mapValues, type MapInfo, type MapValuesOptions, type ValueDictionary } from "./mapValues/mapValues.ts";
export { loadDictionary, type DictionarySource, type LoadDictionaryOptions } from "./loadDictionary/loadDictionary.ts";
export { builtInDictionaries, countryDictionary, genderDictionary } from "./builtInDictionaries/builtInDictionaries.ts";
export { createStandardizeStep, type StandardizeStepSection } from "./createStandardizeStep/createStandardizeStep.ts";
export {
  standardizeStepSchema,
  type DateStepOptions,
  type MapStepOptions,
  type PhoneStepOptions,
  type ParsedStandardizer,
  type ParsedStandardizeStep,
  type StandardizerKind,
  type StandardizerSpec,
  type StandardizeStepConfig,
} from "./createStandardizeStep/standardizeStepSchema.ts";
