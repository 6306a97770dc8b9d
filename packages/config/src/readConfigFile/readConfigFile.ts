import { parseConfigText, type ConfigDocument } from "../parseConfigText/parseConfigText.ts";
import { readConfigText } from "../readConfigText/readConfigText.ts";

/**
 * Reads and parses a YAML or JSON configuration file.
 * @param path - the file; `.json` is read as JSON, anything else as YAML
 * @param options - `displayName` to use in messages instead of the path
 * @returns the parsed document
 * @throws IoError (`CLEANSE_FILE_NOT_FOUND`) when the file is missing; ConfigError on a syntax error or when the file is not UTF-8
 * @example
 * const doc = await readConfigFile("job.yaml");
 */
export async function readConfigFile(path: string, options: { readonly displayName?: string } = {}): Promise<ConfigDocument> {
  const text = await readConfigText(path, options.displayName === undefined ? {} : { displayName: options.displayName });
  return parseConfigText(text, { file: options.displayName ?? path, format: path.endsWith(".json") ? "json" : "yaml" });
}
