import { readFile } from "node:fs/promises";
import { IoError } from "@cleanse/core";
import { parseConfigText, type ConfigDocument } from "../parseConfigText/parseConfigText.ts";

/**
 * Reads and parses a YAML or JSON configuration file.
 * @param path - the file; `.json` is read as JSON, anything else as YAML
 * @param options - `displayName` to use in messages instead of the path
 * @returns the parsed document
 * @throws IoError (`CLEANSE_FILE_NOT_FOUND`) when the file is missing; ConfigError on a syntax error
 * @example
 * const doc = await readConfigFile("job.yaml");
 */
export async function readConfigFile(path: string, options: { readonly displayName?: string } = {}): Promise<ConfigDocument> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new IoError(code === "ENOENT" ? `File not found: ${path}` : `Cannot read ${path}: ${(error as Error).message}`, {
      code: code === "ENOENT" ? "CLEANSE_FILE_NOT_FOUND" : "CLEANSE_IO",
      location: { file: path },
      cause: error,
    });
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return parseConfigText(text, { file: options.displayName ?? path, format: path.endsWith(".json") ? "json" : "yaml" });
}
