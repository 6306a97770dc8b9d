import { DataError, IoError } from "@cleanse/core";
import { createAtomicFile } from "./atomicFile.ts";
import { createOutputEncoder } from "./textEncoder.ts";

/** Text written atomically to a file in an encoding; characters the encoding lacks are an error, never a silent `?`. */
export interface TextOutput {
  /**
   * Writes text. `where` names what is being written (e.g. `record 12`) for the error raised when
   * a character cannot be encoded. Returns a promise while the disk catches up.
   */
  write(text: string, where: () => string): void | Promise<void>;
  close(): Promise<void>;
  abort(): Promise<void>;
}

const FLUSH_CHARS = 128 * 1024;

/** Opens a text output (the file itself appears on `close`). */
export function createTextOutput(path: string, options: { readonly encoding: string; readonly bom: boolean }): TextOutput {
  const encoder = createOutputEncoder(options.encoding, options.bom);
  const file = createAtomicFile(path);
  if (encoder.bom) void file.write(encoder.bom);
  let parts: string[] = [];
  let chars = 0;
  let done: "closed" | "aborted" | undefined;

  const flush = (): void | Promise<void> => {
    if (chars === 0) return;
    const text = parts.length === 1 ? parts[0]! : parts.join("");
    parts = [];
    chars = 0;
    return file.write(encoder.encode(text));
  };

  return {
    write(text, where) {
      if (done) throw new IoError(`Cannot write ${path}: the output is already ${done}.`, { code: "CLEANSE_SINK_CLOSED", location: { file: path } });
      if (encoder.name === "utf-8") {
        parts.push(text);
        chars += text.length;
        return chars >= FLUSH_CHARS ? flush() : undefined;
      }
      const bytes = encoder.encode(text);
      const bad = encoder.unencodable(text, bytes);
      if (bad !== undefined) {
        const code = bad.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0");
        throw new DataError(`${where()}: "${bad}" (U+${code}) cannot be written in ${encoder.name}.`, {
          code: "CLEANSE_UNENCODABLE_CHARACTER",
          location: { file: path },
          hint: "Write UTF-8 (or GB18030) instead, or replace the character before writing.",
        });
      }
      return file.write(bytes);
    },
    async close() {
      if (done) return;
      done = "closed";
      await flush();
      await file.commit();
    },
    async abort() {
      done ??= "aborted";
      parts = [];
      chars = 0;
      await file.discard();
    },
  };
}
