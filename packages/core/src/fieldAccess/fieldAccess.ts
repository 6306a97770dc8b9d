import type { DataRecord } from "../Issue/Issue.ts";

/**
 * Tells whether a record has a field: its own property, never one every object inherits (`toString`,
 * `constructor`, `__proto__`), so that field names are data whatever they are called.
 * @param record - the record
 * @param name - the field name
 * @returns true when the record has the field, whatever its value
 * @example
 * hasField({ id: 1 }, "toString") //=> false
 */
export function hasField(record: DataRecord, name: string): boolean {
  return Object.hasOwn(record, name);
}

/**
 * Reads a field of a record: its own value, or `undefined` when the record has no such field (never a
 * property every object inherits, such as `toString` or `constructor`).
 * @param record - the record
 * @param name - the field name
 * @returns the value, `undefined` for an absent field
 * @example
 * getField({ constructor: "Acme" }, "constructor") //=> "Acme"
 * getField({ id: 1 }, "constructor") //=> undefined
 */
export function getField(record: DataRecord, name: string): unknown {
  return Object.hasOwn(record, name) ? record[name] : undefined;
}

/**
 * Writes a field of a record as its own property, also when the field is called `__proto__` (where
 * `record[name] = value` would replace the record's prototype instead of adding a field).
 * @param record - the record to write to (a record the step built, never its input)
 * @param name - the field name
 * @param value - the value
 * @example
 * const out = {}; setField(out, "__proto__", "x"); Object.keys(out) //=> ["__proto__"]
 */
export function setField(record: DataRecord, name: string, value: unknown): void {
  if (name === "__proto__") Object.defineProperty(record, name, { value, writable: true, enumerable: true, configurable: true });
  else record[name] = value;
}

/**
 * Tells whether a record without a field of this name would still answer to it, through a property every object
 * inherits (`toString`, `constructor`, `__proto__`, ...). Code that reads a field in a hot loop can check the name
 * once and pay for an own-property check only on such names.
 * @param name - the field name
 * @returns true for the names of `Object.prototype`'s properties
 * @example
 * isInheritedName("constructor") //=> true
 * isInheritedName("customer_id") //=> false
 */
export function isInheritedName(name: string): boolean {
  return name in Object.prototype;
}
