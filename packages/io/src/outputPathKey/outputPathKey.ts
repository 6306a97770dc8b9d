import { lstatSync, realpathSync, statSync } from "node:fs";
import { basename, dirname, join, parse, resolve } from "node:path";

const insensitiveCache = new Map<string, boolean>();

/** Swaps the case of every letter, so a case-insensitive file system shows the same entry. */
function swapCase(text: string): string {
  let out = "";
  for (const ch of text) {
    const lower = ch.toLowerCase();
    out += ch === lower ? ch.toUpperCase() : lower;
  }
  return out;
}

/**
 * Tells whether the file system holding an existing folder ignores case in names: the folder looked up with
 * its last name's letters swapped is the same folder. A folder with no letters in its name falls back on the
 * platform's usual file system (case-insensitive on macOS and Windows).
 */
function ignoresCase(folder: string): boolean {
  const known = insensitiveCache.get(folder);
  if (known !== undefined) return known;
  const name = basename(folder);
  let result = process.platform === "darwin" || process.platform === "win32";
  const swapped = swapCase(name);
  if (name !== "" && swapped !== name) {
    try {
      const a = statSync(folder);
      const b = statSync(join(dirname(folder), swapped));
      result = a.dev === b.dev && a.ino === b.ino;
    } catch {
      result = false;
    }
  }
  insensitiveCache.set(folder, result);
  return result;
}

/**
 * The longest part of a path's folder that exists, resolved through symbolic links, followed by the rest.
 * The file's own name is kept as written: an output replaces a link at its path rather than writing through it.
 */
export function resolveOutputPath(path: string): string {
  const absolute = resolve(path);
  let folder = dirname(absolute);
  const rest: string[] = [basename(absolute)];
  const { root } = parse(folder);
  for (;;) {
    try {
      if (lstatSync(folder)) {
        const real = realpathSync.native(folder);
        return join(real, ...rest);
      }
    } catch {
      // not there yet: try its parent
    }
    if (folder === root) return join(folder, ...rest);
    rest.unshift(basename(folder));
    folder = dirname(folder);
  }
}

/**
 * A key that is equal for two output paths exactly when they name the same file: `..` and `.` resolved,
 * folders followed through symbolic links, and letter case ignored where the file system ignores it.
 * @param path - an absolute or relative path (relative to the working folder)
 * @returns the comparison key
 * @example
 * outputPathKey("out/../out/clean.csv") === outputPathKey("out/clean.csv") //=> true
 */
export function outputPathKey(path: string): string {
  const resolved = resolveOutputPath(path);
  // Case folding is decided by the deepest folder that exists.
  let folder = dirname(resolved);
  const { root } = parse(folder);
  for (;;) {
    try {
      statSync(folder);
      break;
    } catch {
      if (folder === root) break;
      folder = dirname(folder);
    }
  }
  return ignoresCase(folder) ? resolved.toLowerCase() : resolved;
}
