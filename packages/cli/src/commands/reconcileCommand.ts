import type { Command } from "./Command.ts";
import { ESCAPE_FORMULAS_OPTION, INPUT_OPTIONS, SHOW_PII_OPTION } from "../_internal/commonOptions.ts";

/**
 * `cleanse reconcile <left> <right> --key <field>`: compares two sources record by record. Values are read by the
 * reconcile package's own standardizers (backed by @cleanse/values), the same ones the TypeScript API uses, so the
 * command and `reconcile()` give the same report.
 */
export const reconcileCommand: Command = {
  name: "reconcile",
  usage: "cleanse reconcile <left> <right> --key <field>[,<field>] [--map left=right ...] [--job job.yaml] [--key-match exact|fuzzy] --report <file> [--diff <file>]",
  summary:
    "Compares two sources (files or database tables) after the same standardization: records only on the left, only on the\n" +
    "right, per-field mismatches with examples, and the sync lag. Writes the report (.json, .md or .html) and a diff file.\n" +
    "Exit codes: 0 both sides agree, 1 differences found, 2 usage, configuration or I/O error.",
  options: {
    key: { type: "string", short: "k", value: "fields", description: "key field(s), by their left names, comma-separated" },
    map: { type: "string", multiple: true, value: "left=right", description: "a left field and its right name (repeatable)" },
    job: { type: "string", value: "job.yaml", description: "a reconciliation job file; flags override it" },
    "key-match": { type: "string", value: "exact|fuzzy", description: "match keys exactly (default) or link the rest with a fuzzy matcher" },
    report: { type: "string", value: "file", description: "write the report here: .json, .md or .html" },
    diff: { type: "string", value: "file", description: "write one row per difference here (.csv or .jsonl)" },
    sorted: { type: "boolean", description: "both inputs are already ordered by the standardized key" },
    "memory-limit": { type: "string", value: "MB", description: "memory for sorting before spilling to disk (default 128)" },
    ...INPUT_OPTIONS,
    "show-pii": SHOW_PII_OPTION,
    ...ESCAPE_FORMULAS_OPTION,
  },
  examples: [
    "cleanse reconcile crm.csv erp.csv --key customer_id --report recon.md --diff diff.csv",
    "cleanse reconcile crm.csv erp.csv --key id --map phone=TEL_NO --key-match fuzzy --report recon.json",
    "cleanse reconcile --job reconcile.yaml --report recon.html",
    "cat erp.csv | cleanse reconcile crm.csv - --key id --report recon.md",
  ],
  run: async (args, ctx) => (await import("./run/reconcile.ts")).runReconcile(args, ctx),
};
