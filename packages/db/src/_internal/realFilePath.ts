import { realpathSync } from "node:fs";
import { basename, dirname, join } from "node:path";

/**
 * The real path of a file that may not exist yet: the nearest existing folder is resolved through its
 * symbolic links and the missing part is appended, so `./o.db`, `/abs/o.db` and a path through a linked
 * folder give the same answer.
 */
export function realFilePath(file: string): string {
  const missing: string[] = [];
  let current = file;
  for (;;) {
    try {
      return join(realpathSync.native(current), ...missing);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== "ENOENT" && code !== "ENOTDIR") return file;
    }
    const parent = dirname(current);
    if (parent === current) return file;
    missing.unshift(basename(current));
    current = parent;
  }
}
