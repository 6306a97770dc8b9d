import { maskShape } from "../_internal/maskShape.ts";
import { isPersonalValue, type IsPersonalValueOptions } from "../isPersonalValue/isPersonalValue.ts";

/** Text around an `@` up to white space, quotes, brackets and punctuation (ASCII and CJK). */
const EMAIL_CANDIDATE = /[^\s"'`<>()[\]{},;:!?，。；：、！？“”‘’「」『』《》（）【】]+[@\uff20][^\s"'`<>()[\]{},;:!?，。；：、！？“”‘’「」『』《》（）【】]+/gu;
/**
 * A run of digits and the separators phone and card numbers are written with, optionally led by `+`, `(` or `(+`
 * and ended by an ID card's check character `X`; separators only between digits.
 */
const NUMBER_RUN = /(?<![0-9A-Za-z])(?:\(\+|\uff08\+|\+|\(|\uff08)?[0-9\uff10-\uff19](?:[0-9\uff10-\uff19]|[ \u00a0\-.()/\uff08\uff09]+(?=[0-9\uff10-\uff19]))*[Xx]?/g;
const ALNUM = /[0-9A-Za-z]/;
/** Longest run of white-space separated parts tried as one value (`+1 (415) 555 2671` has four). */
const MAX_PARTS = 6;

function digitCount(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19)) n++;
  }
  return n;
}

/** Masks the personal values inside one run of digits, trying the longest spans of its parts first. */
function maskRun(run: string, options: IsPersonalValueOptions | undefined): string {
  const parts: { start: number; end: number }[] = [];
  for (const m of run.matchAll(/\S+/g)) parts.push({ start: m.index, end: m.index + m[0].length });
  let out = "";
  let done = 0;
  for (let i = 0; i < parts.length; ) {
    let matched = -1;
    for (let j = Math.min(parts.length - 1, i + MAX_PARTS - 1); j >= i; j--) {
      let text = run.slice(parts[i]!.start, parts[j]!.end);
      let lead = 0;
      if (digitCount(text) < 7) continue;
      if (!isPersonalValue(text, options) && (text[0] === "(" || text[0] === "\uff08") && text[1] !== "+") {
        text = text.slice(1);
        lead = 1;
        if (!isPersonalValue(text, options)) continue;
      } else if (!isPersonalValue(text, options)) continue;
      const start = parts[i]!.start + lead;
      out += run.slice(done, start) + maskShape(text, "auto");
      done = parts[j]!.end;
      matched = j;
      break;
    }
    i = matched < 0 ? i + 1 : matched + 1;
  }
  return out + run.slice(done);
}

/**
 * Masks the personal values inside a text, such as a message, with {@link maskValue}'s shapes: every e-mail address,
 * phone number, PRC resident ID card number and payment card number that {@link isPersonalValue} recognises, written
 * on its own (not inside a longer word or number: `order 13812345678` is masked, `A13812345678` is not). The rest of the
 * text is left as it is.
 * @param text - the text
 * @param options - the regions of phone numbers written without a country code
 * @returns the text with those values masked
 * @example
 * maskPersonalText('Invalid phone number "13812345678" (region CN)') //=> 'Invalid phone number "138****5678" (region CN)'
 * maskPersonalText("he3479@126.com vs HE3479@126.COM") //=> "h*****@126.com vs H*****@126.COM"
 */
export function maskPersonalText(text: string, options?: IsPersonalValueOptions): string {
  let out = text;
  if (out.includes("@") || out.includes("\uff20")) {
    out = out.replace(EMAIL_CANDIDATE, (candidate) => {
      const address = candidate.replace(/\.+$/, "");
      return isPersonalValue(address, options) ? maskShape(address, "email") + candidate.slice(address.length) : candidate;
    });
  }
  if (digitCount(out) < 7) return out;
  return out.replace(NUMBER_RUN, (run, offset: number, whole: string) => {
    const next = whole[offset + run.length];
    if (next !== undefined && ALNUM.test(next)) return run;
    return digitCount(run) < 7 ? run : maskRun(run, options);
  });
}
