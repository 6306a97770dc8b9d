import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { collect } from "../collect/collect.ts";
import type { DataRecord } from "../Issue/Issue.ts";
import { addIssue, checkRecords, mapRecords, type Step, type StreamStep } from "../Step/Step.ts";
import { processRecords } from "./processRecords.ts";

const requireId = checkRecords(
  "require-id",
  (r) =>
    r.id == null
      ? [{ code: "missing_value", rule: "required", field: "id", severity: "error", dimension: "completeness", message: "id is required" }]
      : [],
  [{ rule: "required", field: "id", severity: "error", dimension: "completeness" }],
);

describe("processRecords", () => {
  test("routes each record to clean or quarantine and counts add up", async () => {
    const run = processRecords([{ id: 1 }, { id: null }, { id: 3 }], [requireId], { name: "t" });
    const out = await collect(run);
    expect(out.map((e) => e.status)).toEqual(["clean", "quarantine", "clean"]);
    const report = run.report();
    expect(report.totals).toEqual({ total: 3, clean: 2, quarantined: 1, merged: 0 });
    expect(report.rules[0]).toMatchObject({ rule: "required", field: "id", failed: 1 });
    expect(report.rules[0]?.examples[0]).toMatchObject({ record: 2, field: "id", message: "id is required" });
    expect(report.dimensions).toEqual([{ dimension: "completeness", failedRecords: 1, score: 66.67, basis: "records" }]);
  });

  test("warnings do not quarantine unless the threshold says so", async () => {
    const warn = checkRecords("w", () => [
      { code: "x", rule: "w", severity: "warning", dimension: "validity", message: "hmm" },
    ]);
    const a = processRecords([{ a: 1 }], [warn]);
    expect((await collect(a))[0]?.status).toBe("clean");
    const b = processRecords([{ a: 1 }], [warn], { quarantineOn: "warning" });
    expect((await collect(b))[0]?.status).toBe("quarantine");
  });

  test("counts changed fields from transforms", async () => {
    const upper = mapRecords("upper", (r) => (typeof r.name === "string" ? { ...r, name: r.name.toUpperCase() } : r));
    const run = processRecords([{ name: "a" }, { name: "B" }, { name: 1 }], [upper]);
    await collect(run);
    expect(run.report().fields).toEqual([{ field: "name", failed: 0, ratio: 0, changed: 1, codes: {} }]);
  });

  test("fails loudly when a stream step drops a record", async () => {
    const dropper: StreamStep = {
      kind: "stream",
      name: "dropper",
      async *run(input) {
        let first = true;
        for await (const env of input) {
          if (first) {
            first = false;
            continue;
          }
          yield env;
        }
      },
    };
    const run = processRecords([{ a: 1 }, { a: 2 }], [dropper]);
    await expect(collect(run)).rejects.toMatchObject({ code: "CLEANSE_COUNT_MISMATCH" });
  });

  test("fails loudly when a stream step duplicates one record and drops another", async () => {
    const swapper: StreamStep = {
      kind: "stream",
      name: "swapper",
      async *run(input) {
        const all = [];
        for await (const env of input) all.push(env);
        yield all[0]!;
        yield { ...all[0]! };
      },
    };
    const run = processRecords([{ a: 1 }, { a: 2 }], [swapper]);
    await expect(collect(run)).rejects.toMatchObject({ code: "CLEANSE_COUNT_MISMATCH" });
  });

  test("accepts a Web ReadableStream and a Node Readable", async () => {
    const { Readable } = await import("node:stream");
    const web = new ReadableStream<DataRecord>({
      start(c) {
        c.enqueue({ id: 1 });
        c.enqueue({ id: null });
        c.close();
      },
    });
    const a = processRecords(web, [requireId]);
    await collect(a);
    expect(a.report().totals.quarantined).toBe(1);
    const b = processRecords(Readable.from([{ id: 1 }, { id: 2 }], { objectMode: true }), [requireId]);
    await collect(b);
    expect(b.report().totals).toMatchObject({ total: 2, clean: 2 });
  });

  test("puts the source's warnings into the report", async () => {
    const source = {
      name: "s",
      async *batches() {
        yield { records: [{ a: 1 }] };
      },
      warnings: () => ["header \"a\" appears twice; the second is named a_2"],
    };
    const run = processRecords(source);
    await collect(run);
    expect(run.report().warnings).toEqual(['header "a" appears twice; the second is named a_2']);
  });

  test("stops with CLEANSE_ABORTED when the signal fires", async () => {
    const controller = new AbortController();
    function* endless() {
      for (let i = 0; ; i++) {
        if (i === 1000) controller.abort();
        yield { i };
      }
    }
    const run = processRecords(endless(), [], { signal: controller.signal });
    await expect(collect(run)).rejects.toMatchObject({ code: "CLEANSE_ABORTED" });
  });

  test("tells steps the quarantine threshold, and lets a scoring step replace the dimension scores", async () => {
    const seen: unknown[] = [];
    const scorer: Step = {
      kind: "record",
      name: "scorer",
      process(_env, ctx) {
        seen.push(ctx.quarantineOn);
      },
      finish(ctx) {
        ctx.setDimensions?.([{ dimension: "completeness", failedRecords: 1, score: 90, basis: "checks", weight: 1, records: 2, checks: 4, failed: 1 }]);
      },
    };
    const run = processRecords([{ id: 1 }, { id: null }], [requireId, scorer], { quarantineOn: "warning" });
    await collect(run);
    expect(seen).toEqual(["warning", "warning"]);
    expect(run.report().dimensions).toEqual([{ dimension: "completeness", failedRecords: 1, score: 90, basis: "checks", weight: 1, records: 2, checks: 4, failed: 1 }]);
  });

  test("times a stream step by the time spent in its generator, not upstream or downstream", async () => {
    const busy = (ms: number) => {
      const until = performance.now() + ms;
      while (performance.now() < until);
    };
    const slowUpstream: Step = { kind: "record", name: "slow-upstream", process: () => busy(0.4) };
    const slowStream: StreamStep = {
      kind: "stream",
      name: "slow-stream",
      async *run(input) {
        for await (const env of input) {
          if (env.seq === 10) busy(20);
          yield env;
        }
      },
    };
    const idleStream: StreamStep = {
      kind: "stream",
      name: "idle-stream",
      async *run(input) {
        yield* input;
      },
    };
    const run = processRecords(
      Array.from({ length: 100 }, (_, i) => ({ i })),
      [slowUpstream, slowStream, idleStream],
    );
    for await (const batch of run.batches()) {
      if (batch.length > 0) busy(20);
    }
    const ms = Object.fromEntries(run.report().timings.steps.map((s) => [s.name, s.ms]));
    expect(ms["slow-upstream"]).toBeGreaterThanOrEqual(35);
    expect(ms["slow-stream"]).toBeGreaterThanOrEqual(15);
    // neither the 40 ms upstream nor the 20 ms the consumer spends on each batch count
    expect(ms["slow-stream"]).toBeLessThan(35);
    expect(ms["idle-stream"]).toBeLessThan(15);
  });

  test("counts the time a step spends in finish(), and keeps steps of the same name apart", async () => {
    const finishing: StreamStep = {
      kind: "stream",
      name: "same",
      async *run(input) {
        yield* input;
      },
      finish() {
        const until = performance.now() + 20;
        while (performance.now() < until);
      },
    };
    const quick: StreamStep = { kind: "stream", name: "same", run: (input) => input };
    const run = processRecords([{ a: 1 }], [finishing, quick]);
    await collect(run);
    const [first, second] = run.report().timings.steps;
    expect(first!.ms).toBeGreaterThanOrEqual(15);
    expect(second!.ms).toBeLessThan(15);
  });

  test("no record is lost or duplicated between clean and quarantine (property)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ id: fc.option(fc.integer(), { nil: null }), s: fc.constantFrom<"error" | "warning" | "info" | "none">("error", "warning", "info", "none") })),
        fc.boolean(),
        async (records, withStream) => {
          const flag: Step = {
            kind: "record",
            name: "flag",
            process(env) {
              const s = env.record.s;
              if (s !== "none") addIssue(env, { code: "x", rule: "flag", severity: s as "error", dimension: "validity", message: "m" });
            },
          };
          const passthrough: StreamStep = {
            kind: "stream",
            name: "pass",
            async *run(input) {
              yield* input;
            },
          };
          const steps = withStream ? [requireId, passthrough, flag] : [requireId, flag];
          const run = processRecords(records, steps);
          const out = await collect(run);
          const seqs = out.map((e) => e.seq).sort((a, b) => a - b);
          expect(seqs).toEqual(records.map((_, i) => i));
          const t = run.report().totals;
          expect(t.total).toBe(records.length);
          expect(t.clean + t.quarantined + t.merged).toBe(t.total);
          expect(t.quarantined).toBe(records.filter((r) => r.id == null || r.s === "error").length);
        },
      ),
      { numRuns: 200 },
    );
  });
});
