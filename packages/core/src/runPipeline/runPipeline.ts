import type { QualityReport } from "../QualityReport/QualityReport.ts";
import type { RecordInput } from "../RecordSource/RecordSource.ts";
import { checkReservedFields, withReasons, type RecordSink } from "../RecordSink/RecordSink.ts";
import type { Step } from "../Step/Step.ts";
import { processRecords, type ProcessRecordsOptions } from "../processRecords/processRecords.ts";

/** Options of {@link runPipeline}. */
export interface RunPipelineOptions extends ProcessRecordsOptions {
  readonly source: RecordInput;
  readonly steps?: readonly Step[];
  /** Receives clean records. */
  readonly clean?: RecordSink;
  /** Receives quarantined records with `_reasons` and `_record` added. */
  readonly quarantine?: RecordSink;
  /** Receives records merged into golden records. */
  readonly merged?: RecordSink;
  /** Add `_reasons` and `_record` to quarantined records. Defaults to true. */
  readonly quarantineReasons?: boolean;
}

/**
 * Runs a pipeline from a source through steps into sinks and returns its report.
 * Sinks are committed only when the whole run succeeds; on failure they are aborted.
 * @param options - source, steps, sinks and report options
 * @returns the quality report, whose counts add up
 * @example
 * const report = await runPipeline({ source: records, steps, clean, quarantine });
 * report.totals.total === report.totals.clean + report.totals.quarantined //=> true
 */
export async function runPipeline(options: RunPipelineOptions): Promise<QualityReport> {
  const run = processRecords(options.source, options.steps ?? [], options);
  const reasons = options.quarantineReasons ?? true;
  const sinks = [options.clean, options.quarantine, options.merged].filter((s): s is RecordSink => s !== undefined);
  // With a quarantine output, every record is checked, so that whether a run fails does not depend on
  // which records happen to be quarantined.
  const checkFields = options.quarantine !== undefined && reasons;
  try {
    for await (const batch of run.batches()) {
      for (let i = 0; i < batch.length; i++) {
        const env = batch[i]!;
        if (checkFields) checkReservedFields(env);
        const sink = env.status === "clean" ? options.clean : env.status === "quarantine" ? options.quarantine : options.merged;
        if (!sink) continue;
        const r = sink.write(env.status === "quarantine" && reasons ? withReasons(env) : env.record, env);
        if (r !== undefined) await r;
      }
    }
    for (const sink of new Set(sinks)) await sink.close();
  } catch (error) {
    await Promise.allSettled([...new Set(sinks)].map((s) => s.abort?.(error)));
    throw error;
  }
  return run.report();
}
