import { z } from "zod";
import type { RuleDefinition } from "../../defineRule/defineRule.ts";
import { RuleOptionError } from "../../defineRule/defineRule.ts";
import { parseIsoDate } from "@cleanse/values";
import { today } from "../dates.ts";
import { toText } from "../values.ts";
import { builtin, show } from "./define.ts";

const PROVINCES = new Set([11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83]);
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = "10X98765432";

/** Why a resident ID card number is invalid, or undefined when it is valid (GB 11643-1999). */
export function checkCnIdCard(text: string, options: { readonly allow15?: boolean; readonly now?: Date } = {}): string | undefined {
  const id = text.trim().toUpperCase();
  if (id.length === 15 && options.allow15) {
    if (!/^\d{15}$/.test(id)) return "a 15-digit number must contain digits only";
    return checkIdParts(id.slice(0, 2), `19${id.slice(6, 12)}`, options.now);
  }
  if (id.length !== 18) return `expected 18 characters, received ${id.length}`;
  if (!/^\d{17}[\dX]$/.test(id)) return "expected 17 digits and a final digit or X";
  const parts = checkIdParts(id.slice(0, 2), id.slice(6, 14), options.now);
  if (parts) return parts;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (id.charCodeAt(i) - 48) * ID_WEIGHTS[i]!;
  const expected = ID_CHECK[sum % 11]!;
  return id[17] === expected ? undefined : `check digit is ${id[17]}, expected ${expected}`;
}

function checkIdParts(province: string, birth: string, now: Date | undefined): string | undefined {
  if (!PROVINCES.has(Number(province))) return `unknown province code ${province}`;
  // The birth date, yyyyMMdd, as the value kernel reads a calendar date.
  const t = parseIsoDate(`${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}`);
  if (Number.isNaN(t) || birth < "18000101") return `birth date ${birth} is not a valid date`;
  if (t > today(now)) return `birth date ${birth} is in the future`;
  return undefined;
}

const cnIdCard = builtin({
  name: "cn_id_card",
  description:
    "The value must be a PRC resident identity card number (GB 11643-1999): 18 characters, a known province code, a real birth date that is not in the future, and the ISO 7064 MOD 11-2 check character (digit or X). `allow_15: true` also accepts the old 15-digit form.",
  code: "invalid_format",
  dimension: "validity",
  options: z.strictObject({ allow_15: z.boolean().optional().describe("Accept first-generation 15-digit numbers") }),
  examples: ["id_number: { rules: [cn_id_card], pii: true }", "id_number: [{ cn_id_card: { allow_15: true } }]"],
  compile: (o) => {
    const options = { allow15: o.allow_15 ?? false };
    return {
      kind: "value",
      test: (v) => {
        const t = toText(v);
        return t !== undefined && checkCnIdCard(t, options) === undefined;
      },
      message: (v) => {
        const t = toText(v);
        return `invalid resident ID card number: ${t === undefined ? `expected text, received ${show(v)}` : checkCnIdCard(t, options)}`;
      },
    };
  },
});

const USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** Why a unified social credit code is invalid, or undefined when it is valid (GB 32100-2015). */
export function checkCnUscc(text: string): string | undefined {
  const code = text.trim().toUpperCase();
  if (code.length !== 18) return `expected 18 characters, received ${code.length}`;
  let sum = 0;
  for (let i = 0; i < 18; i++) {
    const c = code[i]!;
    const v = USCC_CHARS.indexOf(c);
    if (v < 0) return `character ${JSON.stringify(c)} at position ${i + 1} is not allowed (I, O, S, V and Z are never used)`;
    if (i < 17) sum += v * USCC_WEIGHTS[i]!;
  }
  if (!/^\d{6}$/.test(code.slice(2, 8))) return "positions 3-8 must be the 6-digit administrative division code";
  const expected = USCC_CHARS[(31 - (sum % 31)) % 31]!;
  return code[17] === expected ? undefined : `check character is ${code[17]}, expected ${expected}`;
}

