import type { DataRecord } from "@cleanse/core";

/** Builds a record from the first `keys.length` values of a reused array. */
export type RecordFactory = (values: readonly (string | null)[]) => DataRecord;

/** Columns stored by statements of their own; further columns are stored in a loop. */
const UNROLLED = 16;

/**
 * Creates a record factory for fixed column names, without generating code at run time (it works where
 * `eval` and `new Function` are forbidden). Each record is a copy of one template object, so the records
 * of a file share one hidden class with fast properties. The first 16 values are stored by 16 separate
 * statements, each of which sees a single column name, so the engine keeps every one of them specialised
 * to that name; a store inside a loop would see every name and take the slow generic path.
 */
export function createRecordFactory(keys: readonly string[]): RecordFactory {
  const n = keys.length;
  if (n === 0) return () => ({});
  // JSON.parse makes every name an own data property, "__proto__" included, and a copy keeps them own:
  // the assignments below then update that property and never reach the `__proto__` setter.
  const template = JSON.parse(`{${keys.map((key) => `${JSON.stringify(key)}:null`).join(",")}}`) as DataRecord;
  // The names as stored in an object (interned strings): a store by an interned name skips a string-table lookup.
  const names = keys.map((key) => Object.keys({ [key]: null })[0]!);
  // Fewer than 16 columns: the spare statements repeat the last column, which stores the same value again.
  const at = Array.from({ length: UNROLLED }, (_, i) => Math.min(i, n - 1));
  const k = at.map((i) => names[i]!);
  return (v) => {
    const r: DataRecord = { ...template };
    r[k[0]!] = v[at[0]!];
    r[k[1]!] = v[at[1]!];
    r[k[2]!] = v[at[2]!];
    r[k[3]!] = v[at[3]!];
    r[k[4]!] = v[at[4]!];
    r[k[5]!] = v[at[5]!];
    r[k[6]!] = v[at[6]!];
    r[k[7]!] = v[at[7]!];
    r[k[8]!] = v[at[8]!];
    r[k[9]!] = v[at[9]!];
    r[k[10]!] = v[at[10]!];
    r[k[11]!] = v[at[11]!];
    r[k[12]!] = v[at[12]!];
    r[k[13]!] = v[at[13]!];
    r[k[14]!] = v[at[14]!];
    r[k[15]!] = v[at[15]!];
    for (let i = UNROLLED; i < n; i++) r[names[i]!] = v[i];
    return r;
  };
}
