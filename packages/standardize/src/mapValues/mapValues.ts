import { normalizeKey, type MatchMode } from "@cleanse/values";
import { dictionaryIndex } from "../_internal/dictionaryIndex.ts";
import { emptyResult, failure, notText, showValue as show, success } from "@cleanse/values";
import type { EmptyOptions, StandardizeResult } from "../StandardizeResult/StandardizeResult.ts";

/** A data dictionary: each canonical value with the variants that mean it. */
export interface ValueDictionary {
  readonly name: string;
  /** Canonical value -> variants. The canonical value always maps to itself. */
  readonly entries: Readonly<Record<string, readonly string[]>>;
}

/** Options of {@link mapValues}. */
export interface MapValuesOptions extends EmptyOptions {
  /** What happens to a value the dictionary does not know: keep it (default), make it `null`, or report `unmapped_value`. */
  readonly unmapped?: "keep" | "null" | "error";
  /** Ignore letter case (and full-width forms). Default true. */
  readonly caseInsensitive?: boolean;
  /** Also ignore accents, punctuation and extra spaces (`U.S.A.` = `usa`, `Côte d'Ivoire` = `Cote dIvoire`). Default true. */
  readonly loose?: boolean;
}

/** What {@link mapValues} tells about a value. */
export interface MapInfo {
  /** True when the dictionary knew the value. */
  readonly mapped: boolean;
}

const MAPPED: MapInfo = Object.freeze({ mapped: true });
const UNMAPPED: MapInfo = Object.freeze({ mapped: false });

/**
 * Maps a value to its canonical form through a data dictionary (`男`, `M`, `male`, `Male` -> `M`).
 * @param value - the value (numbers are looked up as text)
 * @param dictionary - canonical values and their variants, e.g. `genderDictionary` or one from `loadDictionary`
 * @param options - what to do with unknown values, how to compare
 * @returns the canonical value, `null` for empty input
 * @throws ConfigError `CLEANSE_DICTIONARY_CONFLICT` when the dictionary maps one variant to two values
 * @example
 * mapValues("Male", genderDictionary) //=> { ok: true, value: "M", changed: true, info: { mapped: true } }
 * mapValues("中国", countryDictionary).value //=> "CN"
 */
export function mapValues(value: unknown, dictionary: ValueDictionary, options: MapValuesOptions = {}): StandardizeResult<string, MapInfo> {
  const empty = emptyResult<string>(value, options.empty);
  if (empty) return empty;
  let text: string;
  if (typeof value === "string") text = value;
  else if (typeof value === "number" || typeof value === "bigint" || typeof value === "boolean") text = String(value);
  else return notText("value", value);
  const mode: MatchMode = options.caseInsensitive === false ? "exact" : options.loose === false ? "case" : "loose";
  const canonical = dictionaryIndex(dictionary, mode).get(normalizeKey(text, mode));
  if (canonical !== undefined) return success(canonical, canonical !== value, MAPPED);
  switch (options.unmapped ?? "keep") {
    case "null":
      return success<string, MapInfo>(null, true, UNMAPPED);
    case "error":
      return failure("unmapped_value", `Value ${show(value)} is not in the dictionary "${dictionary.name}"; add it as a variant of one of its values.`, value);
    default:
      return success(value as string, false, UNMAPPED);
  }
}
