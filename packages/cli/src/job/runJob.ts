import { dirname, sep } from "node:path";
import { combineReports, isCleanseError, runPipeline, type JobReport, type Masker, type PipelineProgress, type QualityReport } from "@cleanse/core";
import { createDbSession, createIncrementalRun, isDbSpec, type DbSession, openDbSink, openDbSource, type DbSinkSpec, type DbSourceSpec, type IncrementalRun } from "@cleanse/db";
import { createOutputSet, openSource, writeTextAtomic } from "@cleanse/io";
import { maskValue } from "@cleanse/values";
import { openOutput } from "../_internal/openOutput.ts";
import { createRoutedColumns, type OutputKind } from "../_internal/routedColumns.ts";
import { compareReports, loadReport, renderHtml, renderJson, renderMarkdown } from "@cleanse/report";
import { toReaderOptions, type ResolvedSink } from "./ioOptions.ts";
import type { SourceSpec } from "./jobFileSchema.ts";
import type { LoadedDataset, LoadedJob, ResolvedOutput } from "./loadJob.ts";

/** Options of {@link runJob}. */
export interface RunJobOptions {
  readonly signal?: AbortSignal;
  /** A previous run's JSON report: the Markdown and HTML reports then show what changed since. */
  readonly baseline?: string;
  /** Called while a dataset's records flow. */
  readonly onProgress?: (dataset: string, progress: PipelineProgress) => void;
  /**
   * How the reports mask personal values: by default the value kernel's `maskValue`, which also masks phone, e-mail,
   * ID-card and bank-card numbers in any field; `false` shows personal data in clear (`--show-pii`). The record
   * outputs are data and are never masked.
   */
  readonly mask?: Masker | false;
}

/**
 * Runs every dataset of a loaded job and publishes its outputs as one set: every record file and report is
 * staged first and all appear at their final paths at once, only when every dataset and report succeeded
 * (see `createOutputSet` in `@cleanse/io`). Database outputs commit just before the files are published;
 * incremental watermarks are stored just after.
 * @param job - the loaded job
 * @param options - signal and progress callback
 * @returns the job report, whose totals add up
 * @example
 * const report = await runJob(await loadJob("job.yaml"));
 */
export async function runJob(job: LoadedJob, options: RunJobOptions = {}): Promise<JobReport> {
  // Read the baseline before anything: it may be the file this run replaces.
  const baseline = options.baseline ? await loadReport(options.baseline) : undefined;
  const files = [
    ...job.datasets.flatMap((d) => [d.outputs.clean, d.outputs.quarantine, d.outputs.merged]),
  ].filter((o): o is ResolvedSink => o !== undefined && !isDbSpec(o));
  const reportFiles = [job.report.json, job.report.markdown, job.report.html].filter((p): p is string => p !== undefined);
  const set = await createOutputSet([...files.map((f) => f.path), ...reportFiles], { name: job.name });
  const staged = (path: string) => set.stage(path);
  const incrementals: { run: IncrementalRun; counts: Record<string, number> }[] = [];
  // Database outputs on one database share one connection and one transaction, committed at the end.
  const session = createDbSession();
  try {
    const reports: QualityReport[] = [];
    for (const dataset of job.datasets) {
      reports.push(await runDataset(job, dataset, staged, session, incrementals, options));
      for (const o of [dataset.outputs.clean, dataset.outputs.quarantine, dataset.outputs.merged]) {
        if (o !== undefined && !isDbSpec(o)) job.reads.add((o as ResolvedSink).path, staged((o as ResolvedSink).path));
      }
    }
    const report = combineReports(job.name, reports);
    const comparison = baseline ? compareReports(baseline, report) : undefined;
    const withComparison = comparison ? { comparison } : {};
    if (job.report.json) await writeTextAtomic(staged(job.report.json), renderJson(report));
    if (job.report.markdown) await writeTextAtomic(staged(job.report.markdown), renderMarkdown(report, withComparison));
    if (job.report.html) await writeTextAtomic(staged(job.report.html), renderHtml(report, withComparison));
    options.signal?.throwIfAborted();
    await session.commit();
    await set.publish();
    // The new watermarks are stored only once the outputs are published.
    for (const { run, counts } of incrementals) await run.commit(counts);
    return report;
  } catch (error) {
    await set.discard();
    await session.rollback().catch(() => {});
    for (const { run } of incrementals) await run.fail(error).catch(() => {});
    throw unstage(error, set.store);
  } finally {
    job.reads.clear();
  }
}

