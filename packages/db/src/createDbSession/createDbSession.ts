import { CleanseError, ConfigError, IoError } from "@cleanse/core";
import { realFilePath } from "../_internal/realFilePath.ts";
import { registerSession, type SessionDatabase, type SessionMember } from "../_internal/session.ts";
import { createSessionPostgres, createSessionSqlite } from "../_internal/sessionDatabases.ts";
import { quoteTable, splitTable } from "../_internal/sql.ts";

/** Options of {@link createDbSession}. */
export interface CreateDbSessionOptions {
  /**
   * How long a SQLite connection of the session waits for a lock another process holds, in milliseconds
   * (default 10 000), when it starts its transaction and when it commits.
   */
  readonly sqliteBusyTimeout?: number;
}

/**
 * Where a session is: `open` while sinks write, then `committed`, `rolled-back`, or `partially-committed`
 * when a commit failed after an earlier database of the session had committed.
 */
export type DbSessionState = "open" | "committed" | "rolled-back" | "partially-committed";

/**
 * Database sinks that share one connection and one transaction per database. Open each sink with
 * `openDbSink(spec, { session })`; a sink's `close()` then finishes its rows without committing, and
 * `commit()` commits every database of the session once all its sinks are closed.
 */
export interface DbSession {
  readonly state: DbSessionState;
  /** The databases written to, in commit order: SQLite files and PostgreSQL URLs with the password masked. */
  readonly databases: readonly string[];
  /**
   * Commits every database of the session, one after the other in the order their first sink was opened.
   * Each database's commit is atomic, the set is not: when a later commit fails, the earlier ones stay
   * committed and the error (`CLEANSE_DB_PARTIAL_COMMIT`) names which databases committed and which did not.
   * @throws CleanseError `CLEANSE_DB_SINK_OPEN` when a sink is not closed (the session is rolled back)
   * @throws IoError `CLEANSE_DB_COMMIT` when the first commit fails (nothing committed), or `CLEANSE_DB_PARTIAL_COMMIT`
   */
  commit(): Promise<void>;
  /**
   * Rolls back every database of the session and closes the connections. Does nothing when the session
   * is already rolled back or a commit failed.
   * @throws CleanseError `CLEANSE_DB_SESSION_CLOSED` when the session was committed
   */
  rollback(): Promise<void>;
}

interface Entry {
  readonly db: SessionDatabase;
  /** Normalized table name → the table as the first sink wrote it. */
  readonly tables: Map<string, string>;
}

interface Member {
  readonly table: string;
  readonly database: string;
  closed: boolean;
}

/** SQLite compares names without regard to ASCII case, and `main` is the default schema. */
function sqliteTableKey(table: string): string {
  const { schema, table: name } = splitTable(table);
  const lower = (s: string): string => s.replace(/[A-Z]/g, (c) => c.toLowerCase());
  return `${lower(schema ?? "main")}.${lower(name)}`;
}

