import { Buffer } from "node:buffer";
import { createAtomicFile } from "../_internal/atomicFile.ts";

/**
 * Writes a whole text file (a report, a state file) through a temporary file and a rename, so readers never
 * see half of it and a failure leaves the previous file in place. Missing folders are created.
 * @param path - the file to write
 * @param text - its content, written as UTF-8
 * @returns when the file is in place
 * @throws IoError when the file cannot be written
 * @example
 * await writeTextAtomic("out/report.json", JSON.stringify(report));
 */
export async function writeTextAtomic(path: string, text: string): Promise<void> {
  const file = createAtomicFile(path);
  try {
    await file.write(Buffer.from(text, "utf8"));
    await file.commit();
  } catch (error) {
    await file.discard();
    throw error;
  }
}
