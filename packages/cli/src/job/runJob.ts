import { combineReports, runPipeline, type JobReport, type PipelineProgress, type QualityReport } from "@cleanse/core";
import { createIncrementalRun, isDbSpec, openDbSink, openDbSource, type DbSinkSpec, type DbSourceSpec } from "@cleanse/db";
import { openSource, writeTextAtomic } from "@cleanse/io";
import { maskValue } from "@cleanse/values";
import { openOutput } from "../_internal/openOutput.ts";
import { createRoutedColumns, type OutputKind } from "../_internal/routedColumns.ts";
import { compareReports, loadReport, renderHtml, renderJson, renderMarkdown } from "@cleanse/report";
import { toReaderOptions, type ResolvedSink } from "./ioOptions.ts";
import type { SourceSpec } from "./jobFileSchema.ts";
import type { LoadedJob, ResolvedOutput } from "./loadJob.ts";

/** Options of {@link runJob}. */
export interface RunJobOptions {
  readonly signal?: AbortSignal;
  /** A previous run's JSON report: the Markdown and HTML reports then show what changed since. */
  readonly baseline?: string;
  /** Called while a dataset's records flow. */
  readonly onProgress?: (dataset: string, progress: PipelineProgress) => void;
}

/**
 * Runs every dataset of a loaded job, writes its outputs atomically and its report.
 * @param job - the loaded job
 * @param options - signal and progress callback
 * @returns the job report, whose totals add up
 * @example
 * const report = await runJob(await loadJob("job.yaml"));
 */
export async function runJob(job: LoadedJob, options: RunJobOptions = {}): Promise<JobReport> {
  const reports = [];
  for (const dataset of job.datasets) {
    const opened = isDbSpec(dataset.source)
      ? openDbSource(dataset.source as DbSourceSpec, { baseDir: job.baseDir })
      : openSource(toReaderOptions(dataset.source as SourceSpec));
    const incremental = dataset.incremental
      ? await createIncrementalRun(dataset.incremental.state, dataset.incremental.watermark, {
          baseDir: job.baseDir,
          job: dataset.incremental.job ?? `${job.name}/${dataset.name}`,
        })
      : undefined;
    const source = incremental ? incremental.source(opened) : opened;
    // A CSV output that gets no record takes its header from the records the other outputs got, or the source's.
    const routed = createRoutedColumns(opened);
    const output = async (spec: ResolvedOutput | undefined, kind: OutputKind) => {
      if (spec === undefined) return undefined;
      // Quarantined and merged records carry extra fields (_reasons, _extra, ...) that vary between records.
      const sink = isDbSpec(spec)
        ? await openDbSink(spec as DbSinkSpec, { baseDir: job.baseDir })
        : await openOutput(spec as ResolvedSink, { varyingFields: kind !== "clean", fallbackColumns: routed.columns(kind) });
      return routed.watch(sink);
    };
    const clean = await output(dataset.outputs.clean, "clean");
    const quarantine = await output(dataset.outputs.quarantine, "quarantine");
    const merged = await output(dataset.outputs.merged, "merged");
    const onProgress = options.onProgress;
    let report: QualityReport;
    try {
      report = await runPipeline({
        name: dataset.name,
        source,
        steps: dataset.steps,
        quarantineOn: dataset.quarantineOn,
        mask: maskValue,
        ...(clean ? { clean } : {}),
        ...(quarantine ? { quarantine } : {}),
        ...(merged ? { merged } : {}),
        ...(job.examplesPerRule === undefined ? {} : { examplesPerRule: job.examplesPerRule }),
        ...(options.signal ? { signal: options.signal } : {}),
        ...(onProgress ? { onProgress: (p: PipelineProgress) => onProgress(dataset.name, p) } : {}),
      });
    } catch (error) {
      await incremental?.fail(error);
      throw error;
    }
    // The new watermark is stored only once every sink has committed.
    await incremental?.commit({ ...report.totals });
    reports.push(report);
  }
  const report = combineReports(job.name, reports);
  // Read the baseline before writing: it may be the file this run replaces.
  const comparison = options.baseline ? compareReports(await loadReport(options.baseline), report) : undefined;
  const withComparison = comparison ? { comparison } : {};
  if (job.report.json) await writeTextAtomic(job.report.json, renderJson(report));
  if (job.report.markdown) await writeTextAtomic(job.report.markdown, renderMarkdown(report, withComparison));
  if (job.report.html) await writeTextAtomic(job.report.html, renderHtml(report, withComparison));
  return report;
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
