import { formatCount, type ProgressEvent } from "@cleanse/core";
import type { Terminal } from "./terminal.ts";

/** Options of {@link createPhasedProgress}. */
export interface PhasedProgressOptions {
  /** Clock in milliseconds; default `performance.now`. Tests pass a fake one. */
  readonly now?: () => number;
  /** Least time between two redraws within one phase, in milliseconds. Default 100. */
  readonly redrawMs?: number;
  /**
   * Redraws the line this often when no event comes, so that its ETA stays true and work that reports nothing
   * shows a running clock instead of a frozen line; 0 never does. Default 1000.
   */
  readonly refreshMs?: number;
  /** A finished phase that took at least this long leaves a one-line summary. Default 1000. */
  readonly summaryMs?: number;
  /** Width of the terminal in columns: longer lines are cut. Default the terminal's own `columns`. */
  readonly columns?: () => number | undefined;
}

/** A progress display on stderr, one line redrawn in place, fed with phased progress events. */
export interface PhasedProgress {
  /**
   * Shows an event: a new phase (or label) is drawn at once; counts within a phase at most every `redrawMs`.
   * @param label - what the command works on, e.g. `dedupe customers.csv` or a job's dataset name
   * @param event - the event (a `PipelineProgress` is one)
   */
  update(label: string, event: ProgressEvent): void;
  /** `update` bound to one label, for an `onProgress` option. */
  reporter(label: string): (event: ProgressEvent) => void;
  /** Clears the line and stops redrawing. */
  done(): void;
}

interface Phase {
  readonly key: string;
  readonly label: string;
  readonly startedAt: number;
  event: ProgressEvent;
  /** When the final event came. */
  endedAt: number | undefined;
}

const CLEAR = "\r\x1b[2K";
const PHASE_NAMES: Readonly<Record<string, string>> = { golden: "golden records" };

/**
 * Creates the progress display of a long command: on stderr when it is a terminal, nothing at all otherwise. The line
 * reads like `dedupe customers.csv · comparing 1,234,567 / 4,000,000 pairs  31%  ETA 12s`: the ETA comes from the
 * phase's own rate, once it has run for a second. A phase that took a second or more leaves a summary line
 * (`✓ dedupe customers.csv · blocking 3 rules, 48,211 pairs in 1.4s`).
 * @param term - where to draw
 * @param options - clock, redraw intervals, width
 * @returns the display; call `done()` before printing anything else
 * @example
 * const progress = createPhasedProgress(ctx.term);
 * await dedupeRecords(records, "auto", { onProgress: progress.reporter(`dedupe ${name}`) });
 * progress.done();
 */
export function createPhasedProgress(term: Terminal, options: PhasedProgressOptions = {}): PhasedProgress {
  const now = options.now ?? (() => performance.now());
  const redrawMs = options.redrawMs ?? 100;
  const refreshMs = options.refreshMs ?? 1000;
  const summaryMs = options.summaryMs ?? 1000;
  let current: Phase | undefined;
  let shown = false;
  let lastDraw = Number.NEGATIVE_INFINITY;
  let timer: ReturnType<typeof setInterval> | undefined;

  const columns = options.columns ?? (term.columns ? () => term.columns!() : undefined);
  const fit = (line: string): string => {
    const width = columns?.();
    if (width === undefined || width <= 1) return line;
    const chars = [...line];
    return chars.length < width ? line : `${chars.slice(0, width - 2).join("")}…`;
  };

  const write = (line: string, t: number): void => {
    term.err(`${CLEAR}${fit(line)}`);
    shown = true;
    lastDraw = t;
  };

  const draw = (t: number): void => {
    if (!current) return;
    if (current.endedAt === undefined) write(liveLine(current, t), t);
    // A phase ended and no other has started: the line says so, with a running clock, rather than stay on 100%.
    else if (t - current.endedAt >= 1000) write(`${current.label} · working… ${duration(t - current.endedAt)}`, t);
  };

  /** Ends the current phase: a long one leaves a summary line, a short one its final counts on the live line. */
  const end = (phase: Phase, t: number): void => {
    phase.endedAt = t;
    if (t - phase.startedAt < summaryMs) return write(liveLine(phase, t), t);
    term.err(`${CLEAR}${fit(`✓ ${phase.label} · ${phaseText(phase.event)} ${amount(phase.event, false)}${extraCounts(phase.event)} in ${seconds(t - phase.startedAt)}`)}\n`);
    shown = false;
  };

  const update = (label: string, event: ProgressEvent): void => {
    if (!term.isTTY) return;
    const t = now();
    const key = `${label}\u0000${event.phase}\u0000${event.subject ?? ""}`;
    if (current === undefined || current.key !== key || current.endedAt !== undefined) {
      current = { key, label, startedAt: t, event, endedAt: undefined };
      if (timer === undefined && refreshMs > 0) {
        timer = setInterval(() => draw(now()), refreshMs);
        timer.unref?.();
      }
    } else {
      current.event = event;
      if (event.final !== true && t - lastDraw < redrawMs) return;
    }
    if (event.final === true) end(current, t);
    else draw(t);
  };

  return {
    update,
    reporter: (label) => (event) => update(label, event),
    done() {
      if (timer !== undefined) clearInterval(timer);
      timer = undefined;
      if (shown) term.err(CLEAR);
      shown = false;
      current = undefined;
    },
  };
}

