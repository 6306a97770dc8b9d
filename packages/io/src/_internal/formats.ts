import { existsSync } from "node:fs";
import { extname, isAbsolute, resolve } from "node:path";
import { ConfigError } from "@cleanse/core";
import { fileError } from "./openInput.ts";

/** File formats the readers and writers handle. */
export type FileFormat = "csv" | "tsv" | "jsonl" | "json";

const BY_EXTENSION: Readonly<Record<string, FileFormat>> = {
  ".csv": "csv",
  ".txt": "csv",
  ".tsv": "tsv",
  ".tab": "tsv",
  ".jsonl": "jsonl",
  ".ndjson": "jsonl",
  ".json": "json",
};

const FORMATS: readonly FileFormat[] = ["csv", "tsv", "jsonl", "json"];

/** A source or sink spec: a path, or a path with a format and the reader's or writer's options. */
export type FileSpec = string | { readonly path: string; readonly format?: string; readonly [option: string]: unknown };

/** The path (resolved against `baseDir`), the format and the remaining options of a spec. */
export function parseSpec(spec: FileSpec, baseDir: string | undefined, what: "source" | "sink"): { path: string; format: FileFormat; options: Record<string, unknown> } {
  const raw = typeof spec === "string" ? { path: spec } : spec;
  if (typeof raw.path !== "string" || raw.path === "") {
    throw new ConfigError(`A ${what} needs a path, e.g. "data/customers.csv".`, { code: "CLEANSE_BAD_OPTION" });
  }
  const path = baseDir === undefined || isAbsolute(raw.path) ? raw.path : resolve(baseDir, raw.path);
  const { path: _path, format: explicit, ...options } = raw;
  let format: FileFormat | undefined;
  if (explicit !== undefined) {
    if (!FORMATS.includes(explicit as FileFormat)) {
      throw new ConfigError(`Unknown format "${String(explicit)}" for ${path}. Known formats: ${FORMATS.join(", ")}.`, { code: "CLEANSE_UNKNOWN_FORMAT" });
    }
    format = explicit as FileFormat;
  } else {
    format = BY_EXTENSION[extname(path).toLowerCase()];
    if (format === undefined) {
      const known = Object.keys(BY_EXTENSION).join(" ");
      throw new ConfigError(`Cannot tell the format of ${path} from its extension. Known extensions: ${known}; or set format to one of ${FORMATS.join(", ")}.`, {
        code: "CLEANSE_UNKNOWN_FORMAT",
        location: { file: path },
      });
    }
  }
  return { path, format, options };
}

/** Throws `CLEANSE_FILE_NOT_FOUND` naming the path when a source file is missing. */
export function assertExists(path: string): void {
  if (!existsSync(path)) throw fileError(path, Object.assign(new Error("missing"), { code: "ENOENT" }));
}

/** Checks that a spec only holds options the chosen reader or writer knows. */
export function checkOptionNames(options: Record<string, unknown>, known: readonly string[], what: string): void {
  for (const name of Object.keys(options)) {
    if (options[name] !== undefined && !known.includes(name)) {
      throw new ConfigError(`Unknown option "${name}" for ${what}. Known options: ${known.join(", ")}.`, { code: "CLEANSE_BAD_OPTION" });
    }
  }
}
