import type { RecordSink } from "@cleanse/core";

/**
 * A record sink writing into a database table inside one transaction: `close()` commits,
 * `abort()` rolls back, so a failed run leaves the table as it was. A sink opened through a
 * session (`createDbSession`) writes in the session's transaction: `close()` finishes its rows,
 * `session.commit()` commits them, and `abort()` rolls back the whole session.
 */
export interface DbRecordSink extends RecordSink {
  readonly dialect: "sqlite" | "postgres";
  /** The target table, as given. */
  readonly table: string;
  /** Records written so far (committed once `close()` resolves, or in a session once `session.commit()` does). */
  readonly written: number;
}