const cnUscc = builtin({
  name: "cn_uscc",
  description:
    "The value must be a unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from 0-9 and A-Y without I, O, S, V, Z; a 6-digit division code in positions 3-8; and the MOD 31 check character.",
  code: "invalid_format",
  dimension: "validity",
  options: z.strictObject({}),
  examples: ["credit_code: [cn_uscc]"],
  compile: () => ({
    kind: "value",
    test: (v) => typeof v === "string" && checkCnUscc(v) === undefined,
    message: (v) => `invalid unified social credit code: ${typeof v === "string" ? checkCnUscc(v) : `expected text, received ${show(v)}`}`,
  }),
});

const POSTAL: Readonly<Record<string, RegExp>> = {
  CN: /^[0-8]\d{5}$/,
  US: /^\d{5}(?:-\d{4})?$/,
  GB: /^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/i,
  DE: /^\d{5}$/,
  FR: /^\d{5}$/,
  IT: /^\d{5}$/,
  ES: /^\d{5}$/,
  NL: /^\d{4} ?[A-Z]{2}$/i,
  JP: /^\d{3}-?\d{4}$/,
  KR: /^\d{5}$/,
  CA: /^[A-Z]\d[A-Z] ?\d[A-Z]\d$/i,
  AU: /^\d{4}$/,
  IN: /^[1-9]\d{5}$/,
  SG: /^\d{6}$/,
  TW: /^\d{3}(?:\d{2,3})?$/,
  RU: /^\d{6}$/,
  BR: /^\d{5}-?\d{3}$/,
};

const postalCode = builtin({
  name: "postal_code",
  description: `The value must be a postal code of \`country\` (default CN: 6 digits, first digit 0-8). Known countries: ${Object.keys(POSTAL).join(", ")}.`,
  code: "invalid_format",
  dimension: "validity",
  options: z.strictObject({ country: z.string().length(2).optional() }),
  shorthand: "country",
  examples: ["zip: [postal_code]", "zip: [{ postal_code: US }]"],
  compile: (o) => {
    const country = (o.country ?? "CN").toUpperCase();
    const re = POSTAL[country];
    if (!re) throw new RuleOptionError(`no postal code pattern for ${show(o.country)}; known: ${Object.keys(POSTAL).join(", ")} (use regex for others)`, ["country"]);
    // CN codes are checked by hand: six digits, the first 0-8.
    const cn = (t: string) => {
      if (t.length !== 6) return false;
      const first = t.charCodeAt(0);
      if (first < 48 || first > 56) return false;
      for (let i = 1; i < 6; i++) {
        const c = t.charCodeAt(i);
        if (c < 48 || c > 57) return false;
      }
      return true;
    };
    const textTest = country === "CN" ? cn : (t: string) => re.test(t);
    return {
      kind: "value",
      test: (v) => {
        if (typeof v === "string") return textTest(v);
        return typeof v === "number" && Number.isInteger(v) && v >= 0 && textTest(String(v).padStart(country === "CN" ? 6 : 0, "0"));
      },
      message: (v) => `expected a ${country} postal code, received ${show(v)}`,
    };
  },
});

/** Luhn (mod 10) checksum over a string of digits. */
export function luhn(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

const bankCard = builtin({
  name: "bank_card",
  description: "The value must be a payment card number: 12-19 digits (spaces and dashes allowed) passing the Luhn check; `luhn: false` skips the checksum (some domestic debit cards lack it).",
  code: "invalid_format",
  dimension: "validity",
  options: z.strictObject({ luhn: z.boolean().optional() }),
  examples: ["card_no: [bank_card]", "card_no: [{ bank_card: { luhn: false } }]"],
  compile: (o) => {
    const check = o.luhn ?? true;
    const digitsOf = (v: unknown): string | undefined => {
      const t = typeof v === "number" ? (Number.isSafeInteger(v) ? String(v) : undefined) : toText(v);
      if (t === undefined || typeof v === "boolean") return undefined;
      const d = t.replace(/[\s-]/g, "");
      return /^\d{12,19}$/.test(d) ? d : undefined;
    };
    return {
      kind: "value",
      test: (v) => {
        const d = digitsOf(v);
        return d !== undefined && (!check || luhn(d));
      },
      message: (v) => (digitsOf(v) === undefined ? `expected 12-19 digits, received ${show(v)}` : `card number ${show(v)} fails the Luhn check`),
    };
  },
});

export const chinaRules: readonly RuleDefinition[] = [cnIdCard, cnUscc, postalCode, bankCard];
