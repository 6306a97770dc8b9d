/** The shapes a value can be masked in; `auto` picks one from the value. */
export type MaskShape = "auto" | "email" | "digits" | "text";

const STARS = "*****";

function maskText(chars: readonly string[]): string {
  if (chars.length <= 2) return "*".repeat(chars.length);
  return chars[0] + "*".repeat(chars.length - 2) + chars[chars.length - 1];
}

function maskEmail(text: string): string | undefined {
  const at = text.lastIndexOf("@");
  if (at <= 0 || at === text.length - 1) return undefined;
  const first = Array.from(text.slice(0, at))[0]!;
  return `${first}${STARS}@${text.slice(at + 1)}`;
}

/**
 * Keeps the first three and last four digits of a number of eleven digits or more (a phone, ID-card or bank-card
 * number: `138****5678`), only the last two of a shorter one (`*****48`), so that most digits are always hidden;
 * stars the others, keeps separators.
 */
function maskDigits(text: string): string | undefined {
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (!(c === 32 || c === 43 || c === 45 || c === 40 || c === 41 || c === 46 || c === 88 || c === 120)) return undefined;
  }
  if (digits < 7) return undefined;
  const head = digits >= 11 ? 3 : 0;
  const tail = digits >= 11 ? 4 : 2;
  let seen = 0;
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 48 && c <= 57) || c === 88 || c === 120) {
      const isDigit = c >= 48 && c <= 57;
      if (isDigit) seen++;
      out += isDigit && seen > head && seen <= digits - tail ? "*" : text[i];
    } else out += text[i];
  }
  return out;
}

/** The masking itself (see `maskValue`): an e-mail keeps its first character and domain, digits their first three and last four. */
export function maskShape(value: unknown, shape: MaskShape): string {
  if (value === null || value === undefined) return String(value);
  const text = typeof value === "string" ? value : (JSON.stringify(value) ?? String(value));
  if (shape === "email" || (shape === "auto" && text.includes("@"))) {
    const masked = maskEmail(text);
    if (masked !== undefined) return masked;
  }
  if (shape === "digits" || shape === "auto") {
    const masked = maskDigits(text);
    if (masked !== undefined) return masked;
  }
  return maskText(Array.from(text));
}
