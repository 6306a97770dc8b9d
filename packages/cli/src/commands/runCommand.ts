import type { Command } from "./Command.ts";
import { ESCAPE_FORMULAS_OPTION, SHOW_PII_OPTION } from "../_internal/commonOptions.ts";

/** `cleanse run <job.yaml>`: runs a job file. */
export const runCommand: Command = {
  name: "run",
  usage: "cleanse run <job.yaml> [options]",
  summary:
    "Runs a job file: reads its sources, applies its steps, writes clean and quarantined records and the report.\n" +
    "Exit codes: 0 all clean (or within --allow-quarantined), 1 records quarantined, 2 usage, configuration or I/O error.",
  options: {
    "allow-quarantined": {
      type: "string",
      value: "n",
      description: "exit 0 while quarantined records stay at or below n: a ratio 0..1 (e.g. 0.05) or a count above 1",
    },
    report: { type: "string", value: "file", description: "also write the JSON report here" },
    baseline: { type: "string", value: "report.json", description: "a previous run's JSON report: the Markdown and HTML reports show what changed" },
    "fail-under": { type: "string", value: "score", description: "exit 1 when the job's quality score (0-100, from a score step) is below this" },
    "show-pii": SHOW_PII_OPTION,
    ...ESCAPE_FORMULAS_OPTION,
  },
  examples: [
    "cleanse run job.yaml",
    "cleanse run job.yaml --allow-quarantined 0.05 --report report.json",
    "cleanse run job.yaml --baseline last-report.json --fail-under 90",
  ],
  run: async (args, ctx) => (await import("./run/run.ts")).runRun(args, ctx),
};
