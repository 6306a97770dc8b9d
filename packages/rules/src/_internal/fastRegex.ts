/**
 * Native RegExp for the patterns a backtracking engine provably runs in linear time; everything else stays on re2js.
 *
 * Accepted patterns are a sequence of single-character atoms (a literal, an escape such as \d or \w, a
 * character class or `.`), each with an optional quantifier (?, *, +, {n}, {n,}, {n,m}); no groups, no
 * alternation, no flags. A variable-length atom must be followed by a mandatory atom whose characters are
 * disjoint from its own, or by the end (`$` or the end of the pattern); and a pattern with any
 * variable-length atom must start with `^`. Then every backtracking step fails on its first character, so
 * matching is O(n). The native source is re-emitted from the parsed atoms with RE2's meaning of `.`, \s and
 * \w so both engines agree.
 */

type Range = readonly [number, number];

interface Atom {
  /** Sorted, merged code-point ranges. */
  readonly set: readonly Range[];
  readonly min: number;
  readonly max: number;
}

const MAX_CP = 0x10ffff;

function normalize(ranges: Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [lo, hi] of sorted) {
    const last = out[out.length - 1];
    if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else out.push([lo, hi]);
  }
  return out;
}

function complement(ranges: readonly Range[]): Range[] {
  const out: Range[] = [];
  let next = 0;
  for (const [lo, hi] of ranges) {
    if (lo > next) out.push([next, lo - 1]);
    next = hi + 1;
  }
  if (next <= MAX_CP) out.push([next, MAX_CP]);
  return out;
}

function disjoint(a: readonly Range[], b: readonly Range[]): boolean {
  let i = 0, j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!, y = b[j]!;
    if (x[1] < y[0]) i++;
    else if (y[1] < x[0]) j++;
    else return false;
  }
  return true;
}

const DIGIT: Range[] = [[48, 57]];
const WORD: Range[] = normalize([[48, 57], [65, 90], [95, 95], [97, 122]]);
const SPACE: Range[] = normalize([[9, 10], [12, 13], [32, 32]]);
const NOT_NEWLINE: Range[] = complement([[10, 10]]);

const cp = (c: string) => c.codePointAt(0)!;

/** Reads an escape at `i` (after the backslash); returns its set and the next index, or undefined if unsupported. */
function readEscape(src: string, i: number, inClass: boolean): { set: Range[]; next: number } | undefined {
  const c = src[i];
  if (c === undefined) return undefined;
  switch (c) {
    case "d":
      return { set: DIGIT, next: i + 1 };
    case "D":
      return { set: complement(DIGIT), next: i + 1 };
    case "w":
      return { set: WORD, next: i + 1 };
    case "W":
      return { set: complement(WORD), next: i + 1 };
    case "s":
      return { set: SPACE, next: i + 1 };
    case "S":
      return { set: complement(SPACE), next: i + 1 };
    case "t":
      return { set: [[9, 9]], next: i + 1 };
    case "n":
      return { set: [[10, 10]], next: i + 1 };
    case "r":
      return { set: [[13, 13]], next: i + 1 };
    case "f":
      return { set: [[12, 12]], next: i + 1 };
    case "v":
      return { set: [[11, 11]], next: i + 1 };
    default:
      if (/[\\^$.|?*+()[\]{}\-/]/.test(c) || (inClass && c === "-")) return { set: [[cp(c), cp(c)]], next: i + 1 };
      return undefined;
  }
}

function readClass(src: string, start: number): { set: Range[]; next: number } | undefined {
  let i = start + 1;
  let negate = false;
  if (src[i] === "^") {
    negate = true;
    i++;
  }
  const ranges: Range[] = [];
  let first = true;
  while (i < src.length && (src[i] !== "]" || first)) {
    first = false;
    let lo: Range[];
    let single: number | undefined;
    if (src[i] === "\\") {
      const e = readEscape(src, i + 1, true);
      if (!e) return undefined;
      lo = e.set;
      if (e.set.length === 1 && e.set[0]![0] === e.set[0]![1]) single = e.set[0]![0];
      i = e.next;
    } else if (src[i] === "[") {
      return undefined; // [[:alpha:]] and nested classes
    } else {
      const ch = String.fromCodePoint(src.codePointAt(i)!);
      single = cp(ch);
      lo = [[single, single]];
      i += ch.length;
    }
    if (src[i] === "-" && src[i + 1] !== "]" && i + 1 < src.length && single !== undefined) {
      let hi: number;
      if (src[i + 1] === "\\") {
        const e = readEscape(src, i + 2, true);
        if (!e || e.set.length !== 1 || e.set[0]![0] !== e.set[0]![1]) return undefined;
        hi = e.set[0]![0];
        i = e.next;
      } else {
        const ch = String.fromCodePoint(src.codePointAt(i + 1)!);
        hi = cp(ch);
        i += 1 + ch.length;
      }
      if (hi < single) return undefined;
      ranges.push([single, hi]);
    } else {
      ranges.push(...lo);
    }
  }
  if (src[i] !== "]") return undefined;
  const set = normalize(ranges);
  return { set: negate ? complement(set) : set, next: i + 1 };
}

