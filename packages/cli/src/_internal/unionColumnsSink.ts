import { createReadStream, createWriteStream, type WriteStream } from "node:fs";
import { rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { once } from "node:events";
import type { DataRecord, RecordSink } from "@cleanse/core";

/**
 * A sink for records whose fields vary (quarantined records carry `_extra`, `_reasons`, ...) that must end
 * up in a format with one header, such as CSV. Records are spooled to a temporary JSON Lines file; on
 * `close` the real sink is opened with every column seen, in order of first appearance, and filled.
 */
export function unionColumnsSink(path: string, open: (columns: readonly string[]) => RecordSink): RecordSink {
  const spool = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.spool.jsonl`);
  const columns = new Map<string, true>();
  let out: WriteStream | undefined;
  const stream = (): WriteStream => (out ??= createWriteStream(spool, { encoding: "utf8" }));
  return {
    write(record: DataRecord) {
      for (const key of Object.keys(record)) if (!columns.has(key)) columns.set(key, true);
      if (!stream().write(`${JSON.stringify(record)}\n`)) return once(stream(), "drain").then(() => undefined);
      return undefined;
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
      out?.destroy();
      await rm(spool, { force: true });
    },
  };
}
