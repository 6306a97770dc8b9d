import { createReadStream, createWriteStream, type WriteStream } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import { randomBytes } from "node:crypto";
import { basename, dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { once } from "node:events";
import type { DataRecord, RecordSink } from "@cleanse/core";
import { TEMP_PREFIX } from "./atomicFile.ts";

/**
 * A sink for records whose fields vary (quarantined records carry `_extra`, `_reasons`, ...) that must end
 * up in a format with one header, such as CSV. Records are spooled to a temporary JSON Lines file; on
 * `close` the real sink is opened with every column seen, in order of first appearance, and filled.
 */
export function unionColumnsSink(path: string, open: (columns: readonly string[]) => RecordSink): RecordSink {
  const spool = join(dirname(path), `${TEMP_PREFIX}${basename(path)}-${process.pid}-${randomBytes(4).toString("hex")}.spool.jsonl`);
  const columns = new Map<string, true>();
  let out: WriteStream | undefined;
  const append = (stream: WriteStream, record: DataRecord): void | Promise<void> => {
    if (!stream.write(`${JSON.stringify(record)}\n`)) return once(stream, "drain").then(() => undefined);
    return undefined;
  };
  return {
    write(record: DataRecord) {
      for (const key of Object.keys(record)) if (!columns.has(key)) columns.set(key, true);
      if (out) return append(out, record);
      // First record: create the folder and the spool file.
      return mkdir(dirname(path), { recursive: true }).then(() => append((out ??= createWriteStream(spool, { encoding: "utf8" })), record));
    },
    async close() {
      const sink = open([...columns.keys()]);
      try {
        if (out) {
          out.end();
          await once(out, "finish");
          const lines = createInterface({ input: createReadStream(spool, { encoding: "utf8" }), crlfDelay: Infinity });
          for await (const line of lines) {
            if (line.length === 0) continue;
            const r = sink.write(JSON.parse(line) as DataRecord, undefined as never);
            if (r !== undefined) await r;
          }
        }
        await sink.close();
      } catch (error) {
        await sink.abort?.(error);
        throw error;
      } finally {
        await rm(spool, { force: true });
      }
    },
    async abort() {
      // the spool file may still be opening: wait until the stream is closed, or it could appear after rm
      if (out && !out.closed) {
        const closed = once(out, "close");
        out.destroy();
        await closed;
      }
      await rm(spool, { force: true });
    },
  };
}
