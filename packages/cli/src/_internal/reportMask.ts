import type { Masker } from "@cleanse/core";
import { maskValue } from "@cleanse/values";
import type { OptionSpecs } from "./parseCommandArgs.ts";

/** The `--show-pii` flag of the commands that write reports. */
export const SHOW_PII_OPTION: OptionSpecs[string] = {
  type: "boolean",
  description: "show personal data (phones, e-mails, ID-card numbers, names, ...) in clear in the reports; masked by default",
};

/** How a command's reports mask personal values: the value kernel's `maskValue`, or not at all with `--show-pii`. */
export function reportMask(values: Readonly<Record<string, unknown>>): Masker | false {
  return values["show-pii"] === true ? false : maskValue;
}
