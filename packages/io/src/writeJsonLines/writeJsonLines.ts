import type { DataRecord, RecordEnvelope, RecordSink } from "@cleanse/core";
import { createTextOutput } from "../_internal/textOutput.ts";
import { recordLabel, toJson } from "../_internal/values.ts";

/** Options of {@link writeJsonLines}. */
export interface WriteJsonLinesOptions {
  /** Output encoding. Defaults to `utf-8`, which JSON Lines expects. */
  readonly encoding?: string;
}

/**
 * Writes records as JSON Lines (one JSON object per line), atomically: a temporary file in the
 * same folder is renamed over the target on `close()` and removed by `abort()`. Records may have
 * different fields, which makes JSON Lines the format of choice for quarantine output.
 * @param path - the output file
 * @param options - encoding
 * @returns a record sink
 * @example
 * const sink = writeJsonLines("out/quarantine.jsonl");
 * await sink.write({ id: 1, _reasons: "email: not an email" }, envelope);
 * await sink.close(); // {"id":1,"_reasons":"email: not an email"}
 */
export function writeJsonLines(path: string, options: WriteJsonLinesOptions = {}): RecordSink {
  const output = createTextOutput(path, { encoding: options.encoding ?? "utf-8", bom: false });
  let count = 0;
  return {
    write(record: DataRecord, envelope?: RecordEnvelope) {
      count++;
      return output.write(`${toJson(record)}\n`, () => recordLabel(envelope, count));
    },
    close: () => output.close(),
    abort: () => output.abort(),
  };
}
