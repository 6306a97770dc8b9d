import { ConfigError } from "@cleanse/core";
import { Decimal } from "decimal.js";
import { parseChineseNumber } from "../_internal/chineseNumber.ts";
import { readBody, separatorsFor } from "../_internal/decimalText.ts";
import { emptyResult, failure, notText, showValue, success } from "../ValueResult/valueResults.ts";
import type { EmptyOptions, ValueResult } from "../ValueResult/ValueResult.ts";

/** How to round when the value has more decimals than `scale`. */
export type DecimalRounding = "half-up" | "half-even" | "half-down" | "up" | "down" | "ceil" | "floor";

/** Options of {@link parseDecimal}. */
export interface ParseDecimalOptions extends EmptyOptions {
  /** Number of decimals in the output (0-100). Default: as many as the value needs, none trailing. */
  readonly scale?: number;
  /** Default `"half-up"` (0.005 -> 0.01, -0.005 -> -0.01); `"half-even"` is banker's rounding. */
  readonly rounding?: DecimalRounding;
  /**
   * Decimal and group separators: `"en"` `1,234.5`, `"de"` `1.234,5`, `"fr"` `1 234,5`, `"ch"` `1'234.5`,
   * `"in"` `1,23,456.5`, or another BCP 47 tag of those conventions. Default `"auto"`: both conventions are read
   * when the text tells which one it uses; `1,234` (one comma, three digits after) is `ambiguous_decimal`.
   */
  readonly locale?: string;
  /**
   * Accept a currency symbol or ISO code before or after the amount (`¥1,234.50`, `$ 12`, `12 EUR`, `12元`);
   * the currency found is returned in `info`. `true` (default) accepts any, `false` none, a list only those.
   */
  readonly allowCurrency?: boolean | readonly string[];
  /** Read amounts in Chinese numerals (`一千二百三十四点五`, `壹仟贰佰元整`, `1.5万`). Default true. */
  readonly chinese?: boolean;
}

/** What {@link parseDecimal} learned on the way. */
export interface DecimalInfo {
  /** Currency symbol or code the amount was written with. */
  readonly currency?: string;
}

/** A compiled decimal standardizer. */
export type DecimalParser = (value: unknown) => ValueResult<string, DecimalInfo>;

// Plenty of precision: arithmetic here only shifts decimal points, and rounding happens in toFixed.
const D = Decimal.clone({ precision: 1000, toExpNeg: -9e15, toExpPos: 9e15 });
const ROUNDING: Readonly<Record<DecimalRounding, Decimal.Rounding>> = {
  up: Decimal.ROUND_UP,
  down: Decimal.ROUND_DOWN,
  ceil: Decimal.ROUND_CEIL,
  floor: Decimal.ROUND_FLOOR,
  "half-up": Decimal.ROUND_HALF_UP,
  "half-down": Decimal.ROUND_HALF_DOWN,
  "half-even": Decimal.ROUND_HALF_EVEN,
};

// Currency symbols and codes written before or after an amount, longest first.
const SYMBOLS = ["US$", "HK$", "NT$", "RMB", "CN¥", "A$", "C$", "S$", "R$", "$", "¥", "€", "£", "₹", "₩", "₽", "₺", "₫", "₪", "฿", "₱", "元", "円"];
const PREFIX = new RegExp(`^(${SYMBOLS.map(escape).join("|")}|[A-Z]{3}(?=[\\s\\d.,(+-]))\\s*`);
const SUFFIX = new RegExp(`\\s*(${SYMBOLS.map(escape).join("|")}|(?<=[\\s\\d.)])[A-Z]{3})$`);
const CHINESE_CHARS = /[零〇一壹二贰貳两兩三叁參四肆五伍六陆陸七柒八捌九玖十拾百佰千仟万萬亿億点點负負角分整]/;

function escape(s: string): string {
  return s.replace(/[$.*+?()[\]{}|^\\]/g, "\\$&");
}

/**
 * Compiles decimal options into a reusable standardizer for a column.
 * @param options - scale, rounding, locale, currency handling
 * @returns a function from a value to its standardized decimal string
 * @throws ConfigError `CLEANSE_BAD_OPTION` for an unknown locale, rounding or a bad scale
 * @example
 * createDecimalParser({ scale: 2 })("¥1,234.5").value //=> "1234.50"
 */
