import type { Command } from "./Command.ts";
import { ESCAPE_FORMULAS_OPTION, INPUT_OPTIONS, SHOW_PII_OPTION } from "../_internal/commonOptions.ts";

/** `cleanse dedupe <file> --id <field> --out <out.csv>`: finds the records that describe the same entity. */
export const dedupeCommand: Command = {
  name: "dedupe",
  usage: "cleanse dedupe <file> --id <idField> --out <out.csv> [options]",
  summary:
    "Finds records that describe the same entity, with no configuration needed: profiles the columns, chooses\n" +
    "blocking rules and comparisons, trains a Fellegi-Sunter model by EM, and writes every input record with\n" +
    "cluster_id and match_probability. Exit codes: 0 done, 2 usage, configuration or I/O error.",
  options: {
    id: { type: "string", value: "field", description: "the field holding record ids (required)" },
    out: { type: "string", short: "o", value: "file", description: "write every record with cluster_id and match_probability here" },
    config: { type: "string", short: "c", value: "dedupe.yaml", description: "override the zero-config choices (see --print-config)" },
    "print-config": { type: "boolean", description: "print the configuration zero-config chooses, as YAML, and stop" },
    threshold: { type: "string", value: "p", description: "match probability (0..1) above which records are linked" },
    labels: { type: "string", value: "labels.csv", description: "train with these labelled pairs (a,b,match with yes or no; cleanse review writes them)" },
    golden: { type: "string", value: "file", description: "write one golden record per cluster of duplicates, with lineage" },
    report: { type: "string", value: "file", description: "write the statistics, clusters and model as JSON" },
    "save-model": { type: "string", value: "file", description: "save the trained model, to match new records later" },
    "show-pii": SHOW_PII_OPTION,
    ...INPUT_OPTIONS,
    ...ESCAPE_FORMULAS_OPTION,
  },
  examples: [
    "cleanse dedupe customers.csv --id id --out clustered.csv --golden golden.csv",
    "cleanse dedupe customers.csv --id id --print-config > dedupe.yaml",
    "cleanse dedupe customers.csv --id id --labels labels.csv --out clustered.csv",
    "cat customers.csv | cleanse dedupe - --id id --out - > clustered.csv",
  ],
  run: async (args, ctx) => (await import("./run/dedupe.ts")).runDedupe(args, ctx),
};
