import { Buffer } from "node:buffer";
import { randomBytes } from "node:crypto";
import { mkdir, open, rename, rm, type FileHandle } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { CleanseError, IoError } from "@cleanse/core";

/** Prefix of the temporary files writers create next to their target. */
export const TEMP_PREFIX = ".cleanse-tmp-";

/** A file written to a temporary path and renamed over its target on commit. */
export interface AtomicFile {
  /** Queues bytes; returns a promise while earlier bytes are still being written (backpressure). */
  write(bytes: Uint8Array): void | Promise<void>;
  /** Writes what is queued, flushes to disk and renames the temporary file over the target. */
  commit(): Promise<void>;
  /** Removes the temporary file; the target is left as it was. */
  discard(): Promise<void>;
  readonly state: "open" | "committed" | "discarded";
}

const FLUSH_BYTES = 256 * 1024;

function writeError(path: string, error: unknown): IoError {
  if (error instanceof CleanseError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === "ENOENT") {
    return new IoError(`Cannot write ${path}: the folder ${dirname(path)} does not exist.`, { code: "CLEANSE_DIR_NOT_FOUND", cause: error, location: { file: path }, hint: "Create the folder first." });
  }
  if (code === "EACCES" || code === "EPERM") {
    return new IoError(`No permission to write ${path}.`, { code: "CLEANSE_FILE_PERMISSION", cause: error, location: { file: path } });
  }
  return new IoError(`Cannot write ${path}: ${(error as Error | undefined)?.message ?? String(error)}`, { code: "CLEANSE_IO", cause: error, location: { file: path } });
}

/**
 * Creates an atomic file. The temporary file (`.cleanse-tmp-<name>-<random>` in the target's folder,
 * so the rename stays on one file system) is created on the first write or on commit.
 */
export function createAtomicFile(path: string): AtomicFile {
  const temp = join(dirname(path), `${TEMP_PREFIX}${basename(path)}-${process.pid}-${randomBytes(4).toString("hex")}`);
  let handle: FileHandle | undefined;
  let opening: Promise<FileHandle> | undefined;
  let queued: Uint8Array[] = [];
  let queuedBytes = 0;
  let chain: Promise<void> = Promise.resolve();
  let failure: unknown;
  let state: AtomicFile["state"] = "open";

  const ensureOpen = (): Promise<FileHandle> => {
    // The target's folder is created when missing, as `mkdir -p` would.
    opening ??= mkdir(dirname(path), { recursive: true })
      .then(() => open(temp, "wx"))
      .then((h) => (handle = h));
    return opening;
  };

  const flush = (): Promise<void> => {
    if (queuedBytes === 0) return chain;
    const parts = queued;
    const size = queuedBytes;
    queued = [];
    queuedBytes = 0;
    chain = chain.then(async () => {
      if (failure !== undefined) return;
      try {
        const h = await ensureOpen();
        const data = parts.length === 1 ? parts[0]! : Buffer.concat(parts, size);
        let offset = 0;
        while (offset < data.length) {
          const { bytesWritten } = await h.write(data, offset, data.length - offset);
          offset += bytesWritten;
        }
      } catch (error) {
        failure = writeError(path, error);
      }
    });
    return chain.then(() => {
      if (failure !== undefined) throw failure;
    });
  };

  const cleanup = async () => {
    await chain.catch(() => {});
    if (opening) {
      await opening.catch(() => undefined);
      await handle?.close().catch(() => {});
      await rm(temp, { force: true }).catch(() => {});
    }
  };

  return {
    get state() {
      return state;
    },
    write(bytes) {
      if (state !== "open") throw new IoError(`Cannot write ${path}: the output is already ${state}.`, { code: "CLEANSE_SINK_CLOSED", location: { file: path } });
      if (failure !== undefined) throw failure;
      if (bytes.length === 0) return;
      queued.push(bytes);
      queuedBytes += bytes.length;
      if (queuedBytes >= FLUSH_BYTES) return flush();
    },
    async commit() {
      if (state !== "open") {
        if (state === "committed") return;
        throw new IoError(`Cannot commit ${path}: the output was discarded.`, { code: "CLEANSE_SINK_CLOSED", location: { file: path } });
      }
      state = "committed";
      try {
        await flush();
        const h = await ensureOpen();
        await h.sync();
        await h.close();
        handle = undefined;
        await rename(temp, path);
      } catch (error) {
        state = "discarded";
        await cleanup();
        throw writeError(path, error);
      }
    },
    async discard() {
      if (state !== "open") return;
      state = "discarded";
      queued = [];
      queuedBytes = 0;
      await cleanup();
    },
  };
}