export function createDecimalParser(options: ParseDecimalOptions = {}): DecimalParser {
  const scale = options.scale;
  if (scale !== undefined && !(Number.isInteger(scale) && scale >= 0 && scale <= 100)) {
    throw new ConfigError(`Invalid scale ${showValue(scale)}: expected an integer from 0 to 100.`, { code: "CLEANSE_BAD_OPTION" });
  }
  const rounding = ROUNDING[options.rounding ?? "half-up"];
  if (rounding === undefined) {
    throw new ConfigError(`Unknown rounding ${showValue(options.rounding)}: expected one of ${Object.keys(ROUNDING).join(", ")}.`, { code: "CLEANSE_BAD_OPTION" });
  }
  const separators = separatorsFor(options.locale ?? "auto");
  const plainDotIsDecimal = separators === undefined || separators.decimal === ".";
  const allowCurrency = options.allowCurrency ?? true;
  const currencies = Array.isArray(allowCurrency) ? new Set<string>(allowCurrency) : undefined;
  const chinese = options.chinese !== false;
  const emptyPolicy = options.empty;
  const zeros = "0".repeat(scale ?? 0);

  /** Canonical string of a plain decimal (digits, one optional dot, optional leading minus), exactly. */
  function finish(num: string, value: unknown, currency: string | undefined): ValueResult<string, DecimalInfo> {
    let out: string;
    const fast = fastFixed(num, scale, zeros);
    if (fast !== undefined) out = fast;
    else {
      let d: Decimal;
      try {
        d = new D(num);
      } catch {
        return invalid(value, "it is not a number");
      }
      if (!d.isFinite()) return invalid(value, "it is not a finite number");
      if (d.e > 1000 || (scale === undefined && d.e < -1000)) return invalid(value, "it has more than a thousand digits");
      out = scale === undefined ? d.toFixed() : d.toFixed(scale, rounding);
      if (out.charCodeAt(0) === 45 && /^-0(?:\.0*)?$/.test(out)) out = out.slice(1);
    }
    return currency === undefined ? success(out, out !== value) : success(out, out !== value, { currency });
  }

  return function standardize(value: unknown): ValueResult<string, DecimalInfo> {
    let text: string;
    if (typeof value === "string") text = value;
    else if (typeof value === "number") {
      if (!Number.isFinite(value)) return invalid(value, "it is not a finite number");
      return finish(String(value), value, undefined);
    } else if (typeof value === "bigint") return finish(String(value), value, undefined);
    else {
      const empty = emptyResult<string>(value, emptyPolicy);
      if (empty) return empty;
      return notText("number", value);
    }
    if (plainDotIsDecimal && isPlain(text)) return finish(text, value, undefined);
    const empty = emptyResult<string>(value, emptyPolicy);
    if (empty) return empty;
    return general(text.trim(), value);
  };

  function general(input: string, value: unknown): ValueResult<string, DecimalInfo> {
    let s = input;
    if (/[^\x20-\x7e]/.test(s)) {
      s = s.normalize("NFKC").replace(/[\u2212\u2012\u2013\u2796]/g, "-").replace(/[\u2019\u02BC]/g, "'").trim();
    }
    let negative = false;
    let currency: string | undefined;
    // Sign, brackets and currency may wrap each other: -$12, $-12, ($12.00), 12.00 USD, 1.234,50-
    for (let pass = 0; pass < 3; pass++) {
      if (s.length > 1 && s.charCodeAt(0) === 40 && s.charCodeAt(s.length - 1) === 41) {
        if (negative) return invalid(value, "it has two minus signs");
        negative = true;
        s = s.slice(1, -1).trim();
      }
      const c0 = s.charCodeAt(0);
      if (c0 === 45 || c0 === 43) {
        if (c0 === 45) {
          if (negative) return invalid(value, "it has two minus signs");
          negative = true;
        }
        s = s.slice(1).trimStart();
      }
      if (s.length > 1 && s.charCodeAt(s.length - 1) === 45) {
        if (negative) return invalid(value, "it has two minus signs");
        negative = true;
        s = s.slice(0, -1).trimEnd();
      }
      if (currency === undefined) {
        const pre = PREFIX.exec(s);
        if (pre) {
          currency = pre[1]!;
          s = s.slice(pre[0].length);
          continue;
        }
        const post = SUFFIX.exec(s);
        if (post && post.index > 0) {
          currency = post[1]!;
          s = s.slice(0, post.index);
          continue;
        }
      }
      break;
    }
    if (currency !== undefined) {
      if (allowCurrency === false) return invalid(value, `it holds the currency ${showValue(currency)}; set allowCurrency to accept it`);
      if (currencies !== undefined && !currencies.has(currency)) {
        return invalid(value, `it holds the currency ${showValue(currency)}, not one of ${[...currencies].join(", ")}`);
      }
    }
    if (chinese && CHINESE_CHARS.test(s)) {
      const parsed = parseChineseNumber(s);
      if (parsed === undefined) return invalid(value, "its Chinese numerals cannot be read without guessing");
      if (parsed.money && currency === undefined) currency = "元";
      const num = parsed.value;
      return finish(negative ? (num.startsWith("-") ? num.slice(1) : `-${num}`) : num, value, currency);
    }
    const body = readBody(s, separators, currency !== undefined);
    if (typeof body !== "string") {
      return body.ambiguous
        ? failure(
            "ambiguous_decimal",
            `Ambiguous number ${showValue(value)}: ${body.reason}; set locale ("en" reads 1,234 as 1234, "de" reads it as 1.234).`,
            value,
          )
        : invalid(value, body.reason);
    }
    return finish(negative ? `-${body}` : body, value, currency);
  }
}

