import type { Command } from "./Command.ts";
import { ESCAPE_FORMULAS_OPTION, INPUT_OPTIONS } from "../_internal/commonOptions.ts";

/** `cleanse link <left> <right> --id <field> --out <pairs.csv>`: links records of two sources. */
export const linkCommand: Command = {
  name: "link",
  usage: "cleanse link <left> <right> --id <idField> --out <pairs.csv> [options]",
  summary:
    "Links the records of two sources that describe the same entity (CRM customers to ERP customers).\n" +
    "Trained without labels unless --labels; writes left_id,right_id,match_probability (one-to-one unless --many).\n" +
    "Exit codes: 0 done, 2 usage, configuration or I/O error.",
  options: {
    id: { type: "string", value: "field", description: "the id field (of both sides, unless --right-id)" },
    "right-id": { type: "string", value: "field", description: "the id field of the right side, when it is named differently" },
    map: { type: "string", multiple: true, value: "right=left", description: "compare a right field as the left field of this name (repeatable)" },
    out: { type: "string", short: "o", value: "file", description: "write the matched pairs here" },
    many: { type: "boolean", description: "keep every pair above the threshold instead of the best one-to-one pairs" },
    config: { type: "string", short: "c", value: "dedupe.yaml", description: "override the zero-config choices" },
    threshold: { type: "string", value: "p", description: "match probability (0..1) above which records are linked" },
    labels: { type: "string", value: "labels.csv", description: "train with these labelled pairs (a left id, b right id, match yes or no; cleanse review writes them)" },
    golden: { type: "string", value: "file", description: "write one golden record per linked pair, with lineage" },
    ...INPUT_OPTIONS,
    ...ESCAPE_FORMULAS_OPTION,
  },
  examples: [
    "cleanse link crm.csv erp.csv --id id --out pairs.csv",
    "cleanse link crm.csv erp.csv --id id --right-id KUNNR --map NAME1=name --out pairs.csv --golden golden.csv",
  ],
  run: async (args, ctx) => (await import("./run/link.ts")).runLink(args, ctx),
};
