/** What a long piece of work is doing; packages may report phases of their own. */
export type ProgressPhase =
  | "reading"
  | "standardizing"
  | "validating"
  | "blocking"
  | "comparing"
  | "training"
  | "scoring"
  | "clustering"
  | "golden"
  | "linking"
  | "writing"
  | (string & {});

/** What a phase counts. */
export type ProgressUnit = "records" | "pairs" | "iterations" | "rules" | "clusters" | "rows" | "files" | "bytes" | (string & {});

/**
 * How far one phase of a long run has come: reading, blocking, comparing pairs, EM training... A phase starts with an
 * event whose `done` is 0 and ends with one marked `final`; in between, `done` never decreases and never passes
 * `total`. Events carry no time: whoever shows them measures rates and ETAs with their own clock.
 */
export interface ProgressEvent {
  readonly phase: ProgressPhase;
  /** What the phase works on, when it works on several things in turn: an input's name, an output. */
  readonly subject?: string;
  /** Units done so far in this phase. */
  readonly done: number;
  /** Units the phase will do, when known. */
  readonly total?: number;
  readonly unit: ProgressUnit;
  /**
   * Share of the phase done (0..1) when it is known otherwise than by `done / total`, e.g. the bytes of a file read
   * while `done` counts its records.
   */
  readonly fraction?: number;
  /** Other running counts of the phase, by unit: `{ pairs: 48211 }` while blocking. */
  readonly counts?: Readonly<Record<string, number>>;
  /** Set on the phase's last event. */
  readonly final?: true;
}

/** Reports the phases of a long run as {@link ProgressEvent}s, throttled. */
export interface ProgressReporter {
  /** False when nobody listens: the caller may skip work done only for progress. */
  readonly active: boolean;
  /**
   * Starts a phase and reports it at once with `done` 0, ending the phase before it if that one is not ended.
   * @param phase - the phase
   * @param unit - what it counts
   * @param options - its total, subject and other counts, when known
   */
  start(phase: ProgressPhase, unit: ProgressUnit, options?: ProgressStartOptions): void;
  /**
   * Reports the current phase's count, at most once per interval (the clock is read on each call, so call it every
   * few thousand items, not per item). A count below the last one reported is ignored; one above `total` is capped.
   * @param done - units done so far
   * @param counts - other running counts
   * @param fraction - share of the phase done, when `done / total` does not tell it
   */
  update(done: number, counts?: Readonly<Record<string, number>>, fraction?: number): void;
  /**
   * Ends the current phase and reports its final count at once.
   * @param done - units done; default the last count given
   * @param counts - other final counts
   */
  end(done?: number, counts?: Readonly<Record<string, number>>): void;
}

/** What a phase is known to be when it starts. */
export interface ProgressStartOptions {
  readonly total?: number | undefined;
  readonly subject?: string | undefined;
  readonly counts?: Readonly<Record<string, number>> | undefined;
}

/** Options of {@link createProgressReporter}. */
export interface ProgressReporterOptions {
  /** Least time between two reports of one phase, in milliseconds. Default 100. */
  readonly intervalMs?: number;
  /** Clock in milliseconds; default `performance.now`. */
  readonly now?: () => number;
}

const SILENT: ProgressReporter = { active: false, start() {}, update() {}, end() {} };

/**
 * Creates a reporter that turns a run's phases into throttled progress events. Starts and ends of phases are reported
 * at once, so a display never stays on a finished phase; counts in between at most every `intervalMs`.
 * @param listener - receives the events; without one, the reporter does nothing
 * @param options - interval and clock
 * @returns the reporter
 * @example
 * const progress = createProgressReporter((e) => console.log(e.phase, e.done, e.total));
 * progress.start("comparing", "pairs", { total: 3 }); //=> logs "comparing 0 3"
 * progress.end(3); //=> logs "comparing 3 3"
 */
export function createProgressReporter(listener: ((event: ProgressEvent) => void) | undefined, options: ProgressReporterOptions = {}): ProgressReporter {
  if (listener === undefined) return SILENT;
  const interval = options.intervalMs ?? 100;
  const now = options.now ?? (() => performance.now());
  let phase: ProgressPhase | undefined;
  let unit: ProgressUnit = "records";
  let subject: string | undefined;
  let total: number | undefined;
  let done = 0;
  let counts: Readonly<Record<string, number>> | undefined;
  let fraction: number | undefined;
  let last = 0;

  const emit = (final: boolean): void => {
    if (phase === undefined) return;
    listener({
      phase,
      ...(subject === undefined ? {} : { subject }),
      done,
      ...(total === undefined ? {} : { total }),
      unit,
      ...(fraction === undefined ? {} : { fraction }),
      ...(counts === undefined ? {} : { counts }),
      ...(final ? { final: true } : {}),
    });
  };
  const end = (to?: number, finalCounts?: Readonly<Record<string, number>>): void => {
    if (phase === undefined) return;
    if (to !== undefined && to > done) done = total === undefined ? to : Math.min(to, total);
    if (finalCounts !== undefined) counts = finalCounts;
    if (fraction !== undefined) fraction = 1;
    emit(true);
    phase = undefined;
  };
  return {
    active: true,
    start(next, nextUnit, start = {}) {
      end();
      phase = next;
      unit = nextUnit;
      subject = start.subject;
      total = start.total;
      counts = start.counts;
      fraction = undefined;
      done = 0;
      last = now();
      emit(false);
    },
    update(to, nextCounts, nextFraction) {
      if (phase === undefined) return;
      if (to > done) done = total === undefined ? to : Math.min(to, total);
      if (nextCounts !== undefined) counts = nextCounts;
      if (nextFraction !== undefined && nextFraction >= (fraction ?? 0)) fraction = Math.min(1, nextFraction);
      const t = now();
      if (t - last < interval) return;
      last = t;
      emit(false);
    },
    end,
  };
}
