import { readFile } from "node:fs/promises";
import { ConfigError, IoError } from "@cleanse/core";

/** Options of {@link readConfigText}. */
export interface ReadConfigTextOptions {
  /** Name to show in messages instead of the path. */
  readonly displayName?: string;
  /** What the file is, for messages: "rule file", "job file". Default "file". */
  readonly what?: string;
}

const strict = new TextDecoder("utf-8", { fatal: true });

/** Line and column (1-based, in characters) of a byte offset, counted over the valid text before it. */
function position(bytes: Uint8Array, offset: number): { line: number; column: number } {
  const before = new TextDecoder("utf-8").decode(bytes.subarray(0, offset));
  const lines = before.split("\n");
  return { line: lines.length, column: Array.from(lines[lines.length - 1]!).length + 1 };
}

/** Offset of the first byte that is not part of a valid UTF-8 sequence. */
function firstInvalidByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0 || i + need >= bytes.length + (need === 0 ? 1 : 0)) return i;
    for (let k = 1; k <= need; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    try {
      strict.decode(bytes.subarray(i, i + need + 1));
    } catch {
      return i; // overlong forms and surrogates
    }
    i += need + 1;
  }
  return bytes.length;
}

/**
 * Reads a configuration file (a job, rule or contract file) as text. It must be UTF-8: a file in another encoding
 * is a configuration error at the line and column of its first invalid byte, never text with `�` in it.
 * @param path - the file
 * @param options - display name and what the file is, for messages
 * @returns the text, without a byte order mark
 * @throws IoError (`CLEANSE_FILE_NOT_FOUND`, `CLEANSE_IO`) when it cannot be read; ConfigError (`CLEANSE_CONFIG_ENCODING`) when it is not UTF-8
 * @example
 * const text = await readConfigText("job.yaml", { what: "job file" });
 */
export async function readConfigText(path: string, options: ReadConfigTextOptions = {}): Promise<string> {
  const what = options.what ?? "file";
  const file = options.displayName ?? path;
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const name = what.charAt(0).toUpperCase() + what.slice(1);
    throw new IoError(code === "ENOENT" ? `${name} not found: ${path}` : `Cannot read ${what} ${path}: ${(error as Error).message}`, {
      code: code === "ENOENT" ? "CLEANSE_FILE_NOT_FOUND" : "CLEANSE_IO",
      location: { file: path },
      cause: error,
    });
  }
  let text: string;
  try {
    text = strict.decode(bytes);
  } catch {
    const offset = firstInvalidByte(bytes);
    const { line, column } = position(bytes, offset);
    const byte = bytes[offset];
    throw new ConfigError(
      `The ${what} is not valid UTF-8: byte 0x${(byte ?? 0).toString(16).toUpperCase().padStart(2, "0")} at byte offset ${offset} begins no valid character. Save it as UTF-8 (a GBK or Latin-1 file must be converted first).`,
      { code: "CLEANSE_CONFIG_ENCODING", location: { file, line, column } },
    );
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
