import { countryNames } from "@cleanse/values";
import type { ValueDictionary } from "../mapValues/mapValues.ts";

/**
 * Gender: `M`, `F` and `U` (unknown) with English and Chinese variants.
 * @example
 * mapValues("女", genderDictionary).value //=> "F"
 */
export const genderDictionary: ValueDictionary = Object.freeze({
  name: "gender",
  entries: Object.freeze({
    M: ["male", "man", "men", "男", "男性", "男士", "男生"],
    F: ["female", "woman", "women", "女", "女性", "女士", "女生"],
    U: ["unknown", "not known", "未知", "不详", "不詳"],
  }),
});

/**
 * Country names to ISO 3166-1 alpha-2 codes: all 249 codes with their English and Chinese (simplified and
 * traditional) names, official ISO long forms and common variants (`USA`, `Holland`, `中国大陆`, `南韩`).
 * @example
 * mapValues("United States of America", countryDictionary).value //=> "US"
 */
export const countryDictionary: ValueDictionary = Object.freeze({ name: "country", entries: Object.freeze(countryNames()) });

/**
 * The dictionaries a job can name: `gender` and `country`.
 * @example
 * Object.keys(builtInDictionaries) //=> ["gender", "country"]
 */
export const builtInDictionaries: Readonly<Record<string, ValueDictionary>> = Object.freeze({
  gender: genderDictionary,
  country: countryDictionary,
});
