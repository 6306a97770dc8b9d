import type { DataRecord } from "../Issue/Issue.ts";
import type { RecordStep } from "../Step/Step.ts";

/**
 * A step that renames fields; fields not named keep their name and order.
 * @param mapping - old name to new name
 * @returns a record step
 * @example
 * renameFields({ 客户编号: "customer_id" })
 */
export function renameFields(mapping: Readonly<Record<string, string>>): RecordStep {
  const entries = Object.entries(mapping);
  return {
    kind: "record",
    name: "rename",
    process(env) {
      const r = env.record;
      if (!entries.some(([from]) => from in r)) return;
      const out: DataRecord = {};
      for (const key of Object.keys(r)) out[mapping[key] ?? key] = r[key];
      env.record = out;
    },
  };
}

/**
 * A step that keeps only the named fields, in the given order (missing ones become null).
 * @param fields - the fields to keep
 * @returns a record step
 * @example
 * selectFields(["id", "name"])
 */
export function selectFields(fields: readonly string[]): RecordStep {
  return {
    kind: "record",
    name: "select",
    process(env) {
      const r = env.record;
      const out: DataRecord = {};
      for (const f of fields) out[f] = r[f] ?? null;
      env.record = out;
    },
  };
}

/**
 * A step that removes the named fields.
 * @param fields - the fields to remove
 * @returns a record step
 * @example
 * dropFields(["internal_note"])
 */
export function dropFields(fields: readonly string[]): RecordStep {
  const drop = new Set(fields);
  return {
    kind: "record",
    name: "drop",
    process(env) {
      const r = env.record;
      const out: DataRecord = {};
      for (const key of Object.keys(r)) if (!drop.has(key)) out[key] = r[key];
      env.record = out;
    },
  };
}
