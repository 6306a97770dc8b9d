import { AbortedError, isRecordSource, type DataRecord, type InputFingerprint, type RecordInput, type SourceProgress } from "@cleanse/core";

const CHUNK = 512;

/** A record input read in chunks, whose first records can be looked at before the rest. */
export interface RecordStream {
  readonly name: string;
  /** Reads up to `n` records ahead (kept, and delivered again by `chunks()`). */
  peek(n: number): Promise<readonly DataRecord[]>;
  /** Every record, in order, in arrays; can be read once. */
  chunks(): AsyncIterable<readonly DataRecord[]>;
  fingerprint(): InputFingerprint | undefined;
  /** How far a record source has read its bytes; undefined for other inputs. */
  progress(): SourceProgress | undefined;
}

/** Wraps any record input (record source, iterable, async iterable) as a peekable stream of chunks. */
export function openRecordStream(input: RecordInput, fallbackName: string, signal?: AbortSignal): RecordStream {
  const source = isRecordSource(input) ? input : undefined;
  const name = source?.name ?? fallbackName;
  async function* all(): AsyncGenerator<readonly DataRecord[]> {
    if (source) {
      for await (const batch of source.batches(signal)) {
        if (signal?.aborted) throw new AbortedError(undefined, { cause: signal.reason });
        if (batch.records.length > 0) yield batch.records;
      }
      return;
    }
    let chunk: DataRecord[] = [];
    for await (const record of input as AsyncIterable<DataRecord> | Iterable<DataRecord>) {
      chunk.push(record);
      if (chunk.length >= CHUNK) {
        yield chunk;
        chunk = [];
        if (signal?.aborted) throw new AbortedError(undefined, { cause: signal.reason });
      }
    }
    if (chunk.length > 0) yield chunk;
  }
  const inner = all();
  let head: DataRecord[] = [];
  let ended = false;
  let started = false;
  return {
    name,
    async peek(n) {
      while (head.length < n && !ended) {
        const next = await inner.next();
        if (next.done) ended = true;
        else head = head.concat(next.value);
      }
      return head.slice(0, n);
    },
    fingerprint: () => source?.fingerprint?.(),
    progress: () => source?.progress?.(),
    async *chunks() {
      if (started) throw new Error(`The records of "${name}" can be read only once.`);
      started = true;
      if (head.length > 0) yield head;
      head = [];
      if (ended) return;
      yield* inner;
    },
  };
}
