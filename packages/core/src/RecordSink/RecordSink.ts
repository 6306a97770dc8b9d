import type { DataRecord, Issue } from "../Issue/Issue.ts";
import type { RecordEnvelope } from "../Step/Step.ts";

/**
 * Where routed records go. `write` may return a promise to apply backpressure.
 * `close` commits the output; `abort` discards it so a failed run leaves no half-written file.
 */
export interface RecordSink {
  write(record: DataRecord, envelope: RecordEnvelope): void | Promise<void>;
  close(): Promise<void>;
  abort?(reason?: unknown): Promise<void>;
}

/**
 * Formats findings as one readable string, e.g. for a `_reasons` column.
 * @param issues - the findings
 * @returns `rule(field): message` parts joined by `; `
 * @example
 * formatReasons([{ rule: "email", field: "email", message: "not an email", ... }]) //=> "email(email): not an email"
 */
export function formatReasons(issues: readonly Issue[]): string {
  return issues.map((i) => `${i.rule}${i.field === undefined ? "" : `(${i.field})`}: ${i.message}`).join("; ");
}

/**
 * Copies a quarantined record with its reasons and record number appended as `_reasons` and `_record`.
 * @param envelope - the routed record
 * @returns a new record; the original is not changed
 * @example
 * withReasons(env)._reasons //=> "required(id): id is required"
 */
export function withReasons(envelope: RecordEnvelope): DataRecord {
  return { ...envelope.record, _reasons: formatReasons(envelope.issues), _record: envelope.location.record ?? envelope.seq + 1 };
}

/**
 * A sink that keeps records in memory, for tests and small jobs.
 * @returns the sink and its records
 * @example
 * const sink = createMemorySink(); sink.records //=> []
 */
export function createMemorySink(): RecordSink & { readonly records: DataRecord[]; closed: boolean } {
  const records: DataRecord[] = [];
  return {
    records,
    closed: false,
    write(record) {
      records.push(record);
    },
    async close() {
      this.closed = true;
    },
    async abort() {
      records.length = 0;
    },
  };
}
