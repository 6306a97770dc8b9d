import { getField, hasField, setField } from "../fieldAccess/fieldAccess.ts";
import type { DataRecord } from "../Issue/Issue.ts";
import type { RecordStep } from "../Step/Step.ts";

/**
 * A step that renames fields; fields not named keep their name and order. Names are data: a field called
 * `toString`, `constructor` or `__proto__` is renamed, or kept, like any other.
 * @param mapping - old name to new name (its own keys only)
 * @returns a record step
 * @example
 * renameFields({ 客户编号: "customer_id" })
 */
export function renameFields(mapping: Readonly<Record<string, string>>): RecordStep {
  const renames = new Map(Object.entries(mapping));
  const from = [...renames.keys()];
  return {
    kind: "record",
    name: "rename",
    process(env) {
      const r = env.record;
      if (!from.some((name) => hasField(r, name))) return;
      const out: DataRecord = {};
      for (const key of Object.keys(r)) setField(out, renames.get(key) ?? key, r[key]);
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
      for (const f of fields) setField(out, f, getField(r, f) ?? null);
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
      for (const key of Object.keys(r)) if (!drop.has(key)) setField(out, key, r[key]);
      env.record = out;
    },
  };
}
