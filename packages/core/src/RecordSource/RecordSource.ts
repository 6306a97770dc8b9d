import type { DataRecord, Issue } from "../Issue/Issue.ts";

/** A slice of records read together; parallel arrays keep per-record overhead low. */
export interface RecordBatch {
  readonly records: readonly DataRecord[];
  /** 1-based line where each record starts, when the source has lines. */
  readonly lines?: readonly number[];
  /** Findings raised while reading (e.g. a ragged row), by index into `records`. */
  readonly issues?: ReadonlyMap<number, readonly Issue[]>;
}

/** What a source can say about its input once it has been read. */
export interface InputFingerprint {
  readonly name: string;
  readonly path?: string;
  readonly format?: string;
  readonly encoding?: string;
  readonly encodingConfidence?: number;
  readonly bytes?: number;
  readonly sha256?: string;
  readonly records?: number;
}

/** How far a source has read, for progress displays. */
export interface SourceProgress {
  readonly bytesRead: number;
  readonly bytesTotal?: number;
}

/** A named stream of record batches. Files, databases and plain iterables all become one. */
export interface RecordSource {
  readonly name: string;
  batches(signal?: AbortSignal): AsyncIterable<RecordBatch>;
  /** Available after the batches have been read. */
  fingerprint?(): InputFingerprint;
  progress?(): SourceProgress;
  /** What the source noticed but did not attach to a record (e.g. renamed duplicate headers); read at the end. */
  warnings?(): readonly string[];
}

/** Anything the engine accepts as input. Node `Readable` and Web `ReadableStream` are AsyncIterables. */
export type RecordInput = RecordSource | AsyncIterable<DataRecord> | Iterable<DataRecord>;

/**
 * Type guard for record sources.
 * @param value - anything
 * @returns true when it has a `batches` method
 * @example
 * isRecordSource([{ a: 1 }]) //=> false
 */
export function isRecordSource(value: unknown): value is RecordSource {
  return typeof value === "object" && value !== null && typeof (value as RecordSource).batches === "function";
}

/** Options of {@link toRecordSource}. */
export interface ToRecordSourceOptions {
  /** Name used in locations and the report. Defaults to `input`. */
  readonly name?: string;
  /** Records per batch. Defaults to 256. */
  readonly batchSize?: number;
}

/**
 * Turns any record input into a record source.
 * @param input - a record source, an (async) iterable of records, a Node Readable or a Web ReadableStream
 * @param options - name and batch size
 * @returns a record source
 * @example
 * toRecordSource([{ id: 1 }], { name: "inline" }).name //=> "inline"
 */
export function toRecordSource(input: RecordInput, options: ToRecordSourceOptions = {}): RecordSource {
  if (isRecordSource(input)) return input;
  const name = options.name ?? "input";
  const batchSize = options.batchSize ?? 256;
  let count = 0;
  return {
    name,
    async *batches(): AsyncIterable<RecordBatch> {
      if (Array.isArray(input)) {
        // Arrays are sliced: no await per record.
        for (let i = 0; i < input.length; i += batchSize) {
          const records = input.slice(i, i + batchSize) as DataRecord[];
          count += records.length;
          yield { records };
        }
        return;
      }
      if (!(Symbol.asyncIterator in Object(input))) {
        let records: DataRecord[] = [];
        for (const record of input as Iterable<DataRecord>) {
          records.push(record);
          count++;
          if (records.length >= batchSize) {
            yield { records };
            records = [];
          }
        }
        if (records.length > 0) yield { records };
        return;
      }
      let records: DataRecord[] = [];
      for await (const record of input as AsyncIterable<DataRecord>) {
        records.push(record);
        count++;
        if (records.length >= batchSize) {
          yield { records };
          records = [];
        }
      }
      if (records.length > 0) yield { records };
    },
    fingerprint: () => ({ name, records: count }),
  };
}
