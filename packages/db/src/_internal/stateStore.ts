import { mkdir, open, readFile, rename, rm } from "node:fs/promises";
import { mkdirSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { ConfigError, IoError } from "@cleanse/core";
import type { DbOpenContext } from "../DbRecordSource/DbRecordSource.ts";
import type { IncrementalStateSpec } from "../incrementalSpecSchema/incrementalSpecSchema.ts";
import { loadSqliteDriver } from "./loadSqliteDriver.ts";
import { connect, dbError, resolveConnection } from "./postgresConnection.ts";
import type { SqliteConnection } from "./sqliteDriver.ts";
import { quoteTable } from "./sql.ts";

/** Reads and writes one job's state document. */
export interface StateStore {
  /** Where the state lives, for messages. */
  readonly where: string;
  read(job: string): Promise<unknown>;
  write(job: string, state: unknown): Promise<void>;
}

/** Opens the store a specification names. */
export function openStateStore(spec: IncrementalStateSpec, context: DbOpenContext): StateStore {
  if (typeof spec === "string") return fileStore(resolve(context.baseDir ?? process.cwd(), spec));
  if ("file" in spec) return fileStore(resolve(context.baseDir ?? process.cwd(), spec.file));
  if ("sqlite" in spec) return sqliteStore(resolve(context.baseDir ?? process.cwd(), spec.sqlite.path), spec.sqlite.table ?? "cleanse_state");
  if ("postgres" in spec) return postgresStore(spec.postgres, context);
  throw new ConfigError("Incremental state is a file path, { file }, { sqlite: { path } } or { postgres: { url_env } }.", { code: "CLEANSE_DB_BAD_SPEC" });
}

function fileStore(path: string): StateStore {
  return {
    where: path,
    async read() {
      let text: string;
      try {
        text = await readFile(path, "utf8");
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
        throw new IoError(`Cannot read the state file ${path}: ${(error as Error).message}`, { code: "CLEANSE_STATE_READ", location: { file: path }, cause: error });
      }
      try {
        return JSON.parse(text) as unknown;
      } catch (error) {
        throw new IoError(`The state file ${path} is not valid JSON: ${(error as Error).message}`, {
          code: "CLEANSE_STATE_CORRUPT",
          location: { file: path },
          hint: "restore it from a backup, or delete it to start over from the beginning",
          cause: error,
        });
      }
    },
    async write(_job, state) {
      await writeFileAtomic(path, `${JSON.stringify(state, null, 2)}\n`);
    },
  };
}

/** Writes a file through a synced temp file and a rename, so a crash leaves the old or the new file, never half of one. */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  const dir = dirname(path);
  const temp = join(dir, `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await mkdir(dir, { recursive: true });
    const handle = await open(temp, "w");
    try {
      await handle.writeFile(text, "utf8");
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
    const dirHandle = await open(dir, "r").catch(() => undefined);
    if (dirHandle) {
      await dirHandle.sync().catch(() => {});
      await dirHandle.close();
    }
  } catch (error) {
    await rm(temp, { force: true });
    throw new IoError(`Cannot write ${path}: ${(error as Error).message}`, { code: "CLEANSE_STATE_WRITE", location: { file: path }, cause: error });
  }
}

function sqliteStore(file: string, table: string): StateStore {
  const qualified = quoteTable(table);
  const withDb = <T>(fn: (db: SqliteConnection) => T): T => {
    const driver = loadSqliteDriver(file);
    mkdirSync(dirname(file), { recursive: true });
    const db = driver.open(file, { busyTimeout: 10_000 });
    try {
      db.exec(`CREATE TABLE IF NOT EXISTS ${qualified} (job TEXT PRIMARY KEY, state TEXT NOT NULL, updated_at TEXT NOT NULL)`);
      return fn(db);
    } catch (error) {
      throw new IoError(`Cannot use the state table "${table}" in ${file}: ${(error as Error).message}`, { code: "CLEANSE_STATE_WRITE", cause: error });
    } finally {
      db.close();
    }
  };
  return {
    where: `${file} (table ${table})`,
    async read(job) {
      const row = withDb((db) => db.prepare(`SELECT state FROM ${qualified} WHERE job = ?`).get(job) as { state: string } | undefined);
      return row ? (JSON.parse(row.state) as unknown) : undefined;
    },
    async write(job, state) {
      withDb((db) =>
        db
          .prepare(`INSERT INTO ${qualified} (job, state, updated_at) VALUES (?, ?, ?) ON CONFLICT (job) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at`)
          .run(job, JSON.stringify(state), new Date().toISOString()),
      );
    },
  };
}

function postgresStore(spec: { url_env?: string | undefined; table?: string | undefined; schema?: string | undefined }, context: DbOpenContext): StateStore {
  const conn = resolveConnection(spec, context.env);
  const table = spec.table ?? "cleanse_state";
  const qualified = quoteTable(table, spec.schema);
  const withClient = async <T>(what: string, fn: (c: import("pg").Client) => Promise<T>): Promise<T> => {
    const c = await connect(conn, what);
    try {
      await c.query(`CREATE TABLE IF NOT EXISTS ${qualified} (job text PRIMARY KEY, state jsonb NOT NULL, updated_at timestamptz NOT NULL DEFAULT now())`);
      return await fn(c);
    } catch (error) {
      throw dbError(error, what, conn);
    } finally {
      await c.end().catch(() => {});
    }
  };
  return {
    where: `${conn.display} (table ${table})`,
    async read(job) {
      return withClient(`reading the state of "${job}"`, async (c) => {
        const r = await c.query<{ state: string }>(`SELECT state::text AS state FROM ${qualified} WHERE job = $1`, [job]);
        return r.rows[0] ? (JSON.parse(r.rows[0].state) as unknown) : undefined;
      });
    },
    async write(job, state) {
      await withClient(`writing the state of "${job}"`, async (c) => {
        await c.query(
          `INSERT INTO ${qualified} (job, state, updated_at) VALUES ($1, $2::jsonb, now()) ON CONFLICT (job) DO UPDATE SET state = EXCLUDED.state, updated_at = EXCLUDED.updated_at`,
          [job, JSON.stringify(state)],
        );
      });
    },
  };
}
