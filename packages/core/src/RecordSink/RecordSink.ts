import type { DataRecord, Issue } from "../Issue/Issue.ts";
import type { RecordEnvelope } from "../Step/Step.ts";
import { DataError } from "../CleanseError/CleanseError.ts";
import { formatLocation } from "../formatLocation/formatLocation.ts";

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
  checkReservedFields(envelope);
  return { ...envelope.record, _reasons: formatReasons(envelope.issues), _record: envelope.location.record ?? envelope.seq + 1 };
}

/** The fields a quarantine output adds to each record; an input field of the same name would be overwritten. */
export const QUARANTINE_FIELDS: readonly string[] = ["_reasons", "_record"];

/**
 * Refuses a record that has a field of its own named like a field the quarantine output adds, so that the
 * user's value is never overwritten by Cleanse's.
 * @param envelope - the routed record
 * @throws DataError `CLEANSE_RESERVED_FIELD` naming the field and the record
 * @example
 * checkReservedFields(env) // throws when env.record has its own "_reasons"
 */
export function checkReservedFields(envelope: RecordEnvelope): void {
  const record = envelope.record;
  for (const name of QUARANTINE_FIELDS) {
    if (Object.hasOwn(record, name)) {
      const where = formatLocation(envelope.location);
      throw new DataError(
        `${where ? `${where}: ` : ""}the record has a field "${name}", which the quarantine output uses for ${name === "_reasons" ? "the reasons a record was quarantined" : "the record's number"}.`,
        {
          code: "CLEANSE_RESERVED_FIELD",
          location: envelope.location,
          hint: `Rename the field before the output (a rename step: { rename: { ${name}: source${name} } }), so that your value and Cleanse's are both kept.`,
        },
      );
    }
  }
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
