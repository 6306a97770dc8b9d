import { readFileSync } from "node:fs";
import { basename, extname, resolve } from "node:path";
import { ConfigError, IoError } from "@cleanse/core";
import { parse as parseYaml } from "yaml";
import type { ValueDictionary } from "../mapValues/mapValues.ts";

/** Options of {@link loadDictionary}. */
export interface LoadDictionaryOptions {
  /** `"yaml"` (also JSON), or `"csv"`. Default: from the file extension, else `"yaml"`. */
  readonly format?: "yaml" | "csv";
  /** Name used in messages. Default: the file name, else `"dictionary"`. */
  readonly name?: string;
  /** Folder a relative `path` resolves against. Default: the working directory. */
  readonly baseDir?: string;
}

/** Where a dictionary comes from: its text, or a file. */
export type DictionarySource = { readonly text: string } | { readonly path: string };

/**
 * Reads a data dictionary from YAML or CSV text or file.
 *
 * YAML maps each canonical value to its variants (`M: [男, male, Male]`), optionally under `values:` beside a
 * `name:`. CSV has a header with a `from` (or `value`, `variant`) column and a `to` (or `code`, `canonical`) column.
 * @param source - `{ text }` or `{ path }`
 * @param options - format, name, base folder
 * @returns the dictionary
 * @throws ConfigError `CLEANSE_BAD_DICTIONARY` for a malformed dictionary; IoError `CLEANSE_IO` when the file cannot be read
 * @example
 * loadDictionary({ text: "M: [男, male]\nF: [女, female]" }).entries //=> { M: ["男", "male"], F: ["女", "female"] }
 */
export function loadDictionary(source: DictionarySource, options: LoadDictionaryOptions = {}): ValueDictionary {
  let text: string;
  let name = options.name;
  let format = options.format;
  if ("path" in source) {
    const file = resolve(options.baseDir ?? process.cwd(), source.path);
    try {
      text = readFileSync(file, "utf8");
    } catch (error) {
      throw new IoError(`Cannot read the dictionary file ${file}: ${(error as Error).message}`, { cause: error, hint: "Check the path; relative paths start at the job file's folder." });
    }
    name ??= basename(file, extname(file));
    format ??= extname(file).toLowerCase() === ".csv" ? "csv" : "yaml";
  } else text = source.text;
  name ??= "dictionary";
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const entries = format === "csv" ? fromCsv(text, name) : fromYaml(text, name);
  return { name, entries };
}

function bad(name: string, why: string): ConfigError {
  return new ConfigError(`Invalid dictionary "${name}": ${why}.`, { code: "CLEANSE_BAD_DICTIONARY" });
}

function fromYaml(text: string, name: string): Record<string, string[]> {
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (error) {
    throw new ConfigError(`Invalid dictionary "${name}": ${(error as Error).message}`, { code: "CLEANSE_BAD_DICTIONARY", cause: error });
  }
  if (isObject(doc) && isObject(doc.values)) doc = doc.values;
  if (!isObject(doc)) throw bad(name, "expected a mapping of each canonical value to its variants, e.g. M: [男, male]");
  const entries: Record<string, string[]> = {};
  for (const [canonical, variants] of Object.entries(doc)) {
    if (variants === null) entries[canonical] = [];
    else if (Array.isArray(variants)) {
      entries[canonical] = variants.map((v) => {
        if (v === null || typeof v === "object") throw bad(name, `a variant of "${canonical}" is not a plain value`);
        return String(v);
      });
    } else if (typeof variants === "object") throw bad(name, `the variants of "${canonical}" must be a list`);
    else entries[canonical] = [String(variants)];
  }
  return entries;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const FROM = ["from", "value", "variant", "source", "raw"];
const TO = ["to", "code", "canonical", "target", "standard"];

function fromCsv(text: string, name: string): Record<string, string[]> {
  const rows = parseCsv(text);
  const header = rows.shift();
  if (!header) throw bad(name, "the CSV is empty");
  const lower = header.map((h) => h.trim().toLowerCase());
  const from = lower.findIndex((h) => FROM.includes(h));
  const to = lower.findIndex((h) => TO.includes(h));
  if (from < 0 || to < 0) throw bad(name, `the CSV header needs a "from" and a "to" column, found ${header.join(", ")}`);
  const entries: Record<string, string[]> = {};
  rows.forEach((row, i) => {
    if (row.length === 1 && row[0]!.trim() === "") return;
    const variant = row[from]?.trim();
    const canonical = row[to]?.trim();
    if (!variant || !canonical) throw bad(name, `line ${i + 2} has no "from" or no "to" value`);
    (entries[canonical] ??= []).push(variant);
  });
  return entries;
}

/** A small RFC 4180 reader: commas, double quotes, "" escapes, CRLF or LF. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"' && field === "") quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += c;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
