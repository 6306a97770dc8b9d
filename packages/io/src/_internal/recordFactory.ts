import type { DataRecord } from "@cleanse/core";

/** Builds a record from the first `keys.length` values of a reused array. */
export type RecordFactory = (values: readonly (string | null)[]) => DataRecord;

/**
 * Creates a record factory for fixed column names. Where the runtime allows it, the factory is a
 * compiled object literal, so every record shares one shape; otherwise it assigns keys in a loop.
 */
export function createRecordFactory(keys: readonly string[]): RecordFactory {
  try {
    const props = keys.map((k, i) => `${k === "__proto__" ? '["__proto__"]' : JSON.stringify(k)}: v[${i}]`);
    return new Function("v", `"use strict"; return { ${props.join(", ")} };`) as RecordFactory;
  } catch {
    return (values) => {
      const record: DataRecord = {};
      for (let i = 0; i < keys.length; i++) Object.defineProperty(record, keys[i]!, { value: values[i], enumerable: true, writable: true, configurable: true });
      return record;
    };
  }
}
