import { ConfigError } from "@cleanse/core";
import { normalizeKey, type MatchMode } from "@cleanse/values";
import type { ValueDictionary } from "../mapValues/mapValues.ts";

const indexes = new WeakMap<ValueDictionary, Map<MatchMode, Map<string, string>>>();

/** Builds (once per dictionary and mode) the lookup from normalized variant to canonical value. */
export function dictionaryIndex(dictionary: ValueDictionary, mode: MatchMode): Map<string, string> {
  let byMode = indexes.get(dictionary);
  if (byMode === undefined) {
    byMode = new Map();
    indexes.set(dictionary, byMode);
  }
  let index = byMode.get(mode);
  if (index !== undefined) return index;
  index = new Map();
  for (const [canonical, variants] of Object.entries(dictionary.entries)) {
    for (const variant of [canonical, ...variants]) {
      const key = normalizeKey(String(variant), mode);
      if (key === "") continue;
      const previous = index.get(key);
      if (previous !== undefined && previous !== canonical) {
        throw new ConfigError(
          `Dictionary "${dictionary.name}" maps "${variant}" to both "${previous}" and "${canonical}"${mode === "exact" ? "" : ` (compared ${mode === "case" ? "ignoring case" : "ignoring case, accents and punctuation"})`}; keep one.`,
          { code: "CLEANSE_DICTIONARY_CONFLICT" },
        );
      }
      index.set(key, canonical);
    }
  }
  byMode.set(mode, index);
  return index;
}
