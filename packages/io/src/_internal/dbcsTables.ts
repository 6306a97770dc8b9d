import iconv from "iconv-lite";

/**
 * Per-character lookup tables of a double-byte encoding, built once from iconv-lite so that the
 * decoder can find character boundaries and invalid bytes exactly where iconv-lite would.
 */
export interface DbcsTables {
  /** Characters of the single bytes 0x80-0xFF (index `byte - 0x80`); `undefined` for lead or invalid bytes. */
  readonly singles: readonly (string | undefined)[];
  /** Characters of two-byte sequences, indexed `lead << 8 | trail`; `undefined` when unmapped. */
  readonly pairs: readonly (string | undefined)[];
  /** Lead bytes that start at least one mapped pair (index = byte). */
  readonly isLead: Uint8Array;
  /** Whether the encoding has longer sequences (GB18030 four-byte, EUC-JP three-byte). */
  readonly longSequences: "gb18030" | "eucjp" | undefined;
  /** Decodes a three- or four-byte sequence, or returns undefined when it is not mapped. */
  decodeLong(bytes: Uint8Array): string | undefined;
}

const tables = new Map<string, DbcsTables>();

/** The tables of an iconv-lite DBCS encoding, built on first use (a few milliseconds). */
export function dbcsTables(iconvName: string): DbcsTables {
  let t = tables.get(iconvName);
  if (!t) {
    t = build(iconvName);
    tables.set(iconvName, t);
  }
  return t;
}

function build(iconvName: string): DbcsTables {
  const singles: (string | undefined)[] = new Array(128).fill(undefined);
  for (let b = 0x80; b <= 0xff; b++) {
    const s = iconv.decode(Uint8Array.of(b), iconvName);
    if (s.length > 0 && s !== "\ufffd") singles[b - 0x80] = s;
  }
  // Every candidate pair followed by a newline: a mapped pair decodes to its character, an unmapped
  // one to a replacement character, so each segment between newlines belongs to exactly one pair.
  const leads: number[] = [];
  for (let b = 0x81; b <= 0xfe; b++) if (singles[b - 0x80] === undefined) leads.push(b);
  const trailFrom = 0x40;
  const trailCount = 0xff - trailFrom;
  const probe = new Uint8Array(leads.length * trailCount * 3);
  let o = 0;
  for (const lead of leads) {
    for (let trail = trailFrom; trail < 0xff; trail++) {
      probe[o++] = lead;
      probe[o++] = trail;
      probe[o++] = 0x0a;
    }
  }
  const segments = iconv.decode(probe, iconvName).split("\n");
  const pairs: (string | undefined)[] = new Array(65536).fill(undefined);
  const isLead = new Uint8Array(256);
  let k = 0;
  for (const lead of leads) {
    for (let trail = trailFrom; trail < 0xff; trail++) {
      const seg = segments[k++];
      if (seg !== undefined && seg.length > 0 && seg.charCodeAt(0) !== 0xfffd) {
        pairs[(lead << 8) | trail] = seg;
        isLead[lead] = 1;
      }
    }
  }
  const longSequences = iconvName === "gb18030" ? "gb18030" : iconvName === "eucjp" ? "eucjp" : undefined;
  if (longSequences === "gb18030") for (let b = 0x81; b <= 0xfe; b++) isLead[b] = 1;
  if (longSequences === "eucjp") isLead[0x8f] = 1;
  const long = new Map<number, string | undefined>();
  return {
    singles,
    pairs,
    isLead,
    longSequences,
    decodeLong(bytes) {
      let key = 0;
      for (const b of bytes) key = key * 256 + b;
      if (long.has(key)) return long.get(key);
      const s = iconv.decode(bytes, iconvName);
      const value = s.length > 0 && !s.includes("\ufffd") ? s : bytes.length === 4 && isGb18030Fffd(bytes) ? "\ufffd" : undefined;
      long.set(key, value);
      return value;
    },
  };
}

/** GB18030 can encode U+FFFD itself (84 31 A4 37); that one is valid, not a replacement. */
function isGb18030Fffd(bytes: Uint8Array): boolean {
  return bytes[0] === 0x84 && bytes[1] === 0x31 && bytes[2] === 0xa4 && bytes[3] === 0x37;
}

/** Length of the character starting at `i`, or 0 when it needs bytes past `end`; invalid bytes count as 1. */
export function dbcsCharLength(t: DbcsTables, bytes: Uint8Array, i: number, end: number): number {
  const b = bytes[i]!;
  if (b < 0x80 || t.singles[b - 0x80] !== undefined) return 1;
  if (t.isLead[b] === 0) return 1;
  if (i + 1 >= end) return 0;
  const b2 = bytes[i + 1]!;
  if (t.longSequences === "gb18030" && b2 >= 0x30 && b2 <= 0x39) {
    if (i + 3 >= end) return 0;
    return t.decodeLong(bytes.subarray(i, i + 4)) === undefined ? 1 : 4;
  }
  if (t.longSequences === "eucjp" && b === 0x8f) {
    if (i + 2 >= end) return 0;
    return t.decodeLong(bytes.subarray(i, i + 3)) === undefined ? 1 : 3;
  }
  return t.pairs[(b << 8) | b2] === undefined ? 1 : 2;
}
