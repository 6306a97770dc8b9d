/** The shapes {@link maskValue} knows; `auto` picks one from the value. */
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

/** Keeps the first three and last four digits, stars the others, keeps separators: `138****5678`. */
function maskDigits(text: string): string | undefined {
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (!(c === 32 || c === 43 || c === 45 || c === 40 || c === 41 || c === 46 || c === 88 || c === 120)) return undefined;
  }
  if (digits < 7) return undefined;
  let seen = 0;
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 48 && c <= 57) || c === 88 || c === 120) {
      const isDigit = c >= 48 && c <= 57;
      if (isDigit) seen++;
      out += isDigit && seen > 3 && seen <= digits - 4 ? "*" : text[i];
    } else out += text[i];
  }
  return out;
}

/**
 * Masks a personal value for display, keeping its shape but not its content: an e-mail address keeps its first
 * character and domain (`m*****@example.com`), a phone, ID-card or bank-card number its first three and last four
 * digits (`138****5678`), any other text its first and last character (`J******n`). Every report and message of the
 * project masks with this function, so a value looks the same wherever it is masked.
 * @param value - the value to mask
 * @param shape - the shape to use; `auto` (default) picks it from the value
 * @returns the masked text
 * @example
 * maskValue("mike.wang@example.com") //=> "m*****@example.com"
 * maskValue("13812345678") //=> "138****5678"
 */
export function maskValue(value: unknown, shape: MaskShape = "auto"): string {
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