const plural = (n: number, one: string, many: string): string => (n === 1 ? one : many);
const listOf = (items: readonly string[]): string => (items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`);

/**
 * Creates a database session, so that a run's sinks on one database (clean and quarantine tables in
 * one SQLite file, say) write through one connection in one transaction instead of locking each other out.
 * @param options - `sqliteBusyTimeout` for the session's SQLite connections
 * @returns a session to pass as `openDbSink(spec, { session })`, then to commit or roll back
 * @example
 * const session = createDbSession();
 * const clean = openDbSink({ sqlite: { path: "o.db", table: "clean" } }, { session });
 * const quarantine = openDbSink({ sqlite: { path: "o.db", table: "quarantine" } }, { session });
 * await runPipeline({ source, steps, clean, quarantine }); // closes the sinks, or aborts them (rolling back)
 * await session.commit();
 * session.state //=> "committed"
 */
export function createDbSession(options: CreateDbSessionOptions = {}): DbSession {
  const busyTimeout = options.sqliteBusyTimeout ?? 10_000;
  if (!Number.isInteger(busyTimeout) || busyTimeout < 0) {
    throw new ConfigError(`sqliteBusyTimeout must be a whole number of milliseconds, 0 or more; received ${String(busyTimeout)}.`, { code: "CLEANSE_DB_BAD_SPEC" });
  }
  let state: DbSessionState = "open";
  let ended = "";
  let committing = false;
  const entries = new Map<string, Entry>();
  const members: Member[] = [];

  function checkOpen(what: string): void {
    if (committing) throw new CleanseError(`Cannot ${what}: the database session is committing.`, { code: "CLEANSE_DB_SESSION_CLOSED" });
    if (state === "open") return;
    const done = state === "committed" ? "committed" : state === "partially-committed" ? "partially committed" : "rolled back";
    throw new CleanseError(`Cannot ${what}: the database session is already ${done}${ended}.`, {
      code: "CLEANSE_DB_SESSION_CLOSED",
      hint: "open the sinks of each run through a new session",
    });
  }

  async function rollbackAll(reason: string): Promise<void> {
    if (state !== "open") return;
    state = "rolled-back";
    ended = ` (${reason})`;
    await Promise.all([...entries.values()].map((e) => e.db.rollback()));
  }

  function join<D extends SessionDatabase>(key: string, tableKey: string, table: string, make: () => D): SessionMember<D> {
    checkOpen(`open a sink for "${table}"`);
    let entry = entries.get(key);
    const other = entry?.tables.get(tableKey);
    if (entry !== undefined && other !== undefined) {
      const names = other === table ? `"${table}"` : `"${other}" and "${table}"`;
      throw new ConfigError(
        `Two outputs of the run write to the table ${names} in ${entry.db.display}; in one transaction the second would overwrite or mix with the first's rows.`,
        { code: "CLEANSE_DB_SAME_TABLE", hint: "give each output its own table" },
      );
    }
    if (entry === undefined) {
      entry = { db: make(), tables: new Map() };
      entries.set(key, entry);
    }
    entry.tables.set(tableKey, table);
    const member: Member = { table, database: entry.db.display, closed: false };
    members.push(member);
    return {
      database: entry.db as D,
      checkOpen,
      closed() {
        member.closed = true;
      },
      abort: () => rollbackAll(`the sink for "${table}" was aborted`),
    };
  }

  const session: DbSession = {
    get state() {
      return state;
    },
    get databases() {
      return [...entries.values()].map((e) => e.db.display);
    },
    async commit() {
      checkOpen("commit");
      const open = members.filter((m) => !m.closed);
      if (open.length > 0) {
        await rollbackAll("a sink was still open at commit");
        const which = listOf(open.map((m) => `"${m.table}" in ${m.database}`));
        throw new CleanseError(
          `Cannot commit the database session: the ${plural(open.length, "sink", "sinks")} for ${which} ${plural(open.length, "is", "are")} not closed. Nothing was committed; the session was rolled back.`,
          { code: "CLEANSE_DB_SINK_OPEN", hint: "close every sink of the session (runPipeline does when the run succeeds) before session.commit()" },
        );
      }
      committing = true;
      const dbs = [...entries.values()].map((e) => e.db).filter((db) => db.begun);
      const committed: string[] = [];
      try {
        for (const [i, db] of dbs.entries()) {
          try {
            await db.commit();
          } catch (error) {
            const notCommitted = dbs.slice(i);
            await Promise.all(notCommitted.map((d) => d.rollback()));
            const detail = (error as Error).message;
            if (committed.length === 0) {
              state = "rolled-back";
              ended = " (its commit failed)";
              throw new IoError(
                `Could not commit to ${db.display}: ${detail}. Nothing was committed: ${plural(dbs.length, "the database was", "every database of the session was")} rolled back and holds what it held before the run.`,
                { code: "CLEANSE_DB_COMMIT", hint: "fix the cause and run the job again" },
              );
            }
            state = "partially-committed";
            ended = ` (committing to ${db.display} failed)`;
            const rest = notCommitted.map((d) => d.display);
            throw new IoError(
              `Committed to ${listOf(committed)}, but committing to ${db.display} failed: ${detail}. ${listOf(rest)} ${plural(rest.length, "was", "were")} rolled back, so ${listOf(committed)} ${plural(committed.length, "holds", "hold")} this run's rows and ${listOf(rest)} ${plural(rest.length, "does", "do")} not.`,
              {
                code: "CLEANSE_DB_PARTIAL_COMMIT",
                hint: "commits to several databases cannot be atomic; run the job again once the cause is fixed (replace and upsert outputs then agree again, append outputs in the committed databases would get this run's rows twice)",
              },
            );
          }
          committed.push(db.display);
        }
        state = "committed";
      } finally {
        committing = false;
      }
    },
    async rollback() {
      if (state === "committed") checkOpen("roll back");
      if (committing) checkOpen("roll back");
      await rollbackAll("session.rollback() was called");
    },
  };

  registerSession(session, {
    joinSqlite(file, table) {
      const real = realFilePath(file);
      return join(`sqlite:${real}`, sqliteTableKey(table), table, () => createSessionSqlite(file, busyTimeout));
    },
    joinPostgres(conn, table, schema) {
      return join(`postgres:${conn.key}`, quoteTable(table, schema), schema === undefined ? table : `${schema}.${table}`, () => createSessionPostgres(conn));
    },
  });
  return session;
}
