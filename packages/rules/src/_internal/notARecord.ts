import { DataError, type DataRecord } from "@cleanse/core";

/** Code of the error `check()` throws for a value that is not a record. */
export const NOT_A_RECORD = "CLEANSE_NOT_A_RECORD";

/** True for values a checker can read fields from: objects other than arrays. */
export function isRecord(value: unknown): value is DataRecord {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Names a value that is not a record, for messages: `null`, `an array of 2 items`, `the number 42`. */
export function describeReceived(value: unknown): string {
  if (value === null) return "null";
  if (value === undefined) return "undefined";
  if (Array.isArray(value)) return `an array of ${value.length} ${value.length === 1 ? "item" : "items"}`;
  switch (typeof value) {
    case "string": {
      const shown = value.length > 40 ? `${value.slice(0, 40)}...` : value;
      return `the string ${JSON.stringify(shown)}`;
    }
    case "number":
    case "boolean":
      return `the ${typeof value} ${String(value)}`;
    case "bigint":
      return `the bigint ${String(value)}n`;
    case "symbol":
      return "a symbol";
    case "function":
      return "a function";
    default:
      return typeof value;
  }
}

/** What a checker says about a value that is not a record. */
export function notARecordMessage(value: unknown): string {
  return `expected a record (an object of field values), received ${describeReceived(value)}`;
}

/**
 * Throws the typed error for a value that is not a record, or narrows it.
 * @param where - the call that received it, e.g. `check()`
 */
export function assertRecord(value: unknown, where: string): asserts value is DataRecord {
  if (isRecord(value)) return;
  const hint = Array.isArray(value) ? "Pass the records one at a time: call it for each item of the array." : "Pass one record per call, e.g. { id: 1 }.";
  throw new DataError(`${where} expects a record (an object of field values), received ${describeReceived(value)}. ${hint}`, { code: NOT_A_RECORD });
}
