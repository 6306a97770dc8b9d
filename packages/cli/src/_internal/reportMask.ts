import type { Masker } from "@cleanse/core";
import { maskValue } from "@cleanse/values";

/** How a command's reports mask personal values: the value kernel's `maskValue`, or not at all with `--show-pii`. */
export function reportMask(values: Readonly<Record<string, unknown>>): Masker | false {
  return values["show-pii"] === true ? false : maskValue;
}
