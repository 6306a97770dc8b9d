import { AbortedError } from "../CleanseError/CleanseError.ts";
import { isAtLeast, type DataRecord, type Issue, type Severity, type SourceLocation } from "../Issue/Issue.ts";
import type { QualityReport, StepTiming } from "../QualityReport/QualityReport.ts";
import { createReportBuilder, type Masker, type ReportBuilderOptions } from "../QualityReport/createReportBuilder.ts";
import type { ProgressEvent } from "../ProgressEvent/ProgressEvent.ts";
import { toRecordSource, type RecordInput, type RecordSource } from "../RecordSource/RecordSource.ts";
import type { RecordEnvelope, RecordStep, RuleInfo, Step, StepContext, StreamStep } from "../Step/Step.ts";

/** Options of {@link processRecords}. */
export interface ProcessRecordsOptions {
  /** Dataset name for locations and the report. Defaults to the source's name. */
  readonly name?: string;
  /** The lowest severity that sends a record to quarantine. Defaults to `error`. */
  readonly quarantineOn?: Severity;
  /** Examples kept per rule in the report. Defaults to 5. */
  readonly examplesPerRule?: number;
  /**
   * Fields holding personal data, besides those the steps declare and those named like personal data: the report
   * masks their values in examples, messages and sections.
   */
  readonly piiFields?: Iterable<string>;
  /**
   * How personal values are masked in the report (see {@link ReportBuilderOptions.mask}); default: every character
   * hidden. `maskValue` of `@cleanse/values` also masks phone, e-mail, ID-card and bank-card numbers in any field;
   * `false` shows personal data in clear.
   */
  readonly mask?: Masker | false;
  readonly signal?: AbortSignal;
  /**
   * Receives the run's phases: `reading` while records flow in (at most every `progressIntervalMs`, default 250),
   * the phases steps report of their own work (a dedupe step's `blocking`, `comparing`, `training`...), and
   * `writing` while records held back by a stream step flow out. Starts and ends of phases come at once.
   */
  readonly onProgress?: (progress: PipelineProgress) => void;
  readonly progressIntervalMs?: number;
}

/**
 * What {@link ProcessRecordsOptions.onProgress} receives: a phase of the run (see {@link ProgressEvent}) with the
 * run's own counters.
 */
export interface PipelineProgress extends ProgressEvent {
  /** Records read so far. */
  readonly records: number;
  /** Milliseconds since the run started. */
  readonly elapsedMs: number;
  readonly bytesRead?: number;
  readonly bytesTotal?: number;
  /** The step whose phase this is; absent for the engine's own `reading` and `writing`. */
  readonly step?: string;
}

/** A running pipeline: iterate it for routed records, then ask for the report. */
export interface RecordRun extends AsyncIterable<RecordEnvelope> {
  /** Routed records in batches, cheaper than one at a time. */
  batches(): AsyncIterable<readonly RecordEnvelope[]>;
  /** The quality report; available once the records have been consumed. */
  report(): QualityReport;
}

type Batch = RecordEnvelope[];

/**
 * Runs steps over a record stream and routes each record to clean, quarantine or merged.
 * Memory stays flat: records are pulled in batches as the consumer asks for them.
 * @param input - a record source, an (async) iterable of records, a Node Readable or a Web ReadableStream
 * @param steps - transforms and rules, in order
 * @param options - routing threshold, report options, signal, progress
 * @returns a run to iterate; `run.report()` afterwards
 * @example
 * const run = processRecords([{ id: 1 }, { id: null }], [requireId]);
 * for await (const r of run) console.log(r.status); //=> "clean", "quarantine"
 * run.report().totals //=> { total: 2, clean: 1, quarantined: 1, merged: 0 }
 */
