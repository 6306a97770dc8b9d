import { QUARANTINE_FIELDS, type DataRecord, type RecordEnvelope, type RecordSink, type RecordSource } from "@cleanse/core";
/** Fields only some quarantined records have: the extra values of a ragged CSV row, and those above. */
const ROUTING_FIELDS: readonly string[] = ["_extra", ...QUARANTINE_FIELDS];

/** Which output of a run. */
export type OutputKind = "clean" | "quarantine" | "merged";

/**
 * The columns of a run's outputs, for the header of a CSV output that receives no record: the fields of
 * the first record routed to any output (they are the same for every output, before the quarantine
 * fields), else the source's header (a CSV source's columns). A quarantine output adds `_reasons` and
 * `_record`; `_extra` (the extra values of a ragged row) appears only where such a row was written, unless the
 * source has a column of that name.
 */
export interface RoutedColumns {
  /** Wraps an output so that the fields of the first record it receives become known. */
  watch(sink: RecordSink): RecordSink;
  /** The columns of an output of this kind, asked for when it closes without a record. */
  columns(kind: OutputKind): () => readonly string[] | undefined;
}

/** A source that may know its columns once read (`CsvSource` does). */
type MaybeColumns = RecordSource & { readonly columns?: () => readonly string[] | undefined };

export function createRoutedColumns(source: RecordSource): RoutedColumns {
  let first: readonly string[] | undefined;
  const fromSource = (): readonly string[] | undefined => {
    const read = (source as MaybeColumns).columns;
    return typeof read === "function" ? read.call(source) : undefined;
  };
  return {
    watch(sink) {
      return {
        write(record: DataRecord, envelope: RecordEnvelope) {
          if (first === undefined) {
            // A column of the source named `_extra` (a quarantine file read back) is the user's, not Cleanse's.
            const own = fromSource() ?? [];
            first = Object.keys(envelope?.record ?? record).filter((k) => !ROUTING_FIELDS.includes(k) || own.includes(k));
          }
          return sink.write(record, envelope);
        },
        close: () => sink.close(),
        ...(sink.abort ? { abort: (reason?: unknown) => sink.abort!(reason) } : {}),
      };
    },
    columns(kind) {
      return () => {
        const base = first ?? fromSource();
        if (!base || base.length === 0) return undefined;
        return kind === "quarantine" ? [...base, ...QUARANTINE_FIELDS] : base;
      };
    },
  };
}
