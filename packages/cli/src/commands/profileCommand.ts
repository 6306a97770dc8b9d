import type { Command } from "./Command.ts";
import { INPUT_OPTIONS } from "../_internal/commonOptions.ts";

/** `cleanse profile <data>`: profiles a file's columns and can propose a starter rule file. */
export const profileCommand: Command = {
  name: "profile",
  usage: "cleanse profile <data> [--region CN] [--date-order dmy|mdy|ymd] [--suggest-rules rules.yaml] [--json out.json] [--output-format text|json|markdown]",
  summary:
    "Profiles a file in one pass with bounded memory: per column the inferred type and how sure it is, nulls and empties,\n" +
    "distinct values, top values, min/max, lengths, value patterns, a histogram, and the candidate keys.\n" +
    "Exit codes: 0 profiled, 2 usage, configuration or I/O error.",
  options: {
    "suggest-rules": { type: "string", value: "file", description: "write a starter rule file (YAML) proposed from the profile" },
    json: { type: "string", value: "file", description: 'also write the profile as JSON here ("-": standard output)' },
    "output-format": { type: "string", value: "format", description: "what to print: text (default), json or markdown" },
    region: { type: "string", value: "code", description: "region of phone numbers written without a country code (CN, US, a country name); default: inferred from the +... numbers" },
    "date-order": { type: "string", value: "order", description: "order of day and month for dates such as 01/02/2023: dmy, mdy or ymd; default: inferred from the unambiguous ones" },
    "distinct-limit": { type: "string", value: "n", description: "different values per column counted exactly before sketches take over (default 10000)" },
    ...INPUT_OPTIONS,
  },
  examples: [
    "cleanse profile crm.csv",
    "cleanse profile erp.csv --encoding gbk --suggest-rules rules.yaml",
    "cat export.jsonl | cleanse profile - --format jsonl --output-format json > profile.json",
  ],
  run: async (args, ctx) => (await import("./run/profile.ts")).runProfile(args, ctx),
};
