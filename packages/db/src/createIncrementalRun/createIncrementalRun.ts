import { randomBytes } from "node:crypto";
import { ConfigError, IoError, toRecordSource, type DataRecord, type Issue, type RecordBatch, type RecordInput, type RecordSource } from "@cleanse/core";
import { isDbRecordSource, type DbOpenContext } from "../DbRecordSource/DbRecordSource.ts";
import {
  incrementalStateSpecSchema,
  watermarkSpecSchema,
  type IncrementalStateSpec,
  type WatermarkSpec,
  type WatermarkType,
} from "../incrementalSpecSchema/incrementalSpecSchema.ts";
import { parseSpec } from "../_internal/parseSpec.ts";
import { openStateStore } from "../_internal/stateStore.ts";
import { compareWatermarks, toJsonWatermark } from "../_internal/watermark.ts";

/** A committed run, as kept in the state. */
export interface IncrementalRunRecord {
  readonly runId: string;
  /** How many attempts the run took (more than 1 after a crash or a failure). */
  readonly attempts: number;
  readonly startedAt: string;
  readonly finishedAt: string;
  /** Watermark the run started after (null on the first run). */
  readonly since: string | number | null;
  /** Watermark the run committed. */
  readonly until: string | number | null;
  /** Records the filtered source delivered. */
  readonly records: number;
  /** Counts the caller passed to `commit()`, e.g. the report's totals. */
  readonly counts: Readonly<Record<string, number>>;
}

/** The state document of an incremental job. */
export interface IncrementalState {
  readonly version: 1;
  readonly job: string;
  readonly column: string;
  /** Last committed watermark; the next run reads records past it. */
  readonly watermark: string | number | null;
  /** The run in progress, or the last one that crashed or failed (it is retried with the same id). */
  readonly current: {
    readonly runId: string;
    readonly attempt: number;
    readonly status: "running" | "failed";
    readonly startedAt: string;
    readonly since: string | number | null;
    readonly error?: string;
  } | null;
  /** The most recent committed runs, oldest first. */
  readonly runs: readonly IncrementalRunRecord[];
  /** Totals over every committed run: each run counted once, however many attempts it took. */
  readonly totals: { readonly runs: number; readonly records: number; readonly counts: Readonly<Record<string, number>> };
}

/** Options of {@link createIncrementalRun}. */
export interface CreateIncrementalRunOptions extends DbOpenContext {
  /** Name the state is kept under (one row per job in a state table). Defaults to `default`. */
  readonly job?: string;
  /** Committed runs kept in the state's history (default 20). */
  readonly keepRuns?: number;
  /** Clock, for tests. */
  readonly now?: () => Date;
}

/** One run of an incremental job. */
export interface IncrementalRun {
  readonly job: string;
  /** Stable across retries: a run that crashed is retried under the same id. */
  readonly runId: string;
  /** 1 for a fresh run, more when this retries a crashed or failed attempt. */
  readonly attempt: number;
  /** True when this run repeats one that never committed. */
  readonly recovered: boolean;
  /** The committed watermark this run reads past (null on the first run: everything is read). */
  readonly since: string | number | null;
  /**
   * Wraps a source so it delivers only records past the watermark. Database sources filter in SQL
   * (`WHERE column > since`); any other input is filtered as it streams. Call it once per run.
   */
  source(input: RecordInput): RecordSource;
  /** Highest watermark seen so far (the committed one while nothing newer has been read). */
  watermark(): string | number | null;
  /** Records delivered by the filtered source so far. */
  records(): number;
  /**
   * Commits the new watermark. Call it only after every sink has committed: a crash before this point
   * makes the next run read the same records again, and idempotent sinks (replace, upsert, or files
   * written through a temp file and a rename) end up the same.
   */
  commit(counts?: Readonly<Record<string, number>>): Promise<IncrementalState>;
  /** Records that the attempt failed; the watermark stays, and the next run retries under the same id. */
  fail(reason?: unknown): Promise<void>;
}

/**
 * Starts a run of an incremental job: reads the state, marks the run as started and gives a source
 * wrapper that reads only records changed since the last committed run, plus a `commit()` that moves the
 * watermark once the outputs are safe.
 * @param state - state file path, `{ file }`, `{ sqlite: { path, table } }` or `{ postgres: { url_env, table } }`
 * @param watermark - the column (`updated_at`, or an increasing id), or `{ column, type }`
 * @param options - job name, `baseDir`, `env`
 * @returns the run
 * @throws ConfigError when the state was kept for another watermark column; IoError when it cannot be read
 * @example
 * const run = await createIncrementalRun("state/crm.json", "updated_at", { job: "crm" });
 * const report = await runPipeline({ source: run.source(openDbSource(spec)), steps, clean });
 * await run.commit(report.totals); // the next run starts after the highest updated_at seen
 */
