import { finished } from "node:stream/promises";
import { IoError, type DataRecord } from "@cleanse/core";
import type pg from "pg";
import { from as copyFrom, type CopyStreamQuery } from "pg-copy-streams";
import type { DbRecordSink } from "../DbRecordSink/DbRecordSink.ts";
import { postgresSinkOptionsSchema, type PostgresSinkOptions } from "../dbSinkSpecSchema/dbSinkSpecSchema.ts";
import type { OpenDbSinkOptions } from "../openDbSink/openDbSink.ts";
import { parseSpec } from "../_internal/parseSpec.ts";
import { connect, dbError, resolveConnection } from "../_internal/postgresConnection.ts";
import { sessionInternals } from "../_internal/session.ts";
import { addedColumnType, checkKey, createTableSql, keyColumns, missingColumnsError, newFields } from "../_internal/sinkPlan.ts";
import { copyTextField, quoteIdent, quoteTable, splitTable, toPgText } from "../_internal/sql.ts";

const CHUNK = 64 * 1024;
const MAX_PARAMS = 65_535;
let stagingTables = 0;

/**
 * Opens a PostgreSQL table as a record sink. Rows stream in with `COPY ... FROM STDIN` (default) or
 * multi-row INSERTs (`method: insert`), all inside one transaction: `close()` commits, `abort()` (or a
 * dropped connection) rolls back, so a failed run leaves the table as it was. The table is created from
 * the first record's fields when missing; `mode` appends, replaces (TRUNCATE in the same transaction) or
 * upserts on `key` (through a staging table, the last record per key wins). Opened through a `session`,
 * the sink shares the session's client and transaction on its database: `close()` finishes the sink
 * (flushes its rows, merges its upserts) and `session.commit()` commits.
 * @param options - `{ url_env, table, mode, key, columns, method }`, as in a job file
 * @param context - `env` to read the connection from (defaults to `process.env`), `session` to share a transaction
 * @returns a database record sink
 * @example
 * const sink = openPostgresSink({ url_env: "PGURL", table: "clean_orders", mode: "replace" });
 * await runPipeline({ source, clean: sink }); // the table holds exactly this run's clean records
 */
