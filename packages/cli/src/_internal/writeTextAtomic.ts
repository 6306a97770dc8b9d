import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { IoError } from "@cleanse/core";

/** Writes a text file through a temp file and a rename, so readers never see half a file. */
export async function writeTextAtomic(path: string, text: string): Promise<void> {
  const dir = dirname(path);
  const temp = join(dir, `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(temp, text, "utf8");
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw new IoError(`Cannot write ${path}: ${(error as Error).message}`, { location: { file: path }, cause: error });
  }
}
