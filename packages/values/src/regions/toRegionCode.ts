import { phoneLibrary } from "../_internal/lazyLibraries.ts";
import { normalizeKey } from "../normalizeKey/normalizeKey.ts";
import { COUNTRY_NAMES, COUNTRY_VARIANTS } from "./countryNames.ts";

/**
 * Every ISO 3166-1 alpha-2 code with its English and Chinese (simplified and traditional) names from CLDR, the
 * official ISO long forms and common variants (`USA`, `Holland`, `中国大陆`).
 * @returns a fresh table from code to names
 * @example
 * countryNames().CN?.includes("中国") //=> true
 */
export function countryNames(): Record<string, readonly string[]> {
  const entries: Record<string, readonly string[]> = {};
  for (const [code, names] of Object.entries(COUNTRY_NAMES)) entries[code] = [...names, ...(COUNTRY_VARIANTS[code] ?? [])];
  return entries;
}

let index: Map<string, string> | undefined;

function byName(): Map<string, string> {
  if (index !== undefined) return index;
  index = new Map();
  for (const [code, names] of Object.entries(countryNames())) {
    for (const name of names) index.set(normalizeKey(name, "loose"), code);
  }
  return index;
}

/**
 * Reads a country as an ISO 3166-1 alpha-2 region code: the code itself in any case (`cn`, `US`), or a name in
 * English or Chinese (`China`, `United States of America`, `中国`, `美國`). Used for a phone number's region when it
 * comes from a field of the record.
 * @param value - a code or a country name
 * @returns the upper-case code, or undefined when the value names no country
 * @example
 * toRegionCode("中国") //=> "CN"
 * toRegionCode("usa") //=> "US"
 */
export function toRegionCode(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const text = value.trim();
  if (text === "") return undefined;
  if (text.length === 2 && /^[A-Za-z]{2}$/.test(text)) {
    const code = text.toUpperCase();
    if (Object.hasOwn(COUNTRY_NAMES, code) || phoneLibrary().isSupportedCountry(code)) return code;
  }
  return byName().get(normalizeKey(text, "loose"));
}
