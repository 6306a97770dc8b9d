/** Digits in groups separated by one space or dash: `6222 0212 3456 7890`, `6222-0212-3456-7890`. */
const GROUPED_DIGITS = /^[0-9]+(?:[ -][0-9]+)*$/;

/**
 * Tells whether a value is a payment card number: 12 to 19 digits (groups separated by single spaces or dashes are
 * allowed) that do not start with 0 and pass the Luhn (mod 10) check. A JSON number counts when it is a safe integer.
 * Surrounding white space is ignored.
 * @param value - the value to test
 * @returns true when it is such a number
 * @example
 * isBankCardNumber("4111 1111 1111 1111") //=> true
 * isBankCardNumber("4111 1111 1111 1112") //=> false (Luhn check)
 */
export function isBankCardNumber(value: unknown): boolean {
  let text: string;
  if (typeof value === "string") text = value.trim();
  else if (typeof value === "number" && Number.isSafeInteger(value) && value > 0) text = String(value);
  else return false;
  if (text.length < 12 || text.length > 19 * 2 || !GROUPED_DIGITS.test(text)) return false;
  let sum = 0;
  let digits = 0;
  let double = false;
  for (let i = text.length - 1; i >= 0; i--) {
    let d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) continue;
    digits++;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return digits >= 12 && digits <= 19 && text.charCodeAt(0) !== 48 && sum % 10 === 0;
}
