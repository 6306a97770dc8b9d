import { stringify } from "yaml";
import type { DedupeConfig } from "./dedupeConfigSchema.ts";

/**
 * Renders a configuration as YAML, e.g. for `--print-config`. Parsing the text back gives the same config.
 * @param config - a dedupe configuration
 * @returns YAML text
 * @example
 * toYaml({ blocking: { rules: [{ type: "key", on: ["dob"] }] }, comparisons: [{ field: "name", type: "exact" }] })
 * //=> "blocking:\n  rules:\n    - type: key\n      on: [ dob ]\n..."
 */
export function toYaml(config: DedupeConfig): string {
  return stringify(config, { lineWidth: 120, flowCollectionPadding: true, collectionStyle: "any" });
}
