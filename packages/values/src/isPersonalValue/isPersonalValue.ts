import { createValueClassifier, KIND_BITS, type ValueClassifier } from "../classifyValue/classifyValue.ts";
import { isBankCardNumber } from "../isBankCardNumber/isBankCardNumber.ts";
import { isChineseIdCard } from "../isChineseIdCard/isChineseIdCard.ts";
import { isEmail } from "../isEmail/isEmail.ts";

/** Options of {@link isPersonalValue}. */
export interface IsPersonalValueOptions {
  /**
   * Regions whose phone numbers written without a country code are recognised, as ISO codes or country names.
   * Numbers written with their country code (`+44 20 7946 0958`) are recognised whatever the regions.
   * Default `["CN", "US"]`.
   */
  readonly regions?: readonly string[];
}

const DEFAULT_REGIONS: readonly string[] = ["CN", "US"];
const DATES = KIND_BITS.date | KIND_BITS.datetime;

interface Readers {
  readonly international: ValueClassifier;
  readonly national: readonly ValueClassifier[];
}

const cache = new WeakMap<readonly string[], Readers>();

function readersFor(regions: readonly string[]): Readers {
  let readers = cache.get(regions);
  if (readers === undefined) {
    readers = { international: createValueClassifier(), national: regions.map((region) => createValueClassifier({ region })) };
    cache.set(regions, readers);
  }
  return readers;
}

/** At least 7 digits: no phone, ID-card or bank-card number has fewer. */
function hasSevenDigits(text: string): boolean {
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19)) {
      if (++digits >= 7) return true;
    }
  }
  return false;
}

/**
 * Tells whether a value is personal data by itself, whatever field holds it: an e-mail address (`isEmail`), a phone
 * number (`classifyValue`: written with its country code, or without one in one of `regions`), a PRC resident ID card
 * number with a valid check character (`isChineseIdCard`) or a payment card number passing the Luhn check
 * (`isBankCardNumber`). Dates are never personal by themselves (`20240131` is a date, not a card number); a field
 * named like a birth date is told by its name instead. JSON numbers are read as their digits.
 * @param value - the value to test
 * @param options - the regions of phone numbers written without a country code
 * @returns true when the value is one of those
 * @example
 * isPersonalValue("13812345678") //=> true
 * isPersonalValue("mike.wang@example.com") //=> true
 * isPersonalValue("2024-01-31") //=> false
 */
export function isPersonalValue(value: unknown, options?: IsPersonalValueOptions): boolean {
  let text: string;
  if (typeof value === "string") text = value.trim();
  else if (typeof value === "number" && Number.isSafeInteger(value) && value > 0) text = String(value);
  else return false;
  if (text.length < 3) return false;
  if (text.includes("@") || text.includes("\uff20")) return isEmail(text);
  if (!hasSevenDigits(text)) return false;
  if (isChineseIdCard(text)) return true;
  const readers = readersFor(options?.regions ?? DEFAULT_REGIONS);
  const kinds = readers.international(value).kinds;
  if ((kinds & DATES) !== 0) return false;
  if ((kinds & KIND_BITS.phone) !== 0 || isBankCardNumber(text)) return true;
  for (const classify of readers.national) if ((classify(value).kinds & KIND_BITS.phone) !== 0) return true;
  return false;
}
