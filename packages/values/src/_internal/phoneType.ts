import { phoneMetadataMax } from "./lazyLibraries.ts";
import type { CountryCode, NumberType } from "libphonenumber-js/max";

// The same decision as libphonenumber-js's getNumberType with the full metadata, but with each pattern
// compiled once: the library builds a new RegExp from the metadata text for every test.

interface TypeDefinition {
  pattern(): string;
  possibleLengths(): number[] | undefined;
}
interface NumberingPlan {
  nationalNumberPattern(): string;
  type(type: string): TypeDefinition | undefined;
}
interface CompiledType {
  readonly name: NonNullable<NumberType>;
  readonly pattern: RegExp;
  readonly lengths: readonly number[] | undefined;
}
interface CompiledPlan {
  readonly general: RegExp;
  readonly fixedLine: CompiledType | undefined;
  /** The metadata says mobile numbers look like fixed lines (pattern removed as a duplicate, or no type at all). */
  readonly mobileLikeFixed: boolean;
  readonly mobile: CompiledType | undefined;
  readonly others: readonly CompiledType[];
}

const NON_FIXED_LINE = ["MOBILE", "PREMIUM_RATE", "TOLL_FREE", "SHARED_COST", "VOIP", "PERSONAL_NUMBER", "PAGER", "UAN", "VOICEMAIL"] as const;
const plans = new Map<string, CompiledPlan>();

function compile(name: NonNullable<NumberType>, definition: TypeDefinition | undefined): CompiledType | undefined {
  if (definition === undefined || !definition.pattern()) return undefined;
  return { name, pattern: new RegExp(`^(?:${definition.pattern()})$`), lengths: definition.possibleLengths() };
}

function planFor(key: string): CompiledPlan {
  let plan = plans.get(key);
  if (plan !== undefined) return plan;
  const metadata = phoneMetadataMax();
  metadata.selectNumberingPlan(key as CountryCode);
  const numbering = metadata.numberingPlan as unknown as NumberingPlan;
  const mobile = numbering.type("MOBILE");
  plan = {
    general: new RegExp(`^(?:${numbering.nationalNumberPattern()})$`),
    fixedLine: compile("FIXED_LINE", numbering.type("FIXED_LINE")),
    mobileLikeFixed: mobile === undefined || mobile.pattern() === "",
    mobile: compile("MOBILE", mobile),
    others: NON_FIXED_LINE.map((t) => compile(t, numbering.type(t))).filter((t): t is CompiledType => t !== undefined),
  };
  plans.set(key, plan);
  return plan;
}

function matches(type: CompiledType | undefined, nationalNumber: string): boolean {
  if (type === undefined) return false;
  if (type.lengths !== undefined && !type.lengths.includes(nationalNumber.length)) return false;
  return type.pattern.test(nationalNumber);
}

/** The type of a parsed number, or undefined when it is not valid: exactly `PhoneNumber.getType()` of the max metadata. */
export function numberType(country: string | undefined, callingCode: string, nationalNumber: string): NumberType {
  const plan = planFor(country ?? callingCode);
  if (!plan.general.test(nationalNumber)) return undefined;
  if (matches(plan.fixedLine, nationalNumber)) {
    if (plan.mobileLikeFixed || matches(plan.mobile, nationalNumber)) return "FIXED_LINE_OR_MOBILE";
    return "FIXED_LINE";
  }
  for (const type of plan.others) if (matches(type, nationalNumber)) return type.name;
  return undefined;
}

// Which national format a number takes, and whether that format writes the trunk prefix: the same choice as
// libphonenumber-js's formatNational, with each format's patterns compiled once instead of on every call.

interface NumberFormatDefinition {
  pattern(): string;
  leadingDigitsPatterns(): string[];
  usesNationalPrefix(): boolean;
}
interface CompiledFormat {
  readonly leading: RegExp | undefined;
  readonly pattern: RegExp;
  readonly prefixed: boolean;
}

const formatPlans = new Map<string, readonly CompiledFormat[]>();

function formatsFor(key: string): readonly CompiledFormat[] {
  let formats = formatPlans.get(key);
  if (formats !== undefined) return formats;
  const metadata = phoneMetadataMax();
  metadata.selectNumberingPlan(key as CountryCode);
  const definitions = (metadata.numberingPlan as unknown as { formats(): NumberFormatDefinition[] }).formats();
  formats = definitions.map((f) => {
    const leading = f.leadingDigitsPatterns();
    const last = leading[leading.length - 1];
    return { leading: last === undefined ? undefined : new RegExp(`^(?:${last})`), pattern: new RegExp(`^(?:${f.pattern()})$`), prefixed: f.usesNationalPrefix() };
  });
  formatPlans.set(key, formats);
  return formats;
}

/** Whether the number's region writes it at home with the trunk prefix (`0415 415 1627` in CN), as formatNational does. */
export function writtenWithTrunkPrefix(country: string | undefined, callingCode: string, nationalNumber: string): boolean {
  for (const format of formatsFor(country ?? callingCode)) {
    if (format.leading !== undefined && !format.leading.test(nationalNumber)) continue;
    if (format.pattern.test(nationalNumber)) return format.prefixed;
  }
  return false;
}
