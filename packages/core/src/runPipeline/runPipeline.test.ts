import { describe, expect, test } from "vitest";
import { createMemorySink } from "../RecordSink/RecordSink.ts";
import { createProgressReporter } from "../ProgressEvent/ProgressEvent.ts";
import type { PipelineProgress } from "../processRecords/processRecords.ts";
import type { RecordEnvelope, StepContext, StreamStep } from "../Step/Step.ts";
import { runPipeline } from "./runPipeline.ts";

/** A stream step that holds every record back and reports a phase of its own while it "works" on them. */
function holdingStep(seen: { context?: StepContext }): StreamStep {
  return {
    kind: "stream",
    name: "cluster-all",
    async *run(input, ctx) {
      seen.context = ctx;
      const all: RecordEnvelope[] = [];
      for await (const env of input) all.push(env);
      const progress = createProgressReporter(ctx.progress, { intervalMs: 0 });
      progress.start("clustering", "records", { total: all.length });
      for (let i = 1; i <= all.length; i++) progress.update(i);
      progress.end(all.length);
      yield* all;
    },
  };
}

describe("runPipeline progress", () => {
  const records = Array.from({ length: 1_000 }, (_, i) => ({ id: i }));

  test("a step's progress events reach runPipeline's onProgress, between reading and writing", async () => {
    const events: PipelineProgress[] = [];
    const report = await runPipeline({
      source: records,
      steps: [holdingStep({})],
      clean: createMemorySink(),
      onProgress: (p) => events.push(p),
      progressIntervalMs: 0,
    });
    expect(report.totals.total).toBe(1_000);
    const phases = events.map((e) => e.phase).filter((p, i, all) => p !== all[i - 1]);
    expect(phases).toEqual(["reading", "clustering", "writing"]);
    const reading = events.filter((e) => e.phase === "reading");
    expect(reading[0]).toMatchObject({ done: 0, records: 0, unit: "records" });
    expect(reading.at(-1)).toMatchObject({ done: 1_000, total: 1_000, final: true });
    const clustering = events.filter((e) => e.phase === "clustering");
    expect(clustering.every((e) => e.step === "cluster-all" && e.records === 1_000 && e.total === 1_000)).toBe(true);
    expect(clustering.map((e) => e.done)).toEqual([0, ...Array.from({ length: 1_000 }, (_, i) => i + 1), 1_000]);
    expect(clustering.at(-1)?.final).toBe(true);
    const writing = events.filter((e) => e.phase === "writing");
    expect(writing[0]).toMatchObject({ done: 0, total: 1_000 });
    expect(writing.at(-1)).toMatchObject({ done: 1_000, total: 1_000, final: true });
    for (const e of events) {
      expect(e.step === undefined).toBe(e.phase !== "clustering");
      expect(e.done).toBeLessThanOrEqual(e.total ?? Number.POSITIVE_INFINITY);
    }
  });

  test("keeps its old counters on every event", async () => {
    const events: PipelineProgress[] = [];
    await runPipeline({ source: records, onProgress: (p) => events.push(p), progressIntervalMs: 0 });
    expect(events.length).toBeGreaterThan(2);
    for (const e of events) {
      expect(typeof e.records).toBe("number");
      expect(e.elapsedMs).toBeGreaterThanOrEqual(0);
    }
    expect(events.at(-1)).toMatchObject({ phase: "reading", records: 1_000, final: true });
  });

  test("gives steps no progress callback when nobody listens", async () => {
    const seen: { context?: StepContext } = {};
    await runPipeline({ source: records, steps: [holdingStep(seen)] });
    expect(seen.context).toBeDefined();
    expect(seen.context?.progress).toBeUndefined();
  });
});
