import type { Command } from "./Command.ts";
import { INPUT_OPTIONS } from "../_internal/commonOptions.ts";

/** `cleanse review <file> [<right>] --id <field> --labels <labels.csv>`: labels the pairs the model is least sure of. */
export const reviewCommand: Command = {
  name: "review",
  usage: "cleanse review <file> [<right>] --id <idField> --labels <labels.csv> [options]",
  summary:
    "Asks you about the pairs of records the model is least sure of, one at a time, side by side, and trains\n" +
    "again with your answers every few pairs (active learning). Answers go into the labels file after each one\n" +
    "(a,b,match), which cleanse dedupe and cleanse link train with (--labels); a review started again skips the\n" +
    "pairs the file holds. With two files it reviews a link. Answers come one per line from standard input.\n" +
    "Exit codes: 0 done, 2 usage, configuration, labels file or I/O error.",
  options: {
    id: { type: "string", value: "field", description: "the field holding record ids, of both sides unless --right-id (required)" },
    labels: { type: "string", value: "labels.csv", description: "the labels file: read first when it exists, written after each answer (required)" },
    config: { type: "string", short: "c", value: "dedupe.yaml", description: "override the zero-config choices" },
    budget: { type: "string", value: "n", description: "ask until this many new labels are given (default 50); unsure answers do not count" },
    "right-id": { type: "string", value: "field", description: "reviewing a link: the id field of the right side, when it is named differently" },
    map: { type: "string", multiple: true, value: "right=left", description: "reviewing a link: compare a right field as the left field of this name (repeatable)" },
    ...INPUT_OPTIONS,
  },
  examples: [
    "cleanse review customers.csv --id id --labels labels.csv",
    "cleanse review crm.csv erp.csv --id id --right-id KUNNR --map NAME1=name --labels labels.csv --budget 20",
    "printf 'y\\nn\\nu\\nq\\n' | cleanse review customers.csv --id id --labels labels.csv",
  ],
  interrupted: "every answer given is in the labels file",
  run: async (args, ctx) => (await import("./run/review.ts")).runReview(args, ctx),
};
