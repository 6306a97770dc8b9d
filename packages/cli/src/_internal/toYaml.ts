import { stringify } from "yaml";

/**
 * Renders a configuration as YAML for `--print-config`; parsing the text back gives the same data.
 * @param value - plain data, e.g. a dedupe configuration
 * @returns YAML text
 * @example
 * toYaml({ blocking: { rules: [{ type: "key", on: ["dob"] }] } }) //=> "blocking:\n  rules:\n    - type: key\n      on: [ dob ]\n"
 */
export function toYaml(value: unknown): string {
  return stringify(value, { lineWidth: 120, flowCollectionPadding: true, collectionStyle: "any" });
}
