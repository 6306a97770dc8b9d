/**
 * Words, quantities and codes of product-like text (titles, item names, descriptions), read from text already
 * normalized for matching (lower case, no diacritics).
 */

/** Units a number is read with, each spelling mapped to one name. */
const UNIT_NAMES: Readonly<Record<string, string>> = {
  tb: "tb", gb: "gb", mb: "mb", kb: "kb", tib: "tb", gib: "gb", mib: "mb",
  ghz: "ghz", mhz: "mhz", khz: "khz", hz: "hz",
  in: "in", inch: "in", inches: "in", zoll: "in", '"': "in", "''": "in", "”": "in", "″": "in",
  mp: "mp", mpx: "mp", megapixel: "mp", megapixels: "mp",
  mah: "mah", wh: "wh", w: "w", watt: "w", watts: "w", kw: "kw", v: "v", volt: "v",
  mm: "mm", cm: "cm", m: "m", km: "km", kg: "kg", g: "g", lb: "lb", lbs: "lb", oz: "oz",
  ml: "ml", l: "l", mbps: "mbps", gbps: "gbps", "mb/s": "mbps", "gb/s": "gbps", rpm: "rpm", ms: "ms", x: "x",
  core: "core", cores: "core", ports: "port", port: "port",
};

const UNIT_ALTERNATIVES = Object.keys(UNIT_NAMES)
  .sort((a, b) => b.length - a.length)
  .map((u) => u.replace(/\//g, "\\/"))
  .join("|");
/** A number (decimal point or comma) followed, with or without a space, by a unit. */
const QUANTITY = new RegExp(`(\\d+(?:[.,]\\d+)?)\\s?(${UNIT_ALTERNATIVES})(?![\\p{L}\\p{N}])`, "gu");
const WORD = /[\p{L}\p{N}]+(?:\.\d+)?/gu;
const PIECE = /[\p{L}\p{N}]+(?:[-/.][\p{L}\p{N}]+)*/gu;
const LETTER = /\p{L}/u;
const DIGIT = /\d/;
const SEPARATORS = /[-/.]/g;
const SEPARATOR = /[-/.]/;
/** A whole piece that is a quantity (`500gb`, `2.5ghz`). */
const WHOLE_QUANTITY = new RegExp(`^${QUANTITY.source}$`, "u");

/** A number with its unit, e.g. `{ value: 64, unit: "gb" }` for `64 GB`. */
export interface Quantity {
  readonly value: number;
  readonly unit: string;
}

/** Three digits after a comma or a point: `10,000` is ten thousand in one shop and ten in another. */
const AMBIGUOUS_NUMBER = /[.,]\d{3}$/;

/**
 * The value of a number as written before a unit (`2,5` and `2.5` are 2.5), or null when it is ambiguous: `1,000`
 * and `1.000` may be one thousand or one, and are never guessed.
 */
function quantityValue(number: string): number | null {
  if (AMBIGUOUS_NUMBER.test(number)) return null;
  const value = Number(number.replace(",", "."));
  return Number.isFinite(value) ? value : null;
}

/** Quantities written in a text: `64GB`, `64 gb`, `14"`, `2,5 ghz`; `10,000 mAh` is ambiguous and left out. */
export function quantitiesOf(text: string): Quantity[] {
  const out: Quantity[] = [];
  for (const m of text.matchAll(QUANTITY)) {
    const value = quantityValue(m[1]!);
    if (value !== null) out.push({ value, unit: UNIT_NAMES[m[2]!]! });
  }
  return out;
}

/**
 * Words of a text for weighted token comparison, with each quantity as one word (`64 gb`, `64gb` and
 * `64 GB` all give `64gb`; `14"` and `14 inch` give `14in`).
 */
export function wordTokens(text: string): string[] {
  const out: string[] = [];
  const rest = text.replace(QUANTITY, (_, n: string, unit: string) => {
    // An ambiguous number stays as written: a word, with no reading of its value.
    const value = quantityValue(n);
    out.push(`${value === null ? n : String(value)}${UNIT_NAMES[unit]!}`);
    return " ";
  });
  for (const m of rest.matchAll(WORD)) out.push(m[0]);
  return out;
}

/** A model number as written (`full`, separators removed) and the codes among its separated parts. */
export interface CodePiece {
  readonly full: string;
  readonly parts: readonly string[];
}

/**
 * Model numbers, part numbers and other codes in a text, one piece per code as written: letters and digits
 * together, at least four characters long, with dashes, dots and slashes removed (`KDL-46V5100` is `kdl46v5100`),
 * and the parts between those separators that are codes themselves (`46v5100`). Quantities (`500gb`, `2.5ghz`)
 * are not codes.
 */
export function modelCodePieces(text: string): CodePiece[] {
  // Most values (names, dates, phone numbers) lack a letter or a digit: no code, and no regular expression to run.
  if (!DIGIT.test(text) || !LETTER.test(text)) return [];
  const out: CodePiece[] = [];
  const seen = new Set<string>();
  for (const m of text.matchAll(PIECE)) {
    const piece = m[0];
    const full = asCode(piece);
    const parts: string[] = [];
    if (SEPARATOR.test(piece)) {
      for (const part of piece.split(SEPARATOR)) {
        const code = asCode(part);
        if (code !== null && code !== full && !parts.includes(code)) parts.push(code);
      }
    }
    if (full === null && parts.length === 0) continue;
    // A piece that is no code as a whole (`i5-4200u` is one, `core-2` is not) still has its coded parts.
    for (const code of full === null ? parts : [full]) {
      if (seen.has(code)) continue;
      seen.add(code);
      out.push({ full: code, parts: full === null ? [] : parts });
    }
  }
  return out;
}

/** Every code of a text: each piece's code and its coded parts, sorted (`KDL-46V5100` gives `46v5100`, `kdl46v5100`). */
export function modelCodes(text: string): string[] {
  const found = new Set<string>();
  for (const p of modelCodePieces(text)) {
    found.add(p.full);
    for (const part of p.parts) found.add(part);
  }
  return [...found].sort();
}

function asCode(piece: string): string | null {
  const code = piece.replace(SEPARATORS, "");
  if (code.length < 4 || !LETTER.test(code) || !DIGIT.test(code)) return null;
  return WHOLE_QUANTITY.test(piece) ? null : code;
}
