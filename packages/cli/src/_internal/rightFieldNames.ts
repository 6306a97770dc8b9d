import { ConfigError, setField, type DataRecord } from "@cleanse/core";
import type { ParsedArgs } from "./parseCommandArgs.ts";

/**
 * Reads `--right-id <field>` and `--map right=left` of the commands that link two sources: the right source's
 * fields to compare under the left's name.
 * @throws ConfigError `CLEANSE_USAGE` for a `--map` that is not `right=left`
 */
export function rightFieldNames(values: ParsedArgs["values"], idField: string): Map<string, string> {
  const rename = new Map<string, string>();
  if (typeof values["right-id"] === "string") rename.set(values["right-id"], idField);
  for (const m of (values.map as string[] | undefined) ?? []) {
    const [from, to] = m.split("=");
    if (!from || !to) throw new ConfigError(`--map takes right=left, received "${m}"`, { code: "CLEANSE_USAGE" });
    rename.set(from, to);
  }
  return rename;
}

/** A right record with its fields renamed (see {@link rightFieldNames}); the record itself when nothing is. */
export function renameRecordFields(record: DataRecord, rename: ReadonlyMap<string, string>): DataRecord {
  if (rename.size === 0) return record;
  const out: DataRecord = {};
  for (const [k, v] of Object.entries(record)) setField(out, rename.get(k) ?? k, v);
  return out;
}