async function runDataset(
  job: LoadedJob,
  dataset: LoadedDataset,
  staged: (path: string) => string,
  session: DbSession,
  incrementals: { run: IncrementalRun; counts: Record<string, number> }[],
  options: RunJobOptions,
): Promise<QualityReport> {
  const opened = isDbSpec(dataset.source)
    ? openDbSource(dataset.source as DbSourceSpec, { baseDir: job.baseDir })
    : openSource(toReaderOptions({ ...(dataset.source as SourceSpec), path: job.reads.resolve((dataset.source as SourceSpec).path) }));
  const incremental = dataset.incremental
    ? await createIncrementalRun(dataset.incremental.state, dataset.incremental.watermark, {
        baseDir: job.baseDir,
        job: dataset.incremental.job ?? `${job.name}/${dataset.name}`,
      })
    : undefined;
  const entry = incremental ? { run: incremental, counts: {} as Record<string, number> } : undefined;
  if (entry) incrementals.push(entry);
  const source = incremental ? incremental.source(opened) : opened;
  // A CSV output that gets no record takes its header from the records the other outputs got, or the source's.
  const routed = createRoutedColumns(opened);
  const output = async (spec: ResolvedOutput | undefined, kind: OutputKind) => {
    if (spec === undefined) return undefined;
    // Quarantined and merged records carry extra fields (_reasons, _extra, ...) that vary between records.
    const sink = isDbSpec(spec)
      ? openDbSink(spec as DbSinkSpec, { baseDir: job.baseDir, session })
      : await openOutput(
          { ...(spec as ResolvedSink), path: staged((spec as ResolvedSink).path) },
          { varyingFields: kind !== "clean", fallbackColumns: routed.columns(kind) },
        );
    return routed.watch(sink);
  };
  const clean = await output(dataset.outputs.clean, "clean");
  const quarantine = await output(dataset.outputs.quarantine, "quarantine");
  const merged = await output(dataset.outputs.merged, "merged");
  const onProgress = options.onProgress;
  const report = await runPipeline({
    name: dataset.name,
    source,
    steps: dataset.steps,
    quarantineOn: dataset.quarantineOn,
    mask: options.mask ?? maskValue,
    ...(clean ? { clean } : {}),
    ...(quarantine ? { quarantine } : {}),
    ...(merged ? { merged } : {}),
    ...(job.examplesPerRule === undefined ? {} : { examplesPerRule: job.examplesPerRule }),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(onProgress ? { onProgress: (p: PipelineProgress) => onProgress(dataset.name, p) } : {}),
  });
  if (entry) Object.assign(entry.counts, report.totals);
  return report;
}

/** Names the final path, not the staged one, in an error raised while writing a staged output. */
function unstage(error: unknown, store: string): unknown {
  if (!isCleanseError(error) || store === "") return error;
  const pattern = new RegExp(`${store.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}[\\/]run-[^\\/]+[\\/]`, "g");
  const root = dirname(dirname(store)) + sep;
  if (pattern.test(error.message)) Object.defineProperty(error, "message", { value: error.message.replace(pattern, root) });
  const file = error.location?.file;
  if (file !== undefined && file.startsWith(store)) {
    Object.defineProperty(error, "location", { value: { ...error.location, file: file.replace(pattern, root) } });
  }
  return error;
}

/**
 * Tells whether a job's quarantined records stay within what it allows.
 * @param report - the job report
 * @param allow - a ratio (0..1) of all records, or above 1 a count
 * @returns true when the run should exit 0
 * @example
 * withinAllowance({ totals: { total: 10, quarantined: 1 } }, 0.1) //=> true
 */
export function withinAllowance(report: Pick<JobReport, "totals" | "datasets">, allow: number): boolean {
  const { total, quarantined } = report.totals;
  const datasetErrors = report.datasets.some((d) => d.datasetIssues.some((i) => i.severity === "error"));
  if (datasetErrors && allow < 1) return false;
  if (allow > 1) return quarantined <= allow;
  return total === 0 ? true : quarantined / total <= allow;
}
