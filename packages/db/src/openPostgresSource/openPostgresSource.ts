import { StringDecoder } from "node:string_decoder";
import { AbortedError, type DataRecord, type RecordBatch } from "@cleanse/core";
import type pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import Cursor from "pg-cursor";
import type { DbFingerprint, DbOpenContext, DbRecordSource, WatermarkFilter } from "../DbRecordSource/DbRecordSource.ts";
import { postgresSourceOptionsSchema, type PostgresSourceOptions } from "../dbSourceSpecSchema/dbSourceSpecSchema.ts";
import { parseSpec } from "../_internal/parseSpec.ts";
import { connect, dbError, resolveConnection, typeParsers, type ResolvedConnection } from "../_internal/postgresConnection.ts";
import { quoteIdent, quoteTable, toPgText, unescapeCopyField } from "../_internal/sql.ts";

/**
 * Opens a PostgreSQL table or query as a record source, streamed in batches through a server-side
 * cursor (default) or `COPY ... TO STDOUT` (`read: copy`). Both give the same values: numbers for
 * integer and float columns, strings for numeric, bigint, dates and timestamps (in UTC, ISO style),
 * parsed JSON for json columns. The connection comes from `url_env` or the PG* variables.
 * @param options - `{ url_env, table }` or `{ url_env, query }`, as in a job file
 * @param context - `env` to read the connection from (defaults to `process.env`)
 * @returns a database record source; reading throws IoError (password masked) when the server refuses
 * @example
 * const source = openPostgresSource({ url_env: "ERP_DATABASE_URL", table: "customers" });
 * for await (const batch of source.batches()) console.log(batch.records.length); //=> 1000, 1000, ...
 */
export function openPostgresSource(options: PostgresSourceOptions, context: DbOpenContext = {}): DbRecordSource {
  const spec = parseSpec(postgresSourceOptionsSchema, options, "PostgreSQL source");
  const conn = resolveConnection(spec, context.env);
  return makeSource(spec, conn, undefined);
}

function makeSource(spec: PostgresSourceOptions, conn: ResolvedConnection, filter: WatermarkFilter | undefined): DbRecordSource {
  const name = spec.name ?? spec.table ?? "query";
  const batchSize = spec.batch_size ?? 1000;
  const what = `reading ${spec.table !== undefined ? `table "${spec.table}"` : `the query of "${name}"`}`;
  const base = spec.table !== undefined ? `SELECT * FROM ${quoteTable(spec.table, spec.schema)}` : spec.query!.trim().replace(/;\s*$/, "");
  const active = filter !== undefined && filter.after !== null && filter.after !== undefined;
  let count = 0;

  function statement(literal: ((value: unknown) => string) | undefined): { text: string; values: unknown[] } {
    if (!active) return { text: base, values: [] };
    const bound = literal ? literal(filter.after) : "$1";
    const text =
      spec.table !== undefined
        ? `${base} WHERE ${quoteIdent(filter.column)} > ${bound}`
        : `SELECT * FROM (${base}) AS _cleanse_src WHERE ${quoteIdent(filter.column)} > ${bound}`;
    return { text, values: literal ? [] : [toPgText(filter.after)] };
  }

  async function* viaCursor(client: pg.Client, signal: AbortSignal | undefined): AsyncGenerator<RecordBatch> {
    const { text, values } = statement(undefined);
    const cursor = client.query(new Cursor<DataRecord>(text, values, { types: typeParsers }));
    try {
      while (true) {
        const rows = await cursor.read(batchSize);
        if (rows.length === 0) break;
        count += rows.length;
        yield { records: rows };
        if (signal?.aborted) throw new AbortedError(undefined, { cause: signal.reason });
      }
    } finally {
      await cursor.close().catch(() => {});
    }
  }

  async function* viaCopy(client: pg.Client, signal: AbortSignal | undefined): AsyncGenerator<RecordBatch> {
    const literal = (value: unknown): string => {
      if (typeof value === "number" && Number.isFinite(value)) return String(value);
      return client.escapeLiteral(toPgText(value) ?? "");
    };
    const { text } = statement(literal);
    // COPY takes no parameters and says nothing about columns, so ask for them first.
    const shape = await client.query({ text: `SELECT * FROM (${text}) AS _cleanse_shape LIMIT 0` });
    const fields = shape.fields.map((f) => ({ name: f.name, parse: typeParsers.getTypeParser(f.dataTypeID, "text") as (v: string) => unknown }));
    const stream = client.query(copyTo(`COPY (${text}) TO STDOUT`));
    const decoder = new StringDecoder("utf8");
    let rest = "";
    let records: DataRecord[] = [];
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        const textChunk = rest + decoder.write(chunk);
        let start = 0;
        let nl = textChunk.indexOf("\n", start);
        while (nl !== -1) {
          records.push(parseCopyLine(textChunk.slice(start, nl), fields));
          start = nl + 1;
          nl = textChunk.indexOf("\n", start);
          if (records.length >= batchSize) {
            count += records.length;
            yield { records };
            records = [];
            if (signal?.aborted) throw new AbortedError(undefined, { cause: signal.reason });
          }
        }
        rest = textChunk.slice(start);
      }
      rest += decoder.end();
      if (rest.length > 0) records.push(parseCopyLine(rest, fields));
      if (records.length > 0) {
        count += records.length;
        yield { records };
      }
    } finally {
      if (!stream.readableEnded) stream.destroy();
    }
  }

  return {
    name,
    dialect: "postgres",
    after: (next) => makeSource(spec, conn, next),
    async *batches(signal?: AbortSignal): AsyncIterable<RecordBatch> {
      const client = await connect(conn, what);
      let clean = false;
      try {
        yield* spec.read === "copy" ? viaCopy(client, signal) : viaCursor(client, signal);
        clean = true;
      } catch (error) {
        throw dbError(error, what, conn);
      } finally {
        // An abandoned COPY or cursor leaves the connection mid-protocol: drop it rather than reuse it.
        if (clean) await client.end().catch(() => {});
        else client.end().catch(() => {});
      }
    },
    fingerprint(): DbFingerprint {
      return {
        name,
        format: "postgres",
        database: conn.display,
        records: count,
        ...(spec.table !== undefined ? { table: spec.schema ? `${spec.schema}.${spec.table}` : spec.table } : { query: spec.query! }),
      };
    },
  };
}

function parseCopyLine(line: string, fields: readonly { name: string; parse: (v: string) => unknown }[]): DataRecord {
  const record: DataRecord = {};
  let start = 0;
  for (let i = 0; i < fields.length; i++) {
    let end = line.indexOf("\t", start);
    if (end === -1 || i === fields.length - 1) end = line.length;
    const raw = line.slice(start, end);
    const field = fields[i]!;
    record[field.name] = raw === "\\N" ? null : field.parse(unescapeCopyField(raw));
    start = end + 1;
  }
  return record;
}