function liveLine(phase: Phase, t: number): string {
  const e = phase.event;
  const elapsed = t - phase.startedAt;
  const share = e.fraction ?? (e.total !== undefined && e.total > 0 ? e.done / e.total : undefined);
  let tail = "";
  if (e.final === true) tail = " ✓";
  else if (share !== undefined) {
    tail += `  ${Math.floor(Math.min(1, share) * 100)}%`;
    if (share > 0 && share < 1 && elapsed >= 1000) tail += `  ETA ${duration((elapsed / share) * (1 - share))}`;
  } else if (elapsed >= 1000 && e.done > 0) {
    tail += `  ${e.unit === "bytes" ? `${bytes((e.done * 1000) / elapsed)}/s` : `${formatCount(Math.round((e.done * 1000) / elapsed))}/s`}`;
  }
  return `${phase.label} · ${phaseText(e)} ${amount(e, true)}${extraCounts(e)}${tail}`;
}

function phaseText(e: ProgressEvent): string {
  const name = PHASE_NAMES[e.phase] ?? e.phase;
  return e.subject === undefined ? name : `${name} ${e.subject}`;
}

/** `1,234 / 4,000 pairs` while running (`withTotal`), `4,000 pairs` in a summary. */
function amount(e: ProgressEvent, withTotal: boolean): string {
  if (e.unit === "bytes") return withTotal && e.total !== undefined ? `${bytes(e.done)} / ${bytes(e.total)}` : bytes(e.done);
  const total = withTotal && e.total !== undefined && e.final !== true ? ` / ${formatCount(e.total)}` : "";
  return `${formatCount(e.done)}${total} ${e.unit}`;
}

function extraCounts(e: ProgressEvent): string {
  if (e.counts === undefined) return "";
  let out = "";
  for (const [unit, n] of Object.entries(e.counts)) out += `, ${formatCount(n)} ${unit}`;
  return out;
}

function bytes(n: number): string {
  if (n < 1024) return `${Math.round(n)} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  if (n < 1024 ** 3) return `${(n / 1024 ** 2).toFixed(1)} MB`;
  return `${(n / 1024 ** 3).toFixed(2)} GB`;
}

/** A time left or running: `<1s`, `12s`, `3m 05s`, `1h 02m`. */
function duration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 1) return "<1s";
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, "0")}s`;
  return `${Math.floor(s / 3600)}h ${String(Math.floor((s % 3600) / 60)).padStart(2, "0")}m`;
}

/** A time taken: `1.4s`, `12.0s`, `3m 05s`. */
function seconds(ms: number): string {
  return ms < 60_000 ? `${(ms / 1000).toFixed(1)}s` : duration(ms);
}
