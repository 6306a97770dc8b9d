import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import type pg from "pg";
import { loadSqliteDriver } from "./loadSqliteDriver.ts";
import { connect, dbError, scrub, type ResolvedConnection } from "./postgresConnection.ts";
import type { SessionPostgres, SessionSqlite } from "./session.ts";
import type { SqliteConnection } from "./sqliteDriver.ts";

/** A SQLite file shared by the sinks of a session; the transaction starts with the first sink that writes. */
export function createSessionSqlite(file: string, busyTimeout: number): SessionSqlite {
  let db: SqliteConnection | undefined;
  return {
    dialect: "sqlite",
    display: file,
    get begun() {
      return db !== undefined;
    },
    connection() {
      if (db) return db;
      const driver = loadSqliteDriver(file);
      mkdirSync(dirname(file), { recursive: true });
      const handle = driver.open(file, { busyTimeout });
      try {
        handle.exec("BEGIN IMMEDIATE");
      } catch (error) {
        handle.close();
        throw error;
      }
      db = handle;
      return handle;
    },
    async commit() {
      if (!db) return;
      if (!db.inTransaction) throw new Error("SQLite had already rolled the transaction back after an earlier error");
      try {
        db.exec("COMMIT");
      } catch (error) {
        throw new Error(`SQLite error: ${(error as Error).message}`, { cause: error });
      }
      db.close();
      db = undefined;
    },
    async rollback() {
      const handle = db;
      db = undefined;
      if (!handle) return;
      try {
        if (handle.inTransaction) handle.exec("ROLLBACK");
      } catch {
        // closing the connection rolls back too
      }
      handle.close();
    },
  };
}

/** A PostgreSQL database shared by the sinks of a session: one client, one transaction. */
export function createSessionPostgres(conn: ResolvedConnection): SessionPostgres {
  let starting: Promise<pg.Client> | undefined;
  return {
    dialect: "postgres",
    display: conn.display,
    get begun() {
      return starting !== undefined;
    },
    connection(what) {
      starting ??= (async () => {
        const c = await connect(conn, what);
        try {
          await c.query("BEGIN");
        } catch (error) {
          await c.end().catch(() => {});
          throw dbError(error, what, conn);
        }
        return c;
      })();
      return starting;
    },
    async commit() {
      if (!starting) return;
      let c: pg.Client;
      try {
        c = await starting;
      } catch (error) {
        throw new Error(scrub((error as Error).message, conn.secrets));
      }
      let result: pg.QueryResult;
      try {
        result = await c.query("COMMIT");
      } catch (error) {
        const e = error as Error & { code?: string };
        throw new Error(`PostgreSQL error: ${scrub(e.message, conn.secrets)}${typeof e.code === "string" ? ` (SQLSTATE ${e.code})` : ""}`);
      }
      // COMMIT of a transaction that failed earlier succeeds as a ROLLBACK.
      if (result.command === "ROLLBACK") throw new Error("PostgreSQL had already aborted the transaction after an earlier error, and rolled it back");
      starting = undefined;
      await c.end().catch(() => {});
    },
    async rollback() {
      const pending = starting;
      starting = undefined;
      if (!pending) return;
      const c = await pending.catch(() => undefined);
      if (!c) return;
      await c.query("ROLLBACK").catch(() => {});
      await c.end().catch(() => {});
    },
  };
}
