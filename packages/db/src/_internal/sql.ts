import { ConfigError } from "@cleanse/core";

/** Quotes an identifier for SQLite and PostgreSQL: `a"b` becomes `"a""b"`. */
export function quoteIdent(name: string): string {
  if (name.length === 0) throw new ConfigError("An empty name cannot be a table or column name.", { code: "CLEANSE_DB_BAD_NAME" });
  if (name.includes("\u0000")) throw new ConfigError(`The name ${JSON.stringify(name)} contains a NUL character.`, { code: "CLEANSE_DB_BAD_NAME" });
  return `"${name.replaceAll('"', '""')}"`;
}

const QUOTED = /^"(?:[^"]|"")+"(?:\."(?:[^"]|"")+")?$/;

/**
 * Quotes a table name that may carry a schema: `sales.orders` becomes `"sales"."orders"`.
 * A name written with its own double quotes is kept whole.
 */
export function quoteTable(name: string, schema?: string): string {
  if (schema !== undefined) return `${quoteIdent(schema)}.${quoteIdent(name)}`;
  if (QUOTED.test(name)) return name;
  const dot = name.indexOf(".");
  return dot > 0 ? `${quoteIdent(name.slice(0, dot))}.${quoteIdent(name.slice(dot + 1))}` : quoteIdent(name);
}

/** Splits `schema.table` into its parts (schema undefined when absent). */
export function splitTable(name: string, schema?: string): { schema: string | undefined; table: string } {
  if (schema !== undefined) return { schema, table: name };
  const dot = name.indexOf(".");
  return dot > 0 ? { schema: name.slice(0, dot), table: name.slice(dot + 1) } : { schema: undefined, table: name };
}

const TYPE_PATTERN = /^[A-Za-z][A-Za-z0-9_ ]*(\(\s*\d+\s*(,\s*\d+\s*)?\))?(\[\])?$/;

/**
 * Checks a declared column type (`numeric(12,2)`, `timestamp with time zone`, `text[]`) so it can be
 * spliced into DDL without opening a door to SQL injection.
 */
export function checkColumnType(field: string, type: string): string {
  const t = type.trim();
  if (!TYPE_PATTERN.test(t)) {
    throw new ConfigError(
      `Column type for "${field}" must be a plain SQL type name such as text, integer, numeric(12,2) or timestamptz; received ${JSON.stringify(type)}.`,
      { code: "CLEANSE_DB_BAD_TYPE" },
    );
  }
  return t;
}

/** Turns a record value into something both drivers bind: text, number, bigint, boolean-as-number, null. */
export function toSqliteValue(value: unknown): string | number | bigint | Buffer | null {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case "string":
    case "number":
    case "bigint":
      return value;
    case "boolean":
      return value ? 1 : 0;
    default:
      if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
      if (Buffer.isBuffer(value)) return value;
      return JSON.stringify(value);
  }
}

/** Turns a record value into PostgreSQL's text form (null for SQL NULL). */
export function toPgText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case "string":
      return value;
    case "number":
      return Number.isFinite(value) ? String(value) : Number.isNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity";
    case "bigint":
      return value.toString();
    case "boolean":
      return value ? "true" : "false";
    default:
      if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
      if (Buffer.isBuffer(value)) return `\\x${value.toString("hex")}`;
      return JSON.stringify(value);
  }
}

const COPY_SPECIAL = /[\\\t\n\r]/;

/** Escapes a value for COPY ... FROM STDIN in text format. */
export function copyTextField(value: unknown): string {
  const text = toPgText(value);
  if (text === null) return "\\N";
  if (text.includes("\u0000")) return copyTextField(text.replaceAll("\u0000", ""));
  if (!COPY_SPECIAL.test(text)) return text;
  return text.replace(/[\\\t\n\r]/g, (c) => (c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r"));
}

/** Reverses COPY TO text-format escaping for one field (`\N` is handled by the caller). */
export function unescapeCopyField(field: string): string {
  if (!field.includes("\\")) return field;
  let out = "";
  for (let i = 0; i < field.length; i++) {
    const c = field[i]!;
    if (c !== "\\" || i === field.length - 1) {
      out += c;
      continue;
    }
    const n = field[++i]!;
    switch (n) {
      case "b":
        out += "\b";
        break;
      case "f":
        out += "\f";
        break;
      case "n":
        out += "\n";
        break;
      case "r":
        out += "\r";
        break;
      case "t":
        out += "\t";
        break;
      case "v":
        out += "\v";
        break;
      case "x": {
        const hex = /^[0-9a-fA-F]{1,2}/.exec(field.slice(i + 1))?.[0];
        if (hex) {
          out += String.fromCharCode(parseInt(hex, 16));
          i += hex.length;
        } else out += "x";
        break;
      }
      default:
        if (n >= "0" && n <= "7") {
          const oct = /^[0-7]{1,3}/.exec(field.slice(i))![0];
          out += String.fromCharCode(parseInt(oct, 8));
          i += oct.length - 1;
        } else out += n;
    }
  }
  return out;
}
