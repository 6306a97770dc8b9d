import type { ProgressEvent } from "@cleanse/core";
import { afterEach, describe, expect, test, vi } from "vitest";
import { captureTerminal } from "../_testing/captureTerminal.ts";
import { createPhasedProgress } from "./progress.ts";

const CLEAR = "\r\x1b[2K";

function fakeTty() {
  return Object.assign(captureTerminal(), { isTTY: true });
}

/** What was drawn, one entry per redraw (a summary line keeps its newline). */
function frames(stderr: string): string[] {
  return stderr.split(CLEAR).filter((f) => f !== "");
}

describe("createPhasedProgress", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  test("progress phases rendered into a fake TTY: in order, with counters, ETA and summaries of long phases", () => {
    const term = fakeTty();
    let t = 0;
    const progress = createPhasedProgress(term, { now: () => t, refreshMs: 0 });
    const show = progress.reporter("dedupe customers.csv");
    const read = (done: number, fraction: number, final?: true): ProgressEvent => ({ phase: "reading", done, unit: "records", fraction, ...(final ? { final } : {}) });

    show(read(0, 0));
    t = 50;
    show(read(5_000, 0.1)); // within 100 ms of the last redraw: not drawn
    t = 2_000;
    show(read(40_000, 0.8));
    t = 2_500;
    show({ ...read(50_000, 1, true), total: 50_000 });
    show({ phase: "blocking", done: 0, total: 2, unit: "rules", counts: { pairs: 0 } });
    t = 3_000;
    show({ phase: "blocking", done: 2, total: 2, unit: "rules", counts: { pairs: 48_211 }, final: true });
    show({ phase: "comparing", done: 0, total: 4_000_000, unit: "pairs" });
    t = 7_000;
    show({ phase: "comparing", done: 1_234_567, total: 4_000_000, unit: "pairs" });
    t = 15_000;
    show({ phase: "comparing", done: 4_000_000, total: 4_000_000, unit: "pairs", final: true });
    show({ phase: "training", done: 0, total: 25, unit: "iterations" });
    t = 15_300;
    show({ phase: "training", done: 12, total: 25, unit: "iterations", final: true });
    show({ phase: "clustering", done: 0, total: 48_211, unit: "pairs" });
    progress.done();

    expect(frames(term.stderr)).toMatchInlineSnapshot(`
      [
        "dedupe customers.csv · reading 0 records  0%",
        "dedupe customers.csv · reading 40,000 records  80%  ETA <1s",
        "✓ dedupe customers.csv · reading 50,000 records in 2.5s
      ",
        "dedupe customers.csv · blocking 0 / 2 rules, 0 pairs  0%",
        "dedupe customers.csv · blocking 2 rules, 48,211 pairs ✓",
        "dedupe customers.csv · comparing 0 / 4,000,000 pairs  0%",
        "dedupe customers.csv · comparing 1,234,567 / 4,000,000 pairs  30%  ETA 9s",
        "✓ dedupe customers.csv · comparing 4,000,000 pairs in 12.0s
      ",
        "dedupe customers.csv · training 0 / 25 iterations  0%",
        "dedupe customers.csv · training 12 iterations ✓",
        "dedupe customers.csv · clustering 0 / 48,211 pairs  0%",
      ]
    `);
    expect(term.stderr.endsWith(CLEAR)).toBe(true);
    expect(term.stdout).toBe("");
  });

  test("prints nothing at all when stderr is not a terminal", () => {
    const term = captureTerminal();
    const progress = createPhasedProgress(term, { now: () => 0 });
    progress.update("customers.csv", { phase: "reading", done: 0, unit: "records" });
    progress.update("customers.csv", { phase: "reading", done: 10, unit: "records", final: true });
    progress.done();
    expect(term.stderr).toBe("");
    expect(term.stdout).toBe("");
  });

  test("done() clears the line it drew, and clears nothing when nothing was drawn", () => {
    const term = fakeTty();
    const progress = createPhasedProgress(term, { now: () => 0, refreshMs: 0 });
    progress.done();
    expect(term.stderr).toBe("");
    progress.update("a.csv", { phase: "reading", done: 1, unit: "records" });
    progress.done();
    expect(term.stderr).toBe(`${CLEAR}a.csv · reading 1 records${CLEAR}`);
  });

  test("a new label or subject is a new phase, drawn at once", () => {
    const term = fakeTty();
    const progress = createPhasedProgress(term, { now: () => 0, refreshMs: 0 });
    progress.update("reconcile", { phase: "reading", subject: "crm.csv", done: 0, unit: "records" });
    progress.update("reconcile", { phase: "reading", subject: "erp.csv", done: 0, unit: "records" });
    progress.update("orders", { phase: "reading", subject: "erp.csv", done: 0, unit: "records" });
    expect(frames(term.stderr)).toEqual([
      "reconcile · reading crm.csv 0 records",
      "reconcile · reading erp.csv 0 records",
      "orders · reading erp.csv 0 records",
    ]);
  });

  test("without a total, shows the phase's rate once it has run a second", () => {
    const term = fakeTty();
    let t = 0;
    const progress = createPhasedProgress(term, { now: () => t, refreshMs: 0 });
    progress.update("stdin", { phase: "reading", done: 0, unit: "records" });
    t = 2_000;
    progress.update("stdin", { phase: "reading", done: 96_000, unit: "records" });
    expect(frames(term.stderr).at(-1)).toBe("stdin · reading 96,000 records  48,000/s");
  });

  test("keeps the ETA true while no event comes, and shows a running clock after a phase ends", () => {
    vi.useFakeTimers();
    const term = fakeTty();
    const progress = createPhasedProgress(term, { now: () => Date.now(), refreshMs: 1_000 });
    progress.update("jobs", { phase: "training", done: 0, total: 10, unit: "iterations" });
    vi.advanceTimersByTime(2_000);
    progress.update("jobs", { phase: "training", done: 5, total: 10, unit: "iterations" });
    vi.advanceTimersByTime(2_000);
    expect(frames(term.stderr).at(-1)).toBe("jobs · training 5 / 10 iterations  50%  ETA 4s");
    progress.update("jobs", { phase: "training", done: 6, total: 10, unit: "iterations", final: true });
    vi.advanceTimersByTime(3_000);
    expect(frames(term.stderr).slice(-4)).toEqual(["✓ jobs · training 6 iterations in 4.0s\n", "jobs · working… 1s", "jobs · working… 2s", "jobs · working… 3s"]);
    progress.done();
    const drawn = term.stderr.length;
    vi.advanceTimersByTime(5_000);
    expect(term.stderr.length).toBe(drawn);
  });

  test("cuts lines to the terminal's width", () => {
    const term = fakeTty();
    const progress = createPhasedProgress(term, { now: () => 0, refreshMs: 0, columns: () => 20 });
    progress.update("a-very-long-file-name.csv", { phase: "reading", done: 0, unit: "records" });
    expect(frames(term.stderr)).toEqual(["a-very-long-file-n…"]);
  });
});