export function processRecords(input: RecordInput, steps: readonly Step[] = [], options: ProcessRecordsOptions = {}): RecordRun {
  const source: RecordSource = toRecordSource(input, options.name === undefined ? {} : { name: options.name });
  const dataset = options.name ?? source.name;
  const quarantineOn = options.quarantineOn ?? "error";
  const rules: RuleInfo[] = steps.flatMap((s) => s.rules ?? []);
  const pii = new Set<string>([...(options.piiFields ?? []), ...steps.flatMap((s) => s.piiFields ?? [])]);
  const builder = createReportBuilder({
    dataset,
    ...(options.examplesPerRule === undefined ? {} : { examplesPerRule: options.examplesPerRule }),
    piiFields: pii,
    ...(options.mask === undefined ? {} : { mask: options.mask }),
    rules,
  });
  // Time spent inside each step, by position (two steps may share a name).
  const stepMs: number[] = steps.map(() => 0);
  const onProgress = options.onProgress;
  const interval = options.progressIntervalMs ?? 250;
  let lastProgress = 0;
  // One context per step, so that the progress a step reports names it.
  const contexts: StepContext[] = steps.map((step) => ({
    dataset,
    signal: options.signal,
    quarantineOn,
    setSection: (name, data) => builder.setSection(name, data),
    setDimensions: (dimensions) => builder.setDimensions(dimensions),
    warn: (message) => builder.addWarning(message),
    ...(onProgress ? { progress: (event: ProgressEvent) => onProgress(withCounters(event, step.name)) } : {}),
  }));
  let ingested = 0;
  let ingestDone = false;
  let seqSum = 0;
  let startedAt = new Date();
  let report: QualityReport | undefined;
  let started = false;

  /** A phase with the run's counters. */
  function withCounters(event: ProgressEvent, step?: string): PipelineProgress {
    const p = source.progress?.();
    return {
      ...event,
      ...(step === undefined ? {} : { step }),
      records: ingested,
      elapsedMs: Date.now() - startedAt.getTime(),
      ...(p ? { bytesRead: p.bytesRead } : {}),
      ...(p?.bytesTotal === undefined ? {} : { bytesTotal: p.bytesTotal }),
    };
  }

  function reportReading(final: boolean): void {
    const p = source.progress?.();
    const fraction = p?.bytesTotal ? Math.min(1, p.bytesRead / p.bytesTotal) : undefined;
    onProgress!(
      withCounters({
        phase: "reading",
        done: ingested,
        unit: "records",
        ...(final ? { total: ingested, final: true } : {}),
        ...(fraction === undefined ? {} : { fraction: final ? 1 : fraction }),
      }),
    );
  }

  async function* ingest(): AsyncGenerator<Batch> {
    for await (const batch of source.batches(options.signal)) {
      if (options.signal?.aborted) throw new AbortedError(undefined, { cause: options.signal.reason });
      const out: Batch = new Array(batch.records.length);
      for (let i = 0; i < batch.records.length; i++) {
        const seq = ingested++;
        seqSum += seq;
        const line = batch.lines?.[i];
        const readIssues = batch.issues?.get(i);
        out[i] = new Envelope(batch.records[i]!, seq, source.name, line, readIssues ? [...readIssues] : []);
      }
      if (onProgress) {
        const now = Date.now();
        if (now - lastProgress >= interval) {
          lastProgress = now;
          reportReading(false);
        }
      }
      yield out;
    }
    ingestDone = true;
    if (onProgress) {
      lastProgress = Date.now();
      reportReading(true);
    }
  }

  async function* recordStage(input: AsyncIterable<Batch>, group: readonly (readonly [RecordStep, number])[]): AsyncGenerator<Batch> {
    for await (const batch of input) {
      for (const [step, index] of group) {
        const ctx = contexts[index]!;
        const t0 = performance.now();
        for (let i = 0; i < batch.length; i++) {
          const r = step.process(batch[i]!, ctx);
          if (r !== undefined) await r;
        }
        stepMs[index]! += performance.now() - t0;
      }
      yield batch;
    }
  }

  /** The records of upstream batches one by one; `onWait` gets the time spent waiting for each batch. */
  async function* flatten(input: AsyncIterable<Batch>, onWait: (ms: number) => void): AsyncGenerator<RecordEnvelope> {
    const it = input[Symbol.asyncIterator]();
    let done = false;
    try {
      for (;;) {
        const t0 = performance.now();
        const next = await it.next();
        onWait(performance.now() - t0);
        if (next.done) {
          done = true;
          return;
        }
        yield* next.value;
      }
    } finally {
      if (!done) await it.return?.();
    }
  }

  // A stream step's time is the wall time from resuming its stage until the stage hands a batch downstream
  // (downstream work happens while the stage is suspended at `yield`), less the time the step waited for
  // upstream batches (upstream steps' own work and reading). Two clock reads per batch in and per batch out.
  async function* streamStage(input: AsyncIterable<Batch>, step: StreamStep, index: number): AsyncGenerator<Batch> {
    let upstreamMs = 0;
    let ownMs = 0;
    let resumed = performance.now();
    let batch: Batch = [];
    try {
      for await (const env of step.run(flatten(input, (ms) => (upstreamMs += ms)), contexts[index]!)) {
        batch.push(env);
        if (batch.length >= 256) {
          ownMs += performance.now() - resumed;
          yield batch;
          resumed = performance.now();
          batch = [];
        }
      }
      if (batch.length > 0) {
        ownMs += performance.now() - resumed;
        yield batch;
        resumed = performance.now();
      }
      ownMs += performance.now() - resumed;
    } finally {
      stepMs[index]! += Math.max(0, ownMs - upstreamMs);
    }
  }

  /** Runs a step's start() or finish(), counting the time in the step's timing. */
  async function timed<T>(index: number, call: () => T | Promise<T>): Promise<T> {
    const t0 = performance.now();
    try {
      return await call();
    } finally {
      stepMs[index]! += performance.now() - t0;
    }
  }

  async function* route(): AsyncGenerator<readonly RecordEnvelope[]> {
    if (started) throw new Error("A record run can be consumed only once.");
    started = true;
    startedAt = new Date();
    for (let s = 0; s < steps.length; s++) {
      const step = steps[s]!;
      if (step.start) await timed(s, () => step.start!(contexts[s]!));
    }
    let stream: AsyncIterable<Batch> = ingest();
    let group: (readonly [RecordStep, number])[] = [];
    for (let s = 0; s < steps.length; s++) {
      const step = steps[s]!;
      if (step.kind === "record") {
        group.push([step, s]);
      } else {
        if (group.length > 0) stream = recordStage(stream, group);
        group = [];
        stream = streamStage(stream, step, s);
      }
    }
    if (group.length > 0) stream = recordStage(stream, group);

    if (onProgress) {
      lastProgress = Date.now();
      reportReading(false);
    }
    // Records still flowing out once every record is in were held back by a stream step: that is the writing phase.
    let routed = 0;
    let writing = false;
    for await (const batch of stream) {
      for (let i = 0; i < batch.length; i++) {
        const env = batch[i]!;
        env.status = env.mergedInto !== undefined ? "merged" : hasAtLeast(env.issues, quarantineOn) ? "quarantine" : "clean";
        builder.add(env);
      }
      routed += batch.length;
      if (onProgress && ingestDone) {
        const now = Date.now();
        if (now - lastProgress >= interval) {
          lastProgress = now;
          if (!writing) onProgress(withCounters({ phase: "writing", done: 0, total: ingested, unit: "records" }));
          writing = true;
          onProgress(withCounters({ phase: "writing", done: routed, total: ingested, unit: "records" }));
        }
      }
      yield batch;
    }
    if (writing) onProgress!(withCounters({ phase: "writing", done: routed, total: ingested, unit: "records", final: true }));
    for (let s = 0; s < steps.length; s++) {
      const step = steps[s]!;
      const found = step.finish ? await timed(s, () => step.finish!(contexts[s]!)) : undefined;
      if (found && found.length > 0) builder.addDatasetIssues(found);
    }
    for (const warning of source.warnings?.() ?? []) builder.addWarning(warning);
    const timings: StepTiming[] = steps.map((s, i) => ({ name: s.name, ms: Math.round(stepMs[i]! * 100) / 100 }));
    const fingerprint = source.fingerprint?.();
    report = builder.finish({
      ingested,
      seqSum,
      inputs: fingerprint ? [{ ...fingerprint, records: fingerprint.records ?? ingested }] : [{ name: source.name, records: ingested }],
      startedAt,
      steps: timings,
    });
  }

  return {
    batches: route,
    async *[Symbol.asyncIterator]() {
      for await (const batch of route()) yield* batch;
    },
    report() {
      if (!report) throw new Error("The report is available only after all records have been consumed.");
      return report;
    },
  };
}

/**
 * The engine's record envelope. `location` is built on first use: most records never need it, and one
 * allocation less per record is measurable at millions of records a second.
 */
class Envelope implements RecordEnvelope {
  record: DataRecord;
  readonly seq: number;
  readonly issues: Issue[];
  changed: string[] | undefined = undefined;
  mergedInto: string | undefined = undefined;
  status: RecordEnvelope["status"] = undefined;
  #file: string;
  #line: number | undefined;
  #location: SourceLocation | undefined = undefined;

  constructor(record: DataRecord, seq: number, file: string, line: number | undefined, issues: Issue[]) {
    this.record = record;
    this.seq = seq;
    this.issues = issues;
    this.#file = file;
    this.#line = line;
  }

  get location(): SourceLocation {
    return (this.#location ??=
      this.#line === undefined ? { file: this.#file, record: this.seq + 1 } : { file: this.#file, line: this.#line, record: this.seq + 1 });
  }
}

function hasAtLeast(issues: readonly Issue[], threshold: Severity): boolean {
  for (let i = 0; i < issues.length; i++) if (isAtLeast(issues[i]!.severity, threshold)) return true;
  return false;
}