export function openPostgresSink(options: PostgresSinkOptions, context: OpenDbSinkOptions = {}): DbRecordSink {
  const spec = parseSpec(postgresSinkOptionsSchema, options, "PostgreSQL sink");
  const conn = resolveConnection(spec, context.env);
  const member = context.session === undefined ? undefined : sessionInternals(context.session).joinPostgres(conn, spec.table, spec.schema);
  /**
   * Alone, the sink keeps one COPY open across writes. In a session the client is shared, and a COPY
   * would hold it while another sink waits, so each chunk of rows is sent as a COPY of its own.
   */
  const streaming = member === undefined;
  const target = quoteTable(spec.table, spec.schema);
  const { schema, table: bareTable } = splitTable(spec.table, spec.schema);
  const mode = spec.mode ?? "append";
  const method = spec.method ?? "copy";
  const keys = keyColumns(spec);
  const what = `writing to "${spec.table}"`;

  let client: pg.Client | undefined;
  let starting: Promise<pg.Client> | undefined;
  let columns: string[] = [];
  let columnSet = new Set<string>();
  let known = new Set<string>();
  let created = false;
  let staging: string | undefined;
  let copy: CopyStreamQuery | undefined;
  let copyError: Error | undefined;
  /** Rows can be appended to `chunk` as COPY text. */
  let copyReady = false;
  let chunk = "";
  let rows: unknown[][] = [];
  let written = 0;
  let done = false;

  /** Where rows go: the target, or for upserts a staging table merged on close. */
  const into = (): string => staging ?? target;

  async function existingColumns(c: pg.Client): Promise<string[] | undefined> {
    const found = await c.query<{ oid: string | null }>("SELECT to_regclass($1)::oid::text AS oid", [target]);
    const oid = found.rows[0]?.oid;
    if (!oid) return undefined;
    const cols = await c.query<{ attname: string }>(
      "SELECT attname FROM pg_attribute WHERE attrelid = $1::oid AND attnum > 0 AND NOT attisdropped ORDER BY attnum",
      [oid],
    );
    return cols.rows.map((r) => r.attname);
  }

  async function begin(first: DataRecord | undefined): Promise<pg.Client> {
    const c = member ? await member.database.connection(what) : await connect(conn, what);
    client = c;
    try {
      if (!member) await c.query("BEGIN");
      const existing = await existingColumns(c);
      const fields = first ? Object.keys(first) : [];
      if (existing === undefined) {
        if (spec.create === false) {
          throw new IoError(`Table "${spec.table}" does not exist at ${conn.display}, and the sink is set not to create it.`, { code: "CLEANSE_DB_NO_TABLE" });
        }
        if (fields.length > 0 || spec.columns !== undefined) {
          if (schema !== undefined) await c.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
          await c.query(createTableSql(target, fields, spec, "text"));
          created = true;
          known = new Set(await existingColumns(c));
        }
      } else {
        const missing = fields.filter((f) => !existing.includes(f));
        if (missing.length > 0) throw missingColumnsError(spec.table, missing);
        known = new Set(existing);
        if (mode === "replace") await c.query(`TRUNCATE ${target}`);
      }
      columns = fields;
      columnSet = new Set(columns);
      if (first && mode === "upsert") {
        staging = quoteIdent(`_cleanse_stage_${bareTable.slice(0, 30)}_${process.pid}_${++stagingTables}`);
        await c.query(`CREATE TEMP TABLE ${staging} (LIKE ${target}) ON COMMIT DROP`);
        await c.query(`ALTER TABLE ${staging} ADD COLUMN _cleanse_seq bigserial`);
      }
      if (first && method === "copy") await startCopy(c);
      return c;
    } catch (error) {
      // A session's client belongs to the session, which rolls back when the run aborts.
      if (member) client = undefined;
      else await dropConnection();
      throw dbError(error, what, conn);
    }
  }

  const copySql = (): string => `COPY ${into()} (${columns.map(quoteIdent).join(", ")}) FROM STDIN`;

  async function startCopy(c: pg.Client): Promise<void> {
    copyReady = true;
    if (!streaming) return;
    copyError = undefined;
    const stream = c.query(copyFrom(copySql()));
    stream.on("error", (error: Error) => {
      copyError ??= error;
    });
    copy = stream;
  }

  async function flushCopy(): Promise<void> {
    if (!streaming) {
      if (chunk.length === 0 || !client) return;
      const text = chunk;
      chunk = "";
      const stream = client.query(copyFrom(copySql()));
      stream.end(text);
      await finished(stream);
      return;
    }
    if (!copy || chunk.length === 0) return;
    if (copyError) throw copyError;
    const ok = copy.write(chunk);
    chunk = "";
    if (!ok) {
      await new Promise<void>((resolve, reject) => {
        const stream = copy!;
        const onDrain = (): void => {
          stream.off("error", onError);
          resolve();
        };
        const onError = (error: Error): void => {
          stream.off("drain", onDrain);
          reject(error);
        };
        stream.once("drain", onDrain);
        stream.once("error", onError);
      });
    }
  }

  async function endCopy(): Promise<void> {
    copyReady = false;
    if (!streaming) return flushCopy();
    if (!copy) return;
    await flushCopy();
    const stream = copy;
    copy = undefined;
    stream.end();
    await finished(stream);
    if (copyError) throw copyError;
  }

  async function flushRows(): Promise<void> {
    if (rows.length === 0 || !client) return;
    let batch = rows;
    rows = [];
    if (mode === "upsert" && staging === undefined) batch = lastPerKey(batch);
    const params: unknown[] = [];
    const tuples = batch.map((row) => `(${row.map((v) => `$${params.push(v)}`).join(", ")})`);
    await client.query(`INSERT INTO ${into()} (${columns.map(quoteIdent).join(", ")}) VALUES ${tuples.join(", ")}`, params);
  }

  function lastPerKey(batch: unknown[][]): unknown[][] {
    const idx = keys.map((k) => columns.indexOf(k));
    const byKey = new Map<string, unknown[]>();
    for (const row of batch) byKey.set(JSON.stringify(idx.map((i) => row[i])), row);
    return [...byKey.values()];
  }

  async function addColumns(c: pg.Client, fields: readonly string[]): Promise<void> {
    if (method === "copy") await endCopy();
    else await flushRows();
    const missing = fields.filter((f) => !known.has(f));
    if (missing.length > 0 && !created) throw missingColumnsError(spec.table, missing);
    for (const f of missing) {
      const type = addedColumnType(spec, f, "text");
      await c.query(`ALTER TABLE ${target} ADD COLUMN ${quoteIdent(f)} ${type}`);
      if (staging) await c.query(`ALTER TABLE ${staging} ADD COLUMN ${quoteIdent(f)} ${type}`);
      known.add(f);
    }
    columns = [...columns, ...fields];
    columnSet = new Set(columns);
    if (method === "copy") await startCopy(c);
  }

  async function mergeStaging(c: pg.Client): Promise<void> {
    if (!staging) return;
    const cols = columns.map(quoteIdent).join(", ");
    const keyList = keys.map(quoteIdent).join(", ");
    const rest = columns.filter((col) => !keys.includes(col));
    const action = rest.length === 0 ? "NOTHING" : `UPDATE SET ${rest.map((col) => `${quoteIdent(col)} = EXCLUDED.${quoteIdent(col)}`).join(", ")}`;
    await c.query(
      `INSERT INTO ${target} (${cols}) SELECT DISTINCT ON (${keyList}) ${cols} FROM ${staging} ORDER BY ${keyList}, _cleanse_seq DESC ON CONFLICT (${keyList}) DO ${action}`,
    );
  }

  async function dropConnection(): Promise<void> {
    const c = client;
    client = undefined;
    copy = undefined;
    copyReady = false;
    if (c) await c.end().catch(() => {});
  }

  async function writeRecord(c: pg.Client, record: DataRecord): Promise<void> {
    const extra = newFields(record, columnSet);
    if (extra.length > 0) await addColumns(c, extra);
    if (method === "copy") {
      let line = "";
      for (let i = 0; i < columns.length; i++) line += (i === 0 ? "" : "\t") + copyTextField(record[columns[i]!]);
      chunk += `${line}\n`;
      written++;
      if (chunk.length >= CHUNK) await flushCopy();
      return;
    }
    const row = new Array(columns.length);
    for (let i = 0; i < columns.length; i++) row[i] = toPgText(record[columns[i]!]);
    rows.push(row);
    written++;
    const limit = Math.min(spec.batch_size ?? 500, Math.floor(MAX_PARAMS / Math.max(1, columns.length)));
    if (rows.length >= limit) await flushRows();
  }

  return {
    dialect: "postgres",
    table: spec.table,
    get written() {
      return written;
    },
    write(record, envelope) {
      if (done) throw new IoError(`The PostgreSQL sink for "${spec.table}" is already closed.`, { code: "CLEANSE_DB_CLOSED" });
      member?.checkOpen(`write to "${spec.table}" at ${conn.display}`);
      if (mode === "upsert") checkKey(record, keys, envelope, spec.table);
      if (copyReady && chunk.length + 4096 < CHUNK && copyError === undefined) {
        // Fast path: append to the current COPY chunk without a promise.
        const extra = newFields(record, columnSet);
        if (extra.length === 0) {
          let line = "";
          for (let i = 0; i < columns.length; i++) line += (i === 0 ? "" : "\t") + copyTextField(record[columns[i]!]);
          chunk += `${line}\n`;
          written++;
          return;
        }
      }
      return (async () => {
        starting ??= begin(record);
        const c = await starting;
        try {
          await writeRecord(c, record);
        } catch (error) {
          throw dbError(error, what, conn);
        }
      })();
    },
    async close() {
      if (done) return;
      member?.checkOpen(`close the sink for "${spec.table}" at ${conn.display}`);
      starting ??= begin(undefined);
      const c = await starting;
      try {
        if (method === "copy") await endCopy();
        else await flushRows();
        await mergeStaging(c);
        if (!member) await c.query("COMMIT");
      } catch (error) {
        done = true;
        if (member) client = undefined;
        else await dropConnection();
        throw dbError(error, `${member ? "finishing" : "committing to"} "${spec.table}"`, conn);
      }
      done = true;
      if (member) {
        client = undefined;
        member.closed();
        return;
      }
      await dropConnection();
    },
    async abort() {
      if (member) {
        // Closed or not, the sink's rows sit in the session's transaction: aborting rolls it all back.
        done = true;
        client = undefined;
        await member.abort();
        return;
      }
      if (done) return;
      done = true;
      const c = client;
      if (c && !copy) await c.query("ROLLBACK").catch(() => {});
      // With a COPY in flight, dropping the connection is the rollback.
      await dropConnection();
    },
  };
}
