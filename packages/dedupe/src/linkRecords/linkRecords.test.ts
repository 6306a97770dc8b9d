import type { ProgressEvent } from "@cleanse/core";
import { describe, expect, test } from "vitest";
import { checkProgress } from "../_testing/checkProgress.ts";
import { crmErp } from "../_testing/crmErp.ts";
import { evaluatePairs } from "../evaluatePairs/evaluatePairs.ts";
import { linkRecords } from "./linkRecords.ts";

describe("linkRecords", () => {
  const { crm, erp, truth } = crmErp();

  test("links CRM customers to ERP customers zero-config, one to one", async () => {
    const result = await linkRecords(crm, erp, "auto");
    const m = evaluatePairs(result.pairs.map((p) => [p.left_id, p.right_id] as const), truth);
    expect(m.f1).toBeGreaterThanOrEqual(0.97);
    expect(new Set(result.pairs.map((p) => p.left_id)).size).toBe(result.pairs.length);
    expect(new Set(result.pairs.map((p) => p.right_id)).size).toBe(result.pairs.length);
    expect(result.pairs.every((p) => p.match_probability >= result.stats.threshold)).toBe(true);
    expect(result.stats.left).toBe(120);
    expect(result.stats.blocking.comparablePairs).toBe(120 * 120);
    expect(result.model.mode).toBe("link");
  });

  test("never pairs two records of the same side", async () => {
    const twins = [
      { id: "a", name: "Ann Lee" },
      { id: "b", name: "Ann Lee" },
    ];
    const result = await linkRecords(twins, [{ id: "x", name: "Ann Lee" }], {
      blocking: { rules: [{ type: "key", on: ["name"] }] },
      comparisons: [{ field: "name", type: "exact" }],
      em: { initialLambda: 0.5, maxIterations: 1 },
    }, { threshold: 0 , oneToOne: false, many: true });
    expect(result.stats.candidatePairs).toBe(2);
    expect(result.pairs.map((p) => `${p.left_id}-${p.right_id}`).sort()).toEqual(["a-x", "b-x"]);
  });

  test("keeps the best right record per left record when one-to-one is off", async () => {
    const config = {
      blocking: { rules: [{ type: "key" as const, on: ["last_name"] }] },
      comparisons: [
        { field: "first_name", type: "jaroWinkler" as const },
        { field: "dob", type: "date" as const },
      ],
    };
    const one = await linkRecords(crm, erp, config, { oneToOne: true });
    const best = await linkRecords(crm, erp, config, { oneToOne: false });
    const many = await linkRecords(crm, erp, config, { oneToOne: false, many: true });
    expect(new Set(best.pairs.map((p) => p.left_id)).size).toBe(best.pairs.length);
    expect(best.pairs.length).toBeGreaterThanOrEqual(one.pairs.length);
    expect(many.pairs.length).toBe(many.stats.pairsAboveThreshold);
  });
});

describe("linkRecords labels and uncertain pairs", () => {
  const { crm, erp, truth } = crmErp();

  test("lists the least certain candidate pairs, left id first", async () => {
    const result = await linkRecords(crm, erp, "auto", { uncertainPairs: 15 });
    expect(result.uncertainPairs).toHaveLength(15);
    const distances = result.uncertainPairs.map((p) => Math.abs(p.match_weight));
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    for (const p of result.uncertainPairs) {
      expect(p.left_id).toMatch(/^C/);
      expect(p.right_id).toMatch(/^E/);
    }
    expect((await linkRecords(crm, erp, "auto")).uncertainPairs).toHaveLength(20);
  });

  test("trains with labelled pairs (a left, b right) and checks a model against them", async () => {
    const pairs = [...truth.slice(0, 5).map(([a, b]) => ({ a, b, match: true })), { a: "C0", b: "E1001", match: false }];
    const trained = await linkRecords(crm, erp, "auto", { labels: { use: "train", pairs } });
    expect(trained.model.training).toMatchObject({ method: "labels", labelledPairs: 6 });
    const m = evaluatePairs(trained.pairs.map((p) => [p.left_id, p.right_id] as const), truth);
    expect(m.f1).toBeGreaterThanOrEqual(0.97);
    const checked = await linkRecords(crm, erp, "auto", { labels: { use: "check", pairs } });
    expect(checked.labelCheck).toMatchObject({ pairs: 6, truePositives: 5, trueNegatives: 1 });
  });
});

describe("linkRecords progress", () => {
  const { crm, erp } = crmErp();

  test("reports blocking, comparing, training, scoring and linking, in order", async () => {
    const events: ProgressEvent[] = [];
    const result = await linkRecords(crm, erp, "auto", { onProgress: (e) => events.push(e) });
    expect(checkProgress(events)).toEqual(["blocking", "comparing", "training", "scoring", "linking"]);
    expect(events.find((e) => e.phase === "scoring" && e.final)).toMatchObject({ done: result.stats.candidatePairs, total: result.stats.candidatePairs });
    expect(events.at(-1)).toMatchObject({ phase: "linking", final: true, counts: { linked: result.pairs.length } });
  });

  test("reports reading each side that is not an array", async () => {
    async function* stream<T>(items: readonly T[]): AsyncGenerator<T> {
      yield* items;
    }
    const events: ProgressEvent[] = [];
    await linkRecords(stream(crm), stream(erp), "auto", { onProgress: (e) => events.push(e) });
    expect(checkProgress(events).slice(0, 3)).toEqual(["reading left", "reading right", "blocking"]);
    expect(events.find((e) => e.phase === "reading" && e.subject === "right" && e.final)?.done).toBe(erp.length);
  });
});
