import { maskShape, type MaskShape } from "../_internal/maskShape.ts";
import { isPersonalValue } from "../isPersonalValue/isPersonalValue.ts";
import { maskPersonalText } from "../maskPersonalText/maskPersonalText.ts";

export type { MaskShape };

/** The type of {@link maskValue}: the masker, with the readers that tell personal values wherever they appear. */
export interface ValueMasker {
  (value: unknown, shape?: MaskShape): string;
  /** {@link isPersonalValue} with its default regions: a phone, e-mail, ID-card or bank-card number. */
  readonly isPersonal: (value: unknown) => boolean;
  /** {@link maskPersonalText} with its default regions: the text with every such value in it masked. */
  readonly maskText: (text: string) => string;
}

/**
 * Masks a personal value for display, keeping its shape but not its content: an e-mail address keeps its first
 * character and domain (`m*****@example.com`), a phone, ID-card or bank-card number its first three and last four
 * digits (`138****5678`), any other text its first and last character (`J******n`). Every report and message of the
 * project masks with this function, so a value looks the same wherever it is masked. It also carries the readers
 * that tell personal values by what they hold, `maskValue.isPersonal` ({@link isPersonalValue}) and
 * `maskValue.maskText` ({@link maskPersonalText}), so a report that masks with it (`mask: maskValue` of
 * `processRecords`) also masks phone, e-mail, ID-card and bank-card numbers in fields not known to be personal.
 * @param value - the value to mask
 * @param shape - the shape to use; `auto` (default) picks it from the value
 * @returns the masked text
 * @example
 * maskValue("mike.wang@example.com") //=> "m*****@example.com"
 * maskValue("13812345678") //=> "138****5678"
 * maskValue.isPersonal("13812345678") //=> true
 * maskValue.maskText('received "13812345678"') //=> 'received "138****5678"'
 */
export const maskValue: ValueMasker = Object.assign((value: unknown, shape: MaskShape = "auto"): string => maskShape(value, shape), {
  isPersonal: (value: unknown): boolean => isPersonalValue(value),
  maskText: (text: string): string => maskPersonalText(text),
});
