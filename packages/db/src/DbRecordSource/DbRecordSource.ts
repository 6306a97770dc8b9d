import type { InputFingerprint, RecordSource } from "@cleanse/core";

/** Keeps only rows whose `column` is greater than `after`; pushed down into SQL as a WHERE clause. */
export interface WatermarkFilter {
  readonly column: string;
  /** Exclusive lower bound; `null` or `undefined` reads every row. */
  readonly after: unknown;
}

/** What a database source tells about its input: the fingerprint fields plus table, query and database. */
export interface DbFingerprint extends InputFingerprint {
  readonly table?: string;
  readonly query?: string;
  /** Where the rows came from, without any password: the SQLite file or `postgres://user:***@host/db`. */
  readonly database?: string;
}

/** A record source backed by a table or a query. */
export interface DbRecordSource extends RecordSource {
  readonly dialect: "sqlite" | "postgres";
  /**
   * The same source, reading only rows past a watermark (e.g. `updated_at > '2024-05-01'`).
   * The database applies the filter, so unchanged rows are never transferred.
   */
  after(filter: WatermarkFilter): DbRecordSource;
  fingerprint(): DbFingerprint;
}

/** Context for opening database sources and sinks. */
export interface DbOpenContext {
  /** Folder that relative SQLite paths resolve against (the job file's folder). Defaults to the current folder. */
  readonly baseDir?: string;
  /** Environment that `url_env` and the PG* variables are read from. Defaults to `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/**
 * Tells whether a record source is a database source that can push a watermark filter down.
 * @param source - any record input
 * @returns true when it has `dialect` and `after()`
 * @example
 * isDbRecordSource(openDbSource({ sqlite: { path: "crm.db", table: "customers" } })) //=> true
 */
export function isDbRecordSource(source: unknown): source is DbRecordSource {
  return (
    typeof source === "object" &&
    source !== null &&
    typeof (source as DbRecordSource).after === "function" &&
    typeof (source as DbRecordSource).batches === "function" &&
    ((source as DbRecordSource).dialect === "sqlite" || (source as DbRecordSource).dialect === "postgres")
  );
}
