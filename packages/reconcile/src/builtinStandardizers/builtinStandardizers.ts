/**
 * A function that brings a value to the canonical form both sides are compared in. It may return the
 * value itself, or a standardizer result (`{ ok: true, value }` / `{ ok: false }`): a failed result keeps
 * the original value, so unparseable values still compare as written.
 */
export type FieldStandardizer = (value: unknown, field: string) => unknown;

/** Builds a standardizer from its options, e.g. `phone` with `{ country_code: "86" }`. */
export type StandardizerFactory = (options: Readonly<Record<string, unknown>>) => FieldStandardizer;

const isEmpty = (v: unknown): boolean => v === null || v === undefined || (typeof v === "string" && v.trim() === "");

function text(v: unknown): string | null {
  if (isEmpty(v)) return null;
  return typeof v === "string" ? v : typeof v === "object" ? JSON.stringify(v) : String(v);
}

const trim: StandardizerFactory = () => (v) => (typeof v === "string" ? (v.trim() === "" ? null : v.trim()) : v);

/** Text for comparison: NFKC, trimmed, runs of spaces collapsed (and dropped between Chinese characters), lower case. */
const textForm: StandardizerFactory = (o) => (v) => {
  const s = text(v);
  if (s === null) return null;
  let out = s.normalize("NFKC").trim().replace(/\s+/gu, " ").replace(/(?<=\p{Script=Han}) (?=\p{Script=Han})/gu, "");
  if (o.ignore_spaces === true) out = out.replaceAll(" ", "");
  return o.ignore_case === false ? out : out.toLowerCase();
};

const lower: StandardizerFactory = () => (v) => text(v)?.trim().toLowerCase() ?? null;
const upper: StandardizerFactory = () => (v) => text(v)?.trim().toUpperCase() ?? null;
const email: StandardizerFactory = () => (v) => text(v)?.normalize("NFKC").trim().toLowerCase() ?? null;
const digits: StandardizerFactory = () => (v) => {
  const s = text(v);
  return s === null ? null : s.replace(/\D/g, "") || null;
};

/**
 * Digits of a phone number without the international prefix: `+86-138-1234-5678`, `0086 138 1234 5678`
 * and `138 1234 5678` all become `13812345678` with `{ country_code: "86" }`.
 */
const phone: StandardizerFactory = (o) => {
  const cc = o.country_code === undefined ? undefined : String(o.country_code).replace(/\D/g, "");
  return (v) => {
    const s = text(v);
    if (s === null) return null;
    const trimmed = s.trim();
    let d = trimmed.replace(/\D/g, "");
    if (d === "") return null;
    let international = /^\(?\+/.test(trimmed);
    if (!international && d.startsWith("00")) {
      d = d.slice(2);
      international = true;
    }
    if (cc && d.startsWith(cc) && (international || d.length - cc.length >= 10)) d = d.slice(cc.length);
    return d;
  };
};

/** Numbers written with currency signs, thousands separators or spaces: `¥117,000.00` (or `￥117,000.00`) becomes 117000. */
const number: StandardizerFactory = (o) => {
  const scale = typeof o.scale === "number" ? o.scale : undefined;
  return (v) => {
    if (typeof v === "number") return scale === undefined ? v : round(v, scale);
    const s = text(v);
    if (s === null) return null;
    const cleaned = s.replace(/[\s,_'¥￥$€£]|CNY|RMB|USD|EUR/gi, "");
    if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(cleaned)) return { ok: false };
    const n = Number(cleaned);
    return scale === undefined ? n : round(n, scale);
  };
};

function round(n: number, scale: number): number {
  const f = 10 ** scale;
  return Math.round(n * f) / f;
}

const pad = (n: number): string => String(n).padStart(2, "0");

function validDate(y: number, m: number, d: number): string | undefined {
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return undefined;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/**
 * Calendar dates in common spellings to `YYYY-MM-DD`: `2024-01-10`, `2024/1/10`, `20240110`,
 * `2024年1月10日`, `10-01-2024` (day first unless `{ order: "mdy" }`), and ISO timestamps (their UTC date).
 */
const date: StandardizerFactory = (o) => {
  const mdy = o.order === "mdy";
  return (v) => {
    if (v instanceof Date) return Number.isNaN(v.getTime()) ? { ok: false } : v.toISOString().slice(0, 10);
    const s = text(v)?.trim();
    if (s === undefined || s === null) return null;
    let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s);
    if (m) return validDate(+m[1]!, +m[2]!, +m[3]!) ?? { ok: false };
    m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
    if (m) return validDate(+m[1]!, +m[2]!, +m[3]!) ?? { ok: false };
    m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(s);
    if (m) return (mdy ? validDate(+m[3]!, +m[1]!, +m[2]!) : validDate(+m[3]!, +m[2]!, +m[1]!)) ?? { ok: false };
    if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(s)) {
      const t = Date.parse(s.replace(" ", "T").replace(/([+-]\d{2})$/, "$1:00"));
      if (!Number.isNaN(t)) return new Date(t).toISOString().slice(0, 10);
    }
    return { ok: false };
  };
};

/**
 * The standardizers this package brings, by the name a job file uses. They are deliberately simple;
 * the command line adds the richer ones of `@cleanse/standardize` (phone numbers by region, dates with
 * inferred order) through `resolveStandardizer`.
 * @example
 * builtinStandardizers.phone({ country_code: "86" })("+86-138-1234-5678", "phone") //=> "13812345678"
 */
export const builtinStandardizers: Readonly<Record<string, StandardizerFactory>> = {
  trim,
  text: textForm,
  lower,
  upper,
  email,
  digits,
  phone,
  number,
  date,
};
