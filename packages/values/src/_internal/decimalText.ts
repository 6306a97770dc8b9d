import { ConfigError } from "@cleanse/core";
import { showValue } from "../ValueResult/valueResults.ts";

/** Decimal and group separators of a number convention. */
export interface Separators {
  readonly decimal: "." | ",";
  /** Group separators allowed. */
  readonly groups: string;
  /** Indian grouping: 1,23,45,678. */
  readonly lakh: boolean;
}

const EN: Separators = { decimal: ".", groups: ",", lakh: false };
const DE: Separators = { decimal: ",", groups: ".", lakh: false };
const FR: Separators = { decimal: ",", groups: " ", lakh: false };
const CH: Separators = { decimal: ".", groups: "'", lakh: false };
const IN: Separators = { decimal: ".", groups: ",", lakh: true };
const LANGUAGES: Readonly<Record<string, Separators>> = {
  en: EN, zh: EN, ja: EN, ko: EN, th: EN, he: EN, ms: EN, fil: EN, ga: EN, mt: EN, cy: EN,
  de: DE, es: DE, it: DE, nl: DE, pt: DE, id: DE, tr: DE, da: DE, el: DE, ro: DE, hr: DE, sl: DE, sr: DE, vi: DE, is: DE,
  fr: FR, ru: FR, pl: FR, cs: FR, sk: FR, sv: FR, nb: FR, no: FR, nn: FR, fi: FR, uk: FR, hu: FR, bg: FR, et: FR, lv: FR, lt: FR, kk: FR, be: FR,
  ch: CH, in: IN, hi: IN,
};
const REGIONS: Readonly<Record<string, Separators>> = { "de-ch": CH, "fr-ch": CH, "it-ch": CH, "de-li": CH, "en-in": IN, "pt-pt": FR };

/** The separators of a locale, undefined for `auto`. */
export function separatorsFor(locale: string): Separators | undefined {
  const tag = locale.toLowerCase().replace(/_/g, "-");
  if (tag === "auto") return undefined;
  const region = /^([a-z]+)-(?:[a-z]{4}-)?([a-z]{2})\b/.exec(tag);
  if (region) {
    const byRegion = REGIONS[`${region[1]}-${region[2]}`];
    if (byRegion) return byRegion;
  }
  const language = LANGUAGES[tag.split("-")[0]!];
  if (language) return language;
  throw new ConfigError(`Unknown number locale ${showValue(locale)}: use "auto", "en", "de", "fr", "ch", "in" or a BCP 47 tag of those conventions.`, {
    code: "CLEANSE_BAD_OPTION",
  });
}

export interface BodyError {
  readonly ambiguous: boolean;
  readonly reason: string;
}

/**
 * Reads the digits and separators left once signs and currency are gone, as `digits[.digits][e±n]`.
 * `withCurrency`: the amount was written with a currency, so one comma before three digits (`¥1,000`) groups
 * thousands; amounts with three decimals after a comma are not how prices are written.
 */
export function readBody(s: string, fixed: Separators | undefined, withCurrency = false): string | BodyError {
  const m = /^([0-9][0-9.,' ]*?|)(?:([.,])([0-9]*))?(?:[eE]([+-]?[0-9]{1,6}))?$/.exec(s);
  if (!m || !/[0-9]/.test(s.replace(/[eE][+-]?[0-9]+$/, ""))) return { ambiguous: false, reason: "it is not a number" };
  if (/\.\.|,,|  /.test(s)) return { ambiguous: false, reason: "it has two separators in a row" };
  const exponent = m[4];
  const text = exponent === undefined ? s : s.slice(0, s.length - exponent.length - 1);
  if (text.length === 0) return { ambiguous: false, reason: "it is not a number" };
  if (exponent !== undefined) {
    // 1.2e3, 1,2e3: an exponent never comes with group separators.
    const e = /^([0-9]*)(?:([.,])([0-9]*))?$/.exec(text);
    if (!e || (e[2] !== undefined && fixed !== undefined && e[2] !== fixed.decimal)) {
      return { ambiguous: false, reason: "it mixes an exponent with group separators" };
    }
    return `${e[1] || "0"}${e[3] ? `.${e[3]}` : ""}e${exponent}`;
  }
  let decimal: "." | "," | undefined;
  let groups: string;
  let lakh = false;
  if (fixed !== undefined) {
    decimal = fixed.decimal;
    groups = fixed.groups;
    lakh = fixed.lakh;
  } else {
    const dots = count(text, ".");
    const commas = count(text, ",");
    if (dots > 0 && commas > 0) {
      decimal = text.lastIndexOf(".") > text.lastIndexOf(",") ? "." : ",";
      groups = decimal === "." ? ", '" : ". '";
    } else if (dots > 1) {
      decimal = ",";
      groups = ". '";
    } else if (commas > 1) {
      decimal = ".";
      groups = ", '";
    } else if (dots === 1) {
      decimal = ".";
      groups = " '";
    } else if (commas === 1) {
      const at = text.indexOf(",");
      const after = text.length - at - 1;
      const before = text.slice(0, at).replace(/[ ']/g, "");
      if (after === 3 && before.length <= 3 && before !== "0" && !/[ ']/.test(text)) {
        if (!withCurrency) return { ambiguous: true, reason: "one comma followed by three digits may be a thousands separator or a decimal comma" };
        decimal = ".";
        groups = ", '";
      } else {
        decimal = ",";
        groups = " '";
      }
    } else {
      decimal = undefined;
      groups = " '";
    }
    lakh = decimal === "." && /^\d{1,2}(,\d{2})+,\d{3}(\.|$)/.test(text);
  }
  let int = text;
  let frac = "";
  if (decimal !== undefined) {
    const at = text.lastIndexOf(decimal);
    if (at >= 0) {
      int = text.slice(0, at);
      frac = text.slice(at + 1);
      if (!/^[0-9]*$/.test(frac)) return { ambiguous: false, reason: "its decimals hold a separator" };
    }
  }
  if (int === "" && frac === "") return { ambiguous: false, reason: "it is not a number" };
  if (int === "") int = "0";
  // Group separators: every group after the first has three digits (Indian: two, then the last three).
  const parts = splitGroups(int, groups);
  if (parts === undefined) return { ambiguous: false, reason: `its digit groups are not separated the ${fixed ? "locale's" : "same"} way` };
  if (parts.length > 1) {
    if (parts[0]!.length === 0 || parts[0]!.length > 3) return { ambiguous: false, reason: "its first digit group is empty or longer than three digits" };
    for (let i = 1; i < parts.length; i++) {
      const want = lakh && i < parts.length - 1 ? 2 : 3;
      if (parts[i]!.length !== want) return { ambiguous: false, reason: "a digit group after the first does not have three digits" };
    }
    int = parts.join("");
  }
  if (!/^[0-9]+$/.test(int)) return { ambiguous: false, reason: "it is not a number" };
  return frac ? `${int}.${frac}` : int;
}

function splitGroups(int: string, groups: string): string[] | undefined {
  let sep: string | undefined;
  for (const c of int) {
    if (c >= "0" && c <= "9") continue;
    if (!groups.includes(c)) return undefined;
    if (sep === undefined) sep = c;
    else if (sep !== c) return undefined;
  }
  return sep === undefined ? [int] : int.split(sep);
}

function count(s: string, c: string): number {
  let n = 0;
  for (let i = s.indexOf(c); i >= 0; i = s.indexOf(c, i + 1)) n++;
  return n;
}

