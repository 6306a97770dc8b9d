import type { Command } from "./Command.ts";
import { ESCAPE_FORMULAS_OPTION, INPUT_OPTIONS, SHOW_PII_OPTION } from "../_internal/commonOptions.ts";

/** `cleanse validate <data> --rules <rules.yaml>`: checks a file against a rule file. */
export const validateCommand: Command = {
  name: "validate",
  usage: "cleanse validate <data> --rules <rules.yaml> [options]",
  summary:
    "Checks a data file (CSV, JSON Lines, JSON) against a rule file and reports every failing rule.\n" +
    "Exit codes: 0 no error-severity rule failed, 1 some did, 2 a bad rule file, data file or argument.",
  options: {
    rules: { type: "string", short: "r", value: "rules.yaml", description: "the rule file (YAML or JSON)" },
    report: { type: "string", value: "report.json", description: "write the JSON report here" },
    markdown: { type: "string", value: "report.md", description: "write a Markdown report here" },
    html: { type: "string", value: "report.html", description: "write a self-contained HTML report here" },
    clean: { type: "string", value: "file", description: 'write records that pass here ("-": standard output, as CSV)' },
    quarantine: { type: "string", value: "file", description: "write records with errors here, with _reasons" },
    examples: { type: "string", value: "n", description: "failing examples kept per rule (default 5)" },
    "show-pii": SHOW_PII_OPTION,
    ...INPUT_OPTIONS,
    ...ESCAPE_FORMULAS_OPTION,
  },
  examples: [
    "cleanse validate crm.csv --rules rules.yaml --report report.json --quarantine bad.csv",
    "cat crm.csv | cleanse validate - --rules rules.yaml --clean - > clean.csv",
    "cleanse validate orders.jsonl --rules orders.yaml --html report.html --no-escape-formulas --clean ok.csv",
  ],
  run: async (args, ctx) => (await import("./run/validate.ts")).runValidate(args, ctx),
};
