import { Buffer } from "node:buffer";
import { statSync } from "node:fs";
import { open } from "node:fs/promises";
import { basename } from "node:path";
import { AbortedError, ConfigError, IoError } from "@cleanse/core";
import type { ByteInput } from "../ByteInput/ByteInput.ts";
import { hashFileInWorker, startSha256, WORKER_THRESHOLD, type Sha256 } from "./sha256.ts";


/** A readable input, opened lazily, that counts and hashes the bytes it yields. */
export interface OpenedInput {
  readonly name: string;
  readonly path: string | undefined;
  readonly size: number | undefined;
  /** The bytes, chunk by chunk; a chunk may be reused once the consumer asks for the next one. */
  chunks(signal?: AbortSignal): AsyncGenerator<Uint8Array>;
  readonly bytesRead: number;
  /** Hex SHA-256 of all bytes, once they have all been read. */
  readonly sha256: string | undefined;
}

const READ_SIZE = 1 << 20;

/** Turns an error from the file system into an IoError that names the path. */
export function fileError(path: string, error: unknown, action = "read"): IoError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === "ENOENT") {
    return new IoError(`File not found: ${path}`, { code: "CLEANSE_FILE_NOT_FOUND", cause: error, location: { file: path }, hint: "Check the path; relative paths resolve against the working folder or the job's folder." });
  }
  if (code === "EISDIR") return new IoError(`${path} is a folder, not a file.`, { code: "CLEANSE_NOT_A_FILE", cause: error, location: { file: path } });
  if (code === "EACCES" || code === "EPERM") {
    return new IoError(`No permission to ${action} ${path}.`, { code: "CLEANSE_FILE_PERMISSION", cause: error, location: { file: path } });
  }
  return new IoError(`Cannot ${action} ${path}: ${(error as Error | undefined)?.message ?? String(error)}`, { code: "CLEANSE_IO", cause: error, location: { file: path } });
}

/**
 * Prepares an input for reading. A path is checked at once (a missing file throws here, not
 * later), and is read again on each `chunks()` call; a stream can be read once.
 */
export function openInput(input: ByteInput, options: { readonly name?: string; readonly hash?: boolean } = {}): OpenedInput {
  let bytesRead = 0;
  let sha256: string | undefined;
  const hashing = options.hash ?? true;

  /**
   * Counts and hashes the chunks of `source`. A large file is hashed by a worker thread reading it
   * on its own; when its byte count differs from what was parsed (the file changed meanwhile), the
   * digest is left out rather than describe other bytes.
   */
  const counted = async function* (
    source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
    path: string | undefined,
    size: number | undefined,
    signal: AbortSignal | undefined,
  ): AsyncGenerator<Uint8Array> {
    bytesRead = 0;
    sha256 = undefined;
    const inWorker = hashing && path !== undefined && size !== undefined && size >= WORKER_THRESHOLD ? hashFileInWorker(path) : undefined;
    const hash: Sha256 | undefined = hashing && !inWorker ? startSha256() : undefined;
    let done = false;
    try {
      for await (const chunk of source as AsyncIterable<Uint8Array | string>) {
        if (signal?.aborted) throw new AbortedError(undefined, { cause: signal.reason });
        if (typeof chunk === "string") {
          throw new ConfigError("The input stream yields text, not bytes. Pass a byte stream (do not call setEncoding on it) so that the encoding can be detected.", {
            code: "CLEANSE_TEXT_STREAM",
          });
        }
        if (chunk.length === 0) continue;
        bytesRead += chunk.length;
        hash?.update(chunk);
        yield chunk;
      }
      done = true;
      if (hash) sha256 = hash.digest();
      else if (inWorker) {
        const result = await inWorker.result();
        sha256 = result?.bytes === bytesRead ? result.hex : undefined;
      }
    } finally {
      if (!done) inWorker?.cancel();
    }
  };

  if (typeof input === "string") {
    const path = input;
    let size: number;
    try {
      const stat = statSync(path);
      if (stat.isDirectory()) throw Object.assign(new Error("is a directory"), { code: "EISDIR" });
      size = stat.size;
    } catch (error) {
      throw fileError(path, error);
    }
    return {
      name: options.name ?? basename(path),
      path,
      size,
      chunks: (signal) => counted(readFile(path), path, size, signal),
      get bytesRead() {
        return bytesRead;
      },
      get sha256() {
        return sha256;
      },
    };
  }

  if (input instanceof Uint8Array) {
    const bytes = input;
    return {
      name: options.name ?? "input",
      path: undefined,
      size: bytes.length,
      chunks: (signal) => counted(sliceBytes(bytes), undefined, bytes.length, signal),
      get bytesRead() {
        return bytesRead;
      },
      get sha256() {
        return sha256;
      },
    };
  }

  let used = false;
  return {
    name: options.name ?? "input",
    path: undefined,
    size: undefined,
    chunks(signal) {
      if (used) throw new ConfigError("This stream input has already been read; a stream can be read only once.", { code: "CLEANSE_STREAM_CONSUMED" });
      used = true;
      return counted(input, undefined, undefined, signal);
    },
    get bytesRead() {
      return bytesRead;
    },
    get sha256() {
      return sha256;
    },
  };
}

function* sliceBytes(bytes: Uint8Array): Generator<Uint8Array> {
  for (let o = 0; o < bytes.length; o += READ_SIZE) yield bytes.subarray(o, o + READ_SIZE);
}

/**
 * Reads a file in 1 MiB chunks through two alternating buffers: the next chunk is read into one
 * while the consumer works on the other. A chunk stays valid until the consumer asks for the next
 * one (the decoders copy the few bytes they keep), so memory stays at two buffers.
 */
async function* readFile(path: string): AsyncGenerator<Uint8Array> {
  let handle;
  try {
    handle = await open(path, "r");
  } catch (error) {
    throw fileError(path, error);
  }
  try {
    const buffers = [Buffer.allocUnsafe(READ_SIZE), Buffer.allocUnsafe(READ_SIZE)] as const;
    let turn = 0;
    const read = () => {
      const buffer = buffers[turn]!;
      turn ^= 1;
      return handle.read(buffer, 0, READ_SIZE, null).then(({ bytesRead }) => buffer.subarray(0, bytesRead));
    };
    let next = read();
    while (true) {
      let chunk: Buffer;
      try {
        chunk = await next;
      } catch (error) {
        throw fileError(path, error);
      }
      if (chunk.length === 0) break;
      next = read();
      // A failed read-ahead is reported when awaited; avoid an unhandled rejection meanwhile.
      next.catch(() => {});
      yield chunk;
    }
  } finally {
    await handle.close();
  }
}
