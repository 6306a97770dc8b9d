import { DataError, IoError, type RecordEnvelope } from "@cleanse/core";
import type { DbSinkCommonOptions } from "../dbSinkSpecSchema/dbSinkSpecSchema.ts";
import { checkColumnType, quoteIdent } from "./sql.ts";

/** Key columns of a sink, as a list. */
export function keyColumns(spec: DbSinkCommonOptions): string[] {
  return spec.key === undefined ? [] : typeof spec.key === "string" ? [spec.key] : [...spec.key];
}

/** The CREATE TABLE statement for a table made from the first record's fields. */
export function createTableSql(qualified: string, fields: readonly string[], spec: DbSinkCommonOptions, defaultType: string): string {
  const declared = spec.columns ?? {};
  const all = [...fields, ...Object.keys(declared).filter((c) => !fields.includes(c))];
  const keys = keyColumns(spec);
  for (const k of keys) if (!all.includes(k)) all.push(k);
  const defs = all.map((c) => `${quoteIdent(c)} ${declared[c] === undefined ? defaultType : checkColumnType(c, declared[c])}`);
  if (keys.length > 0) defs.push(`PRIMARY KEY (${keys.map(quoteIdent).join(", ")})`);
  return `CREATE TABLE ${qualified} (${defs.join(", ")})`;
}

/** The type a column added for a new field gets. */
export function addedColumnType(spec: DbSinkCommonOptions, field: string, defaultType: string): string {
  const t = spec.columns?.[field];
  return t === undefined ? defaultType : checkColumnType(field, t);
}

/** Fields of the first record that an existing table lacks: an error with what to do. */
export function missingColumnsError(table: string, missing: readonly string[]): IoError {
  return new IoError(
    `Table "${table}" has no column${missing.length > 1 ? "s" : ""} ${missing.map((m) => `"${m}"`).join(", ")} for the records being written.`,
    {
      code: "CLEANSE_DB_MISSING_COLUMN",
      hint: `add the column${missing.length > 1 ? "s" : ""} to the table, drop the field${missing.length > 1 ? "s" : ""} with a "drop" step, or write to a new table`,
    },
  );
}

/** A record without a value for a key column cannot be upserted. */
export function checkKey(record: Record<string, unknown>, keys: readonly string[], envelope: RecordEnvelope | undefined, table: string): void {
  for (const k of keys) {
    const v = record[k];
    if (v === null || v === undefined || v === "") {
      throw new DataError(`Cannot upsert into "${table}": the key column "${k}" is empty.`, {
        code: "CLEANSE_DB_EMPTY_KEY",
        ...(envelope ? { location: envelope.location } : {}),
        hint: "route records without a key to quarantine with a required rule before the sink",
      });
    }
  }
}

/** Fields of a record that the sink has no column for yet, or an empty list. */
export function newFields(record: Record<string, unknown>, known: ReadonlySet<string>): string[] {
  let out: string[] | undefined;
  for (const k in record) {
    if (!known.has(k)) (out ??= []).push(k);
  }
  return out ?? [];
}
