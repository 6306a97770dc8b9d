// Test-only: reads and compares timestamps in a process whose time zone the test sets (TZ=Asia/Shanghai,
// TZ=America/New_York), and prints what it saw as one JSON line. The test expects the same output in every zone.
// Environment: TS_PG_URL (a database with the table `events`), TS_DIR (a folder for state files).
import { join } from "node:path";
import { collect, type DataRecord, type RecordSource } from "@cleanse/core";
import { compareWatermarks } from "../_internal/watermark.ts";
import { createIncrementalRun } from "../createIncrementalRun/createIncrementalRun.ts";
import { openPostgresSink } from "../openPostgresSink/openPostgresSink.ts";
import { openPostgresSource } from "../openPostgresSource/openPostgresSource.ts";

const env = { TS_PG_URL: process.env.TS_PG_URL! };
const dir = process.env.TS_DIR!;
const rows = async (source: RecordSource): Promise<DataRecord[]> => (await collect(source.batches())).flatMap((b) => b.records);

const cursor = await rows(openPostgresSource({ url_env: "TS_PG_URL", query: "select * from events order by id" }, { env }));
const copy = await rows(openPostgresSource({ url_env: "TS_PG_URL", query: "select * from events order by id", read: "copy" }, { env }));

// A sink writes text timestamps into timestamp columns unchanged; reading them back gives the same text.
const sink = openPostgresSink({ url_env: "TS_PG_URL", table: `copied_${process.env.TS_TAG}`, mode: "replace", columns: { at: "timestamp", at_tz: "timestamptz" } }, { env });
for (const [i, r] of cursor.entries()) await sink.write({ id: r.id, at: r.at, at_tz: r.at_tz }, { record: r, seq: i, location: { record: i + 1 }, issues: [], changed: undefined, mergedInto: undefined, status: undefined });
await sink.close();
const copied = await rows(openPostgresSource({ url_env: "TS_PG_URL", query: `select id, at::text as at, at_tz::text as at_tz from copied_${process.env.TS_TAG} order by id` }, { env }));

// An incremental run over `timestamp without time zone`: the watermark is the latest wall-clock time.
const state = join(dir, `state-${process.env.TS_TAG}.json`);
const first = await createIncrementalRun(state, { column: "at", type: "timestamp" }, { job: "events" });
const firstRead = (await rows(first.source(openPostgresSource({ url_env: "TS_PG_URL", table: "events" }, { env })))).map((r) => r.id);
const committed = (await first.commit()).watermark;
const second = await createIncrementalRun(state, { column: "at", type: "timestamp" }, { job: "events" });
const secondRead = (await rows(second.source(openPostgresSource({ url_env: "TS_PG_URL", table: "events" }, { env })))).map((r) => r.id);

const compared = [
  compareWatermarks("2024-05-01T10:00:00", "2024-05-01T09:00:00Z"),
  compareWatermarks("2024-05-01 10:00:00", "2024-05-01 09:00:00+00"),
  compareWatermarks("2024-03-10 02:30:00", "2024-03-10 03:15:00"),
  compareWatermarks("2024-11-03 01:30:00", "2024-11-03 01:45:00"),
];

process.stdout.write(`${JSON.stringify({ cursor, copy, copied, firstRead, committed, secondRead, compared })}\n`);
