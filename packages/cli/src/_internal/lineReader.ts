import { AbortedError } from "@cleanse/core";

/** Reads an input a line at a time: answers typed at a prompt, or piped in one per line. */
export interface LineReader {
  /**
   * The next line, without its line ending, or undefined at the end of the input.
   * @throws AbortedError when the signal aborts while it waits
   */
  next(): Promise<string | undefined>;
  /** Stops reading and lets the input go (a terminal's standard input would keep the process alive). */
  close(): Promise<void>;
}

/**
 * Reads lines from a byte input (standard input). Only as many chunks are read as the lines asked for need.
 * @param input - bytes, e.g. `process.stdin`
 * @param signal - aborts a wait for the next line
 * @returns the reader
 */
export function createLineReader(input: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, signal?: AbortSignal): LineReader {
  const iterator: AsyncIterator<Uint8Array> | Iterator<Uint8Array> =
    Symbol.asyncIterator in input ? input[Symbol.asyncIterator]() : (input as Iterable<Uint8Array>)[Symbol.iterator]();
  const decoder = new TextDecoder();
  let buffer = "";
  let ended = false;
  const aborted = new Promise<never>((_, reject) => {
    const fail = () => reject(new AbortedError(undefined, { cause: signal?.reason }));
    if (signal?.aborted) fail();
    else signal?.addEventListener("abort", fail, { once: true });
  });
  aborted.catch(() => {});

  return {
    async next() {
      for (;;) {
        const at = buffer.indexOf("\n");
        if (at >= 0) {
          const line = buffer.slice(0, at).replace(/\r$/, "");
          buffer = buffer.slice(at + 1);
          return line;
        }
        if (ended) {
          if (buffer === "") return undefined;
          const last = buffer;
          buffer = "";
          return last;
        }
        const read = Promise.resolve(iterator.next());
        read.catch(() => {});
        const chunk = await Promise.race([read, aborted]);
        if (chunk.done) {
          ended = true;
          buffer += decoder.decode();
        } else buffer += decoder.decode(chunk.value, { stream: true });
      }
    },
    async close() {
      ended = true;
      // Not awaited: an input that is still waiting for bytes (a terminal) ends its pending read only when it is let go.
      Promise.resolve(iterator.return?.()).catch(() => {});
    },
  };
}