export async function createIncrementalRun(
  state: IncrementalStateSpec,
  watermark: string | WatermarkSpec,
  options: CreateIncrementalRunOptions = {},
): Promise<IncrementalRun> {
  const stateSpec = parseSpec(incrementalStateSpecSchema, state, "incremental state");
  const mark = parseSpec(watermarkSpecSchema, typeof watermark === "string" ? { column: watermark } : watermark, "watermark");
  const type: WatermarkType = mark.type ?? "auto";
  const job = options.job ?? "default";
  const now = options.now ?? (() => new Date());
  const keep = options.keepRuns ?? 20;
  const store = openStateStore(stateSpec, options);

  const previous = checkState(await store.read(job), job, mark.column, store.where);
  const retry = previous?.current ?? null;
  const runId = retry?.runId ?? `${now().toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z")}-${randomBytes(3).toString("hex")}`;
  const attempt = retry ? retry.attempt + 1 : 1;
  const since = previous?.watermark ?? null;
  const startedAt = now().toISOString();
  const base: IncrementalState = previous ?? {
    version: 1,
    job,
    column: mark.column,
    watermark: null,
    current: null,
    runs: [],
    totals: { runs: 0, records: 0, counts: {} },
  };
  await store.write(job, { ...base, current: { runId, attempt, status: "running", startedAt, since } });

  let max: string | number | null = since;
  let delivered = 0;
  let wrapped = false;
  let finished = false;

  const track = (record: DataRecord): void => {
    const v = record[mark.column];
    if (v === null || v === undefined || v === "") return;
    if (max === null || compareWatermarks(v, max, type) > 0) max = toJsonWatermark(v);
  };

  return {
    job,
    runId,
    attempt,
    recovered: retry !== null,
    since,
    source(input) {
      if (wrapped) throw new ConfigError("An incremental run wraps one source; start another run for another source.", { code: "CLEANSE_STATE_MISUSE" });
      wrapped = true;
      const pushed = isDbRecordSource(input);
      const inner: RecordSource = pushed ? input.after({ column: mark.column, after: since }) : toRecordSource(input);
      return {
        name: inner.name,
        async *batches(signal?: AbortSignal): AsyncIterable<RecordBatch> {
          for await (const batch of inner.batches(signal)) {
            const out = pushed || since === null ? batch : filterBatch(batch, (r) => isPast(r[mark.column], since, type));
            for (let i = 0; i < out.records.length; i++) track(out.records[i]!);
            delivered += out.records.length;
            if (out.records.length > 0) yield out;
          }
        },
        ...(inner.fingerprint ? { fingerprint: () => ({ ...inner.fingerprint!(), records: delivered }) } : {}),
        ...(inner.progress ? { progress: () => inner.progress!() } : {}),
      };
    },
    watermark: () => max,
    records: () => delivered,
    async commit(counts = {}) {
      if (finished) throw new ConfigError(`Run ${runId} of "${job}" is already finished.`, { code: "CLEANSE_STATE_MISUSE" });
      finished = true;
      const record: IncrementalRunRecord = {
        runId,
        attempts: attempt,
        startedAt: retry?.startedAt ?? startedAt,
        finishedAt: now().toISOString(),
        since,
        until: max,
        records: delivered,
        counts: { ...counts },
      };
      const totals = { ...base.totals.counts };
      for (const [k, v] of Object.entries(counts)) if (typeof v === "number") totals[k] = (totals[k] ?? 0) + v;
      const next: IncrementalState = {
        ...base,
        watermark: max,
        current: null,
        runs: [...base.runs, record].slice(-keep),
        totals: { runs: base.totals.runs + 1, records: base.totals.records + delivered, counts: totals },
      };
      await store.write(job, next);
      return next;
    },
    async fail(reason) {
      if (finished) return;
      finished = true;
      const error = reason instanceof Error ? reason.message : reason === undefined ? "failed" : String(reason);
      await store.write(job, { ...base, current: { runId, attempt, status: "failed", startedAt, since, error } });
    },
  };
}

function isPast(value: unknown, since: string | number, type: WatermarkType): boolean {
  if (value === null || value === undefined || value === "") return false;
  return compareWatermarks(value, since, type) > 0;
}

function filterBatch(batch: RecordBatch, keep: (r: DataRecord) => boolean): RecordBatch {
  const records: DataRecord[] = [];
  const lines: number[] = [];
  const issues = new Map<number, readonly Issue[]>();
  for (let i = 0; i < batch.records.length; i++) {
    const r = batch.records[i]!;
    if (!keep(r)) continue;
    const found = batch.issues?.get(i);
    if (found) issues.set(records.length, found);
    if (batch.lines) lines.push(batch.lines[i]!);
    records.push(r);
  }
  return { records, ...(batch.lines ? { lines } : {}), ...(issues.size > 0 ? { issues } : {}) };
}

function checkState(raw: unknown, job: string, column: string, where: string): IncrementalState | undefined {
  if (raw === undefined) return undefined;
  const s = raw as Partial<IncrementalState>;
  if (typeof s !== "object" || s === null || s.version !== 1 || !Array.isArray(s.runs) || typeof s.totals !== "object") {
    throw new IoError(`The incremental state at ${where} is not a state this version understands.`, {
      code: "CLEANSE_STATE_CORRUPT",
      hint: "restore it from a backup, or delete it to start over from the beginning",
    });
  }
  if (s.job !== job) {
    throw new ConfigError(`The incremental state at ${where} belongs to job "${s.job}", not "${job}".`, {
      code: "CLEANSE_STATE_MISMATCH",
      hint: "give each job its own state file, or keep the state in a table (one row per job)",
    });
  }
  if (s.column !== column) {
    throw new ConfigError(`The incremental state at ${where} tracks column "${s.column}", but the job now uses "${column}".`, {
      code: "CLEANSE_STATE_MISMATCH",
      hint: "delete the state to start over with the new column (the next run then reads everything)",
    });
  }
  return s as IncrementalState;
}
