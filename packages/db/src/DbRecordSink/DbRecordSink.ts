import type { RecordSink } from "@cleanse/core";

/**
 * A record sink writing into a database table inside one transaction: `close()` commits,
 * `abort()` rolls back, so a failed run leaves the table as it was.
 */
export interface DbRecordSink extends RecordSink {
  readonly dialect: "sqlite" | "postgres";
  /** The target table, as given. */
  readonly table: string;
  /** Records written so far (committed once `close()` resolves). */
  readonly written: number;
}
