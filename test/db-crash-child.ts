// One run of an incremental job, as a separate process the crash test can kill: orders from SQLite,
// clean ones upserted into PostgreSQL, bad ones into a SQLite quarantine table, the watermark kept in
// a state file. Prints "progress N" as records flow and "done {...}" at the end. With CRASH_PAUSE_AT=N
// it stops after N records (its transactions open, its state "running") and waits to be killed.
import { checkRecords, defineStep, runPipeline } from "../packages/core/src/index.ts";
import { createIncrementalRun, openDbSink, openDbSource } from "../packages/db/src/index.ts";

const env = process.env;
const run = await createIncrementalRun(env.CRASH_STATE!, { column: "updated_at" }, { job: "orders" });
let seen = 0;
const pace = defineStep({
  kind: "record",
  name: "pace",
  async process() {
    seen++;
    if (seen % 100 === 0) process.stdout.write(`progress ${seen}\n`);
    if (seen === Number(env.CRASH_PAUSE_AT)) await new Promise(() => setInterval(() => {}, 1000));
  },
});
const amount = checkRecords("amount", (r) =>
  Number(r.amount) >= 0 ? [] : [{ code: "out_of_range", rule: "amount", field: "amount", severity: "error", dimension: "validity", message: `negative amount ${String(r.amount)}` }],
);
const report = await runPipeline({
  source: run.source(openDbSource({ sqlite: { path: env.CRASH_SOURCE!, table: "orders", batch_size: 100 } })),
  steps: [pace, amount],
  clean: openDbSink({ postgres: { url_env: "CRASH_PG_URL", table: env.CRASH_TABLE!, mode: "upsert", key: "order_id", columns: { amount: "numeric(12,2)" } } }),
  quarantine: openDbSink({ sqlite: { path: env.CRASH_OUT!, table: "quarantine", mode: "upsert", key: "order_id" } }),
});
if (env.CRASH_AFTER_SINKS === "1") process.kill(process.pid, "SIGKILL");
await run.commit({ ...report.totals });
process.stdout.write(`done ${JSON.stringify({ runId: run.runId, attempt: run.attempt, since: run.since, totals: report.totals })}\n`);
