import { ConfigError } from "@cleanse/core";
import type pg from "pg";
import type { ResolvedConnection } from "./postgresConnection.ts";
import type { SqliteConnection } from "./sqliteDriver.ts";

/** One database a session writes to. Its connection and transaction open with the first sink that needs them. */
export interface SessionDatabase {
  readonly dialect: "sqlite" | "postgres";
  /** For messages: the SQLite file, or the PostgreSQL URL with its password masked. */
  readonly display: string;
  /** Whether the transaction was started. */
  readonly begun: boolean;
  /** Commits and closes the connection; throws an error whose message is safe to show. */
  commit(): Promise<void>;
  /** Rolls back and closes the connection; never throws. */
  rollback(): Promise<void>;
}

/** A SQLite file of a session: one connection, one `BEGIN IMMEDIATE` transaction. */
export interface SessionSqlite extends SessionDatabase {
  readonly dialect: "sqlite";
  connection(): SqliteConnection;
}

/** A PostgreSQL database of a session: one client, one transaction. */
export interface SessionPostgres extends SessionDatabase {
  readonly dialect: "postgres";
  /** @param what - what the sink is doing, for a connection error */
  connection(what: string): Promise<pg.Client>;
}

/** What a sink opened through a session gets back. */
export interface SessionMember<D extends SessionDatabase> {
  readonly database: D;
  /** Throws when the session was committed or rolled back. */
  checkOpen(what: string): void;
  /** The sink finished: its rows are written and wait for the session's commit. */
  closed(): void;
  /** The sink was aborted: the whole session rolls back. */
  abort(): Promise<void>;
}

/** The part of a session that sinks use; not public. */
export interface SessionInternals {
  joinSqlite(file: string, table: string): SessionMember<SessionSqlite>;
  joinPostgres(conn: ResolvedConnection, table: string, schema: string | undefined): SessionMember<SessionPostgres>;
}

const internals = new WeakMap<object, SessionInternals>();

/** Links a session object to its internals. */
export function registerSession(session: object, inner: SessionInternals): void {
  internals.set(session, inner);
}

/** The internals of a session made by `createDbSession`. */
export function sessionInternals(session: object): SessionInternals {
  const inner = internals.get(session);
  if (inner === undefined) {
    throw new ConfigError("The `session` option of a database sink must be a session made by createDbSession().", { code: "CLEANSE_DB_BAD_SESSION" });
  }
  return inner;
}
