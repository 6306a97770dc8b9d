import type { OptionSpecs } from "./parseCommandArgs.ts";

/** The `--show-pii` flag of the commands that write reports. */
export const SHOW_PII_OPTION: OptionSpecs[string] = {
  type: "boolean",
  description: "show personal data (phones, e-mails, ID-card numbers, names, ...) in clear in the reports; masked by default",
};

/** The input flags of every command that reads a data file; `-` reads standard input (CSV unless `--format`). */
export const INPUT_OPTIONS: OptionSpecs = {
  format: { type: "string", value: "csv|tsv|jsonl|json", description: 'format of the input (default: from the file extension; CSV for "-")' },
  delimiter: { type: "string", value: "char", description: "CSV delimiter (default: detected); \\t for a tab" },
  encoding: { type: "string", value: "name", description: 'text encoding of the input (utf-8, gbk, windows-1252, ...) or "auto" (default)' },
};

/** The flag that turns off the formula escaping of CSV outputs. */
export const ESCAPE_FORMULAS_OPTION: OptionSpecs = {
  "escape-formulas": {
    type: "boolean",
    negatable: true,
    description:
      "write CSV cells exactly as they are; by default a cell starting with =, +, -, @, tab or carriage return gets a leading ' " +
      "so that spreadsheets do not run it as a formula (a phone +44 20 ... is written '+44 20 ...)",
  },
};