function readQuantifier(src: string, i: number): { min: number; max: number; next: number } | undefined {
  const c = src[i];
  if (c === "?") return { min: 0, max: 1, next: i + 1 };
  if (c === "*") return { min: 0, max: Number.POSITIVE_INFINITY, next: i + 1 };
  if (c === "+") return { min: 1, max: Number.POSITIVE_INFINITY, next: i + 1 };
  if (c === "{") {
    const m = /^\{(\d{1,4})(,(\d{0,4}))?\}/.exec(src.slice(i));
    if (!m) return undefined;
    const min = Number(m[1]);
    const max = m[2] === undefined ? min : m[3] === "" ? Number.POSITIVE_INFINITY : Number(m[3]);
    if (max < min) return undefined;
    return { min, max, next: i + m[0].length };
  }
  return { min: 1, max: 1, next: i };
}

/** Parses a pattern into anchored single-character atoms; undefined when it is outside the subset. */
function parseAtoms(src: string): { atoms: Atom[]; start: boolean; end: boolean } | undefined {
  let i = 0;
  let start = false;
  let end = false;
  if (src[0] === "^") {
    start = true;
    i = 1;
  }
  const atoms: Atom[] = [];
  while (i < src.length) {
    const c = src[i]!;
    if (c === "$" && i === src.length - 1) {
      end = true;
      i++;
      break;
    }
    let set: Range[];
    if (c === "\\") {
      const e = readEscape(src, i + 1, false);
      if (!e) return undefined;
      set = e.set;
      i = e.next;
    } else if (c === "[") {
      const k = readClass(src, i);
      if (!k) return undefined;
      set = k.set;
      i = k.next;
    } else if (c === ".") {
      set = NOT_NEWLINE;
      i++;
    } else if ("^$|()?*+{}".includes(c)) {
      return undefined;
    } else {
      const ch = String.fromCodePoint(src.codePointAt(i)!);
      set = [[cp(ch), cp(ch)]];
      i += ch.length;
    }
    const q = readQuantifier(src, i);
    if (!q) return undefined;
    i = q.next;
    const after = src[i];
    if (after === "?" || after === "*" || after === "+" || after === "{") return undefined; // lazy, possessive or stacked quantifiers
    atoms.push({ set, min: q.min, max: q.max });
  }
  return { atoms, start, end };
}

function isLinear(atoms: readonly Atom[], start: boolean): boolean {
  const variable = atoms.some((a) => a.min !== a.max);
  if (variable && !start) return false;
  for (let k = 0; k < atoms.length; k++) {
    const a = atoms[k]!;
    if (a.min === a.max) continue;
    const next = atoms[k + 1];
    if (next === undefined) continue;
    if (next.min === 0 || !disjoint(a.set, next.set)) return false;
  }
  return true;
}

function emitSet(set: readonly Range[], unicode: boolean): string {
  const hex = unicode ? (n: number) => `\\u{${n.toString(16)}}` : (n: number) => `\\u${n.toString(16).padStart(4, "0")}`;
  return `[${set.map(([lo, hi]) => (lo === hi ? hex(lo) : `${hex(lo)}-${hex(hi)}`)).join("")}]`;
}

function emitQuantifier(a: Atom): string {
  if (a.min === 1 && a.max === 1) return "";
  if (a.max === Number.POSITIVE_INFINITY) return `{${a.min},}`;
  return a.min === a.max ? `{${a.min}}` : `{${a.min},${a.max}}`;
}

/**
 * A native RegExp equivalent to the RE2 pattern when it is in the linear subset; undefined otherwise.
 * `flags` other than none keep the pattern on re2js.
 */
export function toLinearNativeRegex(pattern: string, flags = ""): RegExp | undefined {
  if (flags !== "" || pattern.length > 500) return undefined;
  const parsed = parseAtoms(pattern);
  if (!parsed || parsed.atoms.length === 0 || !isLinear(parsed.atoms, parsed.start)) return undefined;
  // Without the u flag a native RegExp is several times faster. That is only equivalent when no atom can match
  // a surrogate or an astral character, so that a surrogate pair matches nothing in either engine.
  const unicode = parsed.atoms.some((a) => a.set.some(([lo, hi]) => hi >= 0xd800 && lo <= 0xdfff) || a.set.some(([, hi]) => hi > 0xffff));
  const body = parsed.atoms.map((a) => emitSet(a.set, unicode) + emitQuantifier(a)).join("");
  try {
    return new RegExp(`${parsed.start ? "^" : ""}${body}${parsed.end ? "$" : ""}`, unicode ? "u" : "");
  } catch {
    return undefined;
  }
}
