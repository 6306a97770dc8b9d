import { DataError, formatLocation, type RecordEnvelope } from "@cleanse/core";

/** Text of a value in a CSV cell: null/undefined empty, dates ISO, objects and arrays JSON. */
export function toCellText(value: unknown): string {
  if (typeof value === "string") return value;
  if (value === null || value === undefined) return "";
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : value.toISOString();
  return toJson(value);
}

/** JSON text of a value; bigints become strings instead of failing. */
export function toJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? "";
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    try {
      return JSON.stringify(value, (_key, v: unknown) => (typeof v === "bigint" ? v.toString() : v)) ?? "";
    } catch (again) {
      throw new DataError(`A value cannot be written as JSON: ${(again as Error).message}`, { code: "CLEANSE_UNSERIALIZABLE", cause: again });
    }
  }
}

/** `Record 12 (crm.csv:13)` for messages about a record being written. */
export function recordLabel(envelope: RecordEnvelope | undefined, count: number): string {
  if (!envelope) return `Record ${count}`;
  const { record, ...rest } = envelope.location;
  const where = formatLocation(rest);
  return `Record ${record ?? envelope.seq + 1}${where ? ` (${where})` : ""}`;
}
