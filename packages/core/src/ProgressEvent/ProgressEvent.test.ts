import { describe, expect, test } from "vitest";
import { createProgressReporter, type ProgressEvent } from "./ProgressEvent.ts";

describe("createProgressReporter", () => {
  test("reports starts and ends at once, and counts in between at most once per interval", () => {
    const events: ProgressEvent[] = [];
    let t = 0;
    const progress = createProgressReporter((e) => events.push(e), { intervalMs: 100, now: () => t });
    progress.start("comparing", "pairs", { total: 10_000 });
    t = 50;
    progress.update(4_096);
    t = 120;
    progress.update(8_192);
    t = 130;
    progress.update(9_000);
    progress.end(10_000);
    progress.start("training", "iterations", { total: 25 });
    progress.end(12);
    expect(events).toEqual([
      { phase: "comparing", done: 0, total: 10_000, unit: "pairs" },
      { phase: "comparing", done: 8_192, total: 10_000, unit: "pairs" },
      { phase: "comparing", done: 10_000, total: 10_000, unit: "pairs", final: true },
      { phase: "training", done: 0, total: 25, unit: "iterations" },
      { phase: "training", done: 12, total: 25, unit: "iterations", final: true },
    ]);
  });

  test("never lets done go back or past the total", () => {
    const events: ProgressEvent[] = [];
    const progress = createProgressReporter((e) => events.push(e), { intervalMs: 0 });
    progress.start("scoring", "pairs", { total: 10 });
    progress.update(6);
    progress.update(3);
    progress.update(40);
    progress.end();
    expect(events.map((e) => e.done)).toEqual([0, 6, 6, 10, 10]);
  });

  test("ends the phase before the next one starts, with the last count given", () => {
    const events: ProgressEvent[] = [];
    const progress = createProgressReporter((e) => events.push(e), { now: () => 0 });
    progress.start("reading", "records", { subject: "left" });
    progress.update(700, undefined, 0.7); // too soon to report, but kept
    progress.start("reading", "records", { subject: "right" });
    expect(events).toEqual([
      { phase: "reading", subject: "left", done: 0, unit: "records" },
      { phase: "reading", subject: "left", done: 700, unit: "records", fraction: 1, final: true },
      { phase: "reading", subject: "right", done: 0, unit: "records" },
    ]);
  });

  test("does nothing without a listener", () => {
    const progress = createProgressReporter(undefined);
    expect(progress.active).toBe(false);
    progress.start("blocking", "rules");
    progress.update(1);
    progress.end();
  });
});
