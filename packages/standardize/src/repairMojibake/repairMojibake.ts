import iconv from "iconv-lite";

/** Options of {@link repairMojibake}. */
export interface RepairMojibakeOptions {
  /**
   * Wrong decodings to undo, tried in order. `"windows-1252"` (default) covers UTF-8 read as windows-1252 or
   * Latin-1 (`CafÃ©`); `"gbk"` covers UTF-8 read as GBK (`涓枃` for `中文`), which is opt-in because short
   * Chinese texts can look like it by chance.
   */
  readonly encodings?: readonly ("windows-1252" | "gbk")[];
  /** How many layers of double decoding to undo. Default 3; after the first, a layer is undone only when the text still shows the marks of double decoding (`Ã©`, `â€`, `ä¸`). */
  readonly maxPasses?: number;
}

/** Why {@link repairMojibake} left a text as it was, or `repaired`. */
export type MojibakeReason =
  | "repaired"
  | "ascii"
  | "not_encodable"
  | "not_utf8"
  | "implausible";

/** The outcome of {@link repairMojibake}. */
export interface MojibakeRepair {
  readonly text: string;
  readonly changed: boolean;
  readonly reason: MojibakeReason;
  /** The wrong decodings undone, outermost first. */
  readonly undone: readonly string[];
}

// windows-1252 characters of bytes 0x80-0x9F; the five undefined bytes decode to C1 controls.
const CP1252_HIGH = "\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178";
const TO_BYTE = new Map<number, number>();
for (let i = 0; i < 32; i++) TO_BYTE.set(CP1252_HIGH.charCodeAt(i), 0x80 + i);
const utf8 = new TextDecoder("utf-8", { fatal: true });
// Characters a repaired text should not contain: C1 controls, replacement character, invisible format
// characters (except soft hyphens and the joiners of emoji sequences), private use and unassigned code points.
const IMPLAUSIBLE = /(?![\u00AD\u200C\u200D])[\u0080-\u009F\uFFFD\p{Cf}\p{Co}\p{Cn}]/u;
// A combining mark with no letter to sit on.
const LONE_MARK = /(?:^|[\s\p{P}\p{S}\x00-\x7f])\p{M}/u;
// What text garbled twice still shows after one repair: a UTF-8 lead byte read as Latin-1 (Â-ô) right before a
// continuation byte read as windows-1252/Latin-1.
const STILL_GARBLED = /[\u00C2-\u00F4][\u0080-\u00BF\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u0192\u02C6\u02DC\u2013\u2014\u2018-\u201E\u2020-\u2022\u2026\u2030\u2039\u203A\u20AC\u2122]/;

/**
 * Undoes the usual double decoding: UTF-8 bytes that were read as windows-1252/Latin-1 (`CafÃ©` -> `Café`,
 * `ä¸­æ–‡` -> `中文`). Repairs only when certain: the text maps back to bytes exactly, the bytes are valid UTF-8
 * and the result is more plausible (no control or replacement characters). Otherwise the text comes back
 * unchanged with the reason.
 * @param text - the suspect text
 * @param options - which wrong decodings to undo
 * @returns the repaired text, whether it changed and why (not)
 * @example
 * repairMojibake("CafÃ©") //=> { text: "Café", changed: true, reason: "repaired", undone: ["windows-1252"] }
 * repairMojibake("Café").reason //=> "not_utf8"
 */
export function repairMojibake(text: string, options: RepairMojibakeOptions = {}): MojibakeRepair {
  const encodings = options.encodings ?? ["windows-1252"];
  const maxPasses = options.maxPasses ?? 3;
  let current = text;
  const undone: string[] = [];
  let lastReason: MojibakeReason = "ascii";
  for (let pass = 0; pass < maxPasses; pass++) {
    if (!/[^\x00-\x7f]/.test(current)) {
      lastReason = "ascii";
      break;
    }
    // A second layer is undone only when the text still shows the marks of double encoding.
    if (pass > 0 && !STILL_GARBLED.test(current)) break;
    let fixed: string | undefined;
    for (const encoding of encodings) {
      const attempt = encoding === "gbk" ? undoGbk(current) : undoCp1252(current);
      if (typeof attempt === "string") {
        fixed = attempt;
        undone.push(encoding);
        break;
      }
      lastReason = attempt.reason;
    }
    if (fixed === undefined) break;
    current = fixed;
  }
  if (undone.length === 0) return { text, changed: false, reason: lastReason, undone: [] };
  // An intermediate layer may hold C1 controls (Latin-1 double decoding); the final text may not.
  if (IMPLAUSIBLE.test(current)) return { text, changed: false, reason: "implausible", undone: [] };
  return { text: current, changed: true, reason: "repaired", undone };
}

function undoCp1252(text: string): string | { reason: MojibakeReason } {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const b = c <= 0xff ? c : TO_BYTE.get(c);
    if (b === undefined) return { reason: "not_encodable" };
    bytes[i] = b;
  }
  return decodeChecked(bytes, text, (s) => {
    // map back: UTF-8 bytes of the result, each read as one windows-1252/Latin-1 character
    const back = Buffer.from(s, "utf8");
    let out = "";
    for (let i = 0; i < back.length; i++) {
      const b = back[i]!;
      const original = text.charCodeAt(out.length);
      // Bytes 0x80-0x9F were written either as windows-1252 characters or as Latin-1 controls: accept the one used.
      out += b >= 0x80 && b <= 0x9f && original === b ? String.fromCharCode(b) : b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80]! : String.fromCharCode(b);
    }
    return out;
  });
}

function undoGbk(text: string): string | { reason: MojibakeReason } {
  if (!/[\u3400-\u9fff]/.test(text) || text.length < 3) return { reason: "implausible" };
  const bytes = iconv.encode(text, "gbk");
  if (iconv.decode(bytes, "gbk") !== text) return { reason: "not_encodable" };
  return decodeChecked(new Uint8Array(bytes), text, (s) => iconv.decode(Buffer.from(s, "utf8"), "gbk"));
}

function decodeChecked(bytes: Uint8Array, text: string, reencode: (s: string) => string): string | { reason: MojibakeReason } {
  let decoded: string;
  try {
    decoded = utf8.decode(bytes);
  } catch {
    return { reason: "not_utf8" };
  }
  if (decoded === text) return { reason: "ascii" };
  if (LONE_MARK.test(decoded)) return { reason: "implausible" };
  // A layer that is itself still garbled is judged once fully repaired.
  if (IMPLAUSIBLE.test(decoded) && !STILL_GARBLED.test(decoded)) return { reason: "implausible" };
  if (reencode(decoded) !== text) return { reason: "implausible" };
  return decoded;
}
