import { readConfigFile, validateConfig } from "@cleanse/config";
import { dedupeConfigSchema, parseDedupeConfig, type DedupeConfig } from "@cleanse/dedupe";

/** Reads a dedupe configuration file, reporting problems at file:line:column. */
export async function loadDedupeConfig(path: string): Promise<DedupeConfig> {
  const doc = await readConfigFile(path);
  validateConfig(doc, dedupeConfigSchema);
  return parseDedupeConfig(doc.value);
}
