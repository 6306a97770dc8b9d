import { createHash } from "node:crypto";
import { Worker } from "node:worker_threads";

/** A running SHA-256 over a stream of chunks, on the calling thread. */
export interface Sha256 {
  update(chunk: Uint8Array): void;
  digest(): string;
}

/** Starts a SHA-256 on the calling thread. */
export function startSha256(): Sha256 {
  const hash = createHash("sha256");
  return {
    update: (chunk) => void hash.update(chunk),
    digest: () => hash.digest("hex"),
  };
}

/**
 * Files at least this large are hashed by a worker thread that reads them on its own, in parallel
 * with parsing. Hashing on the parsing thread costs about 0.5 ms per MiB; starting a thread costs
 * about 25 ms of CPU and disturbs parsing a little, which measurements put even at about 40 MiB.
 */
export const WORKER_THRESHOLD: number = 64 * 1024 * 1024;

// Runs in a worker thread (CommonJS, evaluated from this string): reads the file with one reused
// buffer, so it costs the parsing thread nothing and holds 1 MiB whatever the file size.
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const { openSync, readSync, closeSync } = require("node:fs");
const hash = require("node:crypto").createHash("sha256");
const buffer = Buffer.allocUnsafe(1 << 20);
const fd = openSync(workerData, "r");
let bytes = 0;
try {
  for (let n; (n = readSync(fd, buffer, 0, buffer.length, null)) > 0; bytes += n) hash.update(buffer.subarray(0, n));
} finally {
  closeSync(fd);
}
parentPort.postMessage({ hex: hash.digest("hex"), bytes });
`;

/** A file hashed on a worker thread while the caller parses it. */
export interface FileHash {
  /** The hex digest and the number of bytes hashed, or undefined when the worker failed. */
  result(): Promise<{ readonly hex: string; readonly bytes: number } | undefined>;
  cancel(): void;
}

/** Starts hashing a file on a worker thread; falls back to undefined when threads are unavailable. */
export function hashFileInWorker(path: string): FileHash | undefined {
  let worker: Worker;
  try {
    worker = new Worker(WORKER_SOURCE, { eval: true, workerData: path });
  } catch {
    return undefined;
  }
  worker.unref();
  const done = new Promise<{ hex: string; bytes: number } | undefined>((resolve) => {
    worker.once("message", (message: { hex: string; bytes: number }) => resolve(message));
    worker.once("error", () => resolve(undefined));
    worker.once("exit", () => resolve(undefined));
  });
  return {
    result() {
      worker.ref();
      return done.finally(() => void worker.terminate());
    },
    cancel() {
      void worker.terminate();
    },
  };
}
