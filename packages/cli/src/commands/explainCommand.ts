import type { Command } from "./Command.ts";
import { INPUT_OPTIONS } from "../_internal/commonOptions.ts";

/** `cleanse explain <file> <idA> <idB> --id <field>`: why two records match, or do not. */
export const explainCommand: Command = {
  name: "explain",
  usage: "cleanse explain <file> <idA> <idB> --id <idField> [--model model.json | --config dedupe.yaml] [--json]",
  summary:
    "Explains the match weight of two records: for each comparison, the level reached, its m and u probabilities\n" +
    "and how many bits of evidence it adds, summing to the total weight and the match probability.",
  options: {
    id: { type: "string", value: "field", description: "the field holding record ids (required)" },
    model: { type: "string", value: "model.json", description: "a saved model (cleanse dedupe --save-model); otherwise one is trained" },
    config: { type: "string", short: "c", value: "dedupe.yaml", description: "the configuration to train with (default: zero-config)" },
    json: { type: "boolean", description: "print the explanation as JSON" },
    ...INPUT_OPTIONS,
  },
  examples: [
    "cleanse explain customers.csv c-17 c-902 --id id",
    "cleanse explain customers.csv c-17 c-902 --id id --model model.json --json",
  ],
  run: async (args, ctx) => (await import("./run/explain.ts")).runExplain(args, ctx),
};
