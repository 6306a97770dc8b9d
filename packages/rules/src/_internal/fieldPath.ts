// How rules read a field by name. A plain name is the record's own property (never one every object inherits,
// such as `toString` or `constructor`). A name with dots is first the record's own property of exactly that
// name, so flat CSV headers such as "address.city" keep working; otherwise it is a path through nested plain
// objects, each step an own property: "address.city" reads record.address.city. Arrays, Dates, Maps and class
// instances are not walked into, and a name with an empty segment ("a..b", ".a", "a.") is never a path.
import { isInheritedName, type DataRecord } from "@cleanse/core";

/** Reads one field of a record. */
export type FieldReader = (record: DataRecord) => unknown;

/** The segments of a dotted field name, or undefined when the name is no path (no dot, or an empty segment). */
export function pathSegments(name: string): readonly string[] | undefined {
  if (!name.includes(".")) return undefined;
  const segments = name.split(".");
  return segments.includes("") ? undefined : segments;
}

/** True for objects made by `{}`, `JSON.parse` or `Object.create(null)`: the only values a path walks into. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Walks a path from the record, own properties only; undefined as soon as a step is missing or not a plain object. */
function walk(record: DataRecord, segments: readonly string[]): unknown {
  let value: unknown = record;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    if ((i > 0 && !isPlainObject(value)) || !Object.hasOwn(value as object, segment)) return undefined;
    value = (value as Record<string, unknown>)[segment];
  }
  return value;
}

/**
 * Compiles the reader of a field name once, for use per record: plain names cost one property read (plus an
 * own-property check for inherited names), dotted names an own-property check and then the walk.
 */
export function fieldReader(name: string): FieldReader {
  const segments = pathSegments(name);
  if (segments === undefined) return isInheritedName(name) ? (r) => (Object.hasOwn(r, name) ? r[name] : undefined) : (r) => r[name];
  return (r) => (Object.hasOwn(r, name) ? r[name] : walk(r, segments));
}

/** Reads a field of a record by name, as {@link fieldReader} does (for code that reads a field once). */
export function readField(record: DataRecord, name: string): unknown {
  return fieldReader(name)(record);
}

/**
 * Where a field's value sits in the record, as path segments: `[name]` for a plain name or a flat "a.b" key the
 * record has, else the segments of the dotted name.
 */
export function fieldPathOf(record: DataRecord | undefined, name: string): readonly string[] {
  const segments = pathSegments(name);
  if (segments === undefined || (record !== undefined && Object.hasOwn(record, name))) return [name];
  return segments;
}