function invalid(value: unknown, why: string) {
  return failure("invalid_decimal", `Invalid number ${showValue(value)}: ${why}.`, value);
}

/** True for `-?digits(.digits)?`: nothing to read, only to round. */
function isPlain(s: string): boolean {
  const n = s.length;
  let i = s.charCodeAt(0) === 45 ? 1 : 0;
  const start = i;
  let dot = false;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) continue;
    if (c === 46 && !dot && i > start && i < n - 1) {
      dot = true;
      continue;
    }
    return false;
  }
  return i > start;
}

/**
 * Rounds or pads a plain decimal string without decimal.js when no digit is dropped, giving exactly what
 * decimal.js gives. Undefined when rounding is needed.
 */
function fastFixed(num: string, scale: number | undefined, zeros: string): string | undefined {
  if (!isPlain(num)) return undefined;
  const negative = num.charCodeAt(0) === 45;
  let dot = num.indexOf(".");
  if (dot < 0) dot = num.length;
  let intStart = negative ? 1 : 0;
  while (intStart < dot - 1 && num.charCodeAt(intStart) === 48) intStart++;
  const int = num.slice(intStart, dot);
  let frac = dot < num.length ? num.slice(dot + 1) : "";
  if (scale === undefined) {
    let end = frac.length;
    while (end > 0 && frac.charCodeAt(end - 1) === 48) end--;
    frac = frac.slice(0, end);
  } else {
    if (frac.length > scale) return undefined;
    if (frac.length < scale) frac += zeros.slice(frac.length);
  }
  const zero = int === "0" && !/[1-9]/.test(frac);
  const sign = negative && !zero ? "-" : "";
  return frac.length > 0 ? `${sign}${int}.${frac}` : `${sign}${int}`;
}

const cache = new WeakMap<ParseDecimalOptions, DecimalParser>();
const defaultStandardizer: DecimalParser = createDecimalParser();

/**
 * Standardizes an amount to a plain decimal string, exactly (decimal.js, never binary floating point):
 * group and decimal separators by locale, currency symbols, `(123.45)` and trailing minus as negative,
 * exponents, full-width digits and Chinese numerals. For a whole column, {@link createDecimalParser}
 * checks the options once.
 * @param value - the amount as text or number
 * @param options - scale, rounding, locale, currency handling
 * @returns the decimal string (at `scale` decimals when set), `null` for empty input
 * @example
 * parseDecimal("¥1,234.5", { scale: 2 }) //=> { ok: true, value: "1234.50", changed: true, info: { currency: "¥" } }
 * parseDecimal("(1.234,5)", { locale: "de" }).value //=> "-1234.5"
 */
export function parseDecimal(value: unknown, options?: ParseDecimalOptions): ValueResult<string, DecimalInfo> {
  if (options === undefined) return defaultStandardizer(value);
  let compiled = cache.get(options);
  if (compiled === undefined) {
    compiled = createDecimalParser(options);
    cache.set(options, compiled);
  }
  return compiled(value);
}
