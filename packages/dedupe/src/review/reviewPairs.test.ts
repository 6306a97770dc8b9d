import { describe, expect, test } from "vitest";
import { crmErp } from "../_testing/crmErp.ts";
import { loadSplinkFake1000 } from "../_testing/loadTestData.ts";
import type { DedupeConfig } from "../config/dedupeConfigSchema.ts";
import { dedupeRecords } from "../dedupeRecords/dedupeRecords.ts";
import { evaluateClusters } from "../evaluatePairs/evaluatePairs.ts";
import type { LabelledPair } from "../scoring/runMatching.ts";
import { reviewPairs, type ReviewAnswer, type ReviewPair, type ReviewRound } from "./reviewPairs.ts";

const unordered = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

describe("reviewPairs on splink's fake_1000 (dedupe)", () => {
  const data = loadSplinkFake1000();
  const truthful = (pair: ReviewPair): ReviewAnswer => (data.truth.get(pair.a) === data.truth.get(pair.b) ? "match" : "distinct");
  const f1 = async (labels?: readonly LabelledPair[]) => {
    const result = await dedupeRecords(data.records, "auto", { idField: data.idField, golden: false, ...(labels ? { labels: { use: "train", pairs: labels } } : {}) });
    return evaluateClusters(new Map(result.records.map((r) => [String(r[data.idField]), String(r.cluster_id)])), data.truth).f1;
  };

  test("reaches at least the F1 of unlabelled training with at most 50 labels, never asking a pair twice", async () => {
    const rounds: ReviewRound[] = [];
    const review = await reviewPairs({ records: data.records }, "auto", { idField: data.idField, ask: truthful, onRound: (r) => rounds.push(r) });
    expect(review.end).toBe("budget");
    expect(review.labels).toHaveLength(50);
    expect(review.asked).toHaveLength(50);
    expect(new Set(review.asked.map((p) => unordered(p.a, p.b))).size).toBe(50);
    // Each round trains again, with every label given before it.
    expect(rounds.map((r) => r.round)).toEqual([1, 2, 3, 4, 5]);
    expect(rounds.slice(1).every((r, k) => r.labels === (k + 1) * 10)).toBe(true);
    expect(rounds[1]!.model.training.method).toBe("labels");
    // Each round asks pairs spread over the predicted matches and the pairs EM is least sure of.
    const first = review.asked.slice(0, 10).map((p) => p.match_probability);
    expect(first.some((p) => Math.abs(p - 0.5) < 0.1)).toBe(true);
    expect(first.some((p) => p >= 0.9)).toBe(true);
    const without = await f1();
    const withLabels = await f1(review.labels);
    expect(withLabels).toBeGreaterThanOrEqual(without);
    expect(without).toBeGreaterThan(0.9);
  });

  test("shows each pair with both records and the fields the comparisons read", async () => {
    const pairs: ReviewPair[] = [];
    const review = await reviewPairs({ records: data.records }, "auto", {
      idField: data.idField,
      budget: 2,
      ask: (pair) => {
        pairs.push(pair);
        return "distinct";
      },
    });
    expect(pairs.map((p) => p.number)).toEqual([1, 2]);
    expect(pairs[0]!.left[data.idField]).toBe(pairs[0]!.a);
    expect(pairs[0]!.right[data.idField]).toBe(pairs[0]!.b);
    expect(pairs[0]!.fields).toEqual(expect.arrayContaining(["first_name", "surname"]));
    expect(review.config.comparisons.length).toBeGreaterThan(0);
  });
});

describe("reviewPairs", () => {
  const { crm, erp, truth } = crmErp();
  const linked = new Set(truth.map(([a, b]) => `${a}|${b}`));
  const truthful = (pair: ReviewPair): ReviewAnswer => (linked.has(`${pair.a}|${pair.b}`) ? "match" : "distinct");

  test("links two sources: a is the left id, b the right one", async () => {
    const review = await reviewPairs({ left: crm, right: erp }, "auto", { budget: 12, roundSize: 4, ask: truthful });
    expect(review.labels).toHaveLength(12);
    expect(review.rounds).toBe(3);
    for (const l of review.labels) {
      expect(l.a).toMatch(/^C/);
      expect(l.b).toMatch(/^E/);
    }
  });

  test("never asks a pair that earlier labels hold, and keeps those labels first", async () => {
    const first = await reviewPairs({ left: crm, right: erp }, "auto", { budget: 10, ask: truthful });
    const asked: string[] = [];
    const second = await reviewPairs({ left: crm, right: erp }, "auto", {
      budget: 10,
      labels: first.labels,
      ask: (pair) => {
        asked.push(`${pair.a}|${pair.b}`);
        return truthful(pair);
      },
    });
    const before = new Set(first.labels.map((l) => `${l.a}|${l.b}`));
    expect(asked).toHaveLength(10);
    expect(asked.filter((k) => before.has(k))).toEqual([]);
    expect(second.labels.slice(0, 10)).toEqual(first.labels);
    expect(second.labels).toHaveLength(20);
  });

  test("records unsure answers as asked, not as labels, and stops when told to", async () => {
    const answers: ReviewAnswer[] = ["unsure", "match", "unsure", "distinct", "stop"];
    const review = await reviewPairs({ left: crm, right: erp }, "auto", { ask: () => answers.shift()! });
    expect(review.end).toBe("stop");
    expect(review.asked.map((p) => p.answer)).toEqual(["unsure", "match", "unsure", "distinct"]);
    expect(review.labels.map((l) => l.match)).toEqual([true, false]);
  });

  test("trains without labels until they hold a match and a non-match", async () => {
    const rounds: ReviewRound[] = [];
    await reviewPairs({ left: crm, right: erp }, "auto", { budget: 30, ask: () => "distinct", onRound: (r) => rounds.push(r) });
    expect(rounds).toHaveLength(3);
    expect(rounds.every((r) => r.labels === 0 && r.model.training.method === "em")).toBe(true);
  });

  test("ends when every candidate pair was asked", async () => {
    const people = [
      { id: "1", name: "Ann Lee", city: "Leeds" },
      { id: "2", name: "Ann Lee", city: "Leeds" },
      { id: "3", name: "Bob Ray", city: "York" },
      { id: "4", name: "Rob Ray", city: "York" },
    ];
    const config: DedupeConfig = { blocking: { rules: [{ type: "key", on: ["city"] }] }, comparisons: [{ field: "name", type: "jaroWinkler" }] };
    const review = await reviewPairs({ records: people }, config, { ask: (pair) => (pair.a === "1" || pair.b === "1" ? "match" : "distinct") });
    expect(review.end).toBe("exhausted");
    expect(review.asked.map((p) => unordered(p.a, p.b)).sort()).toEqual(["1|2", "3|4"]);
  });

  test.each([
    [{ budget: 0 }, "budget must be a whole number, 1 or more; received 0."],
    [{ roundSize: 2.5 }, "roundSize must be a whole number, 1 or more; received 2.5."],
  ])("rejects %j", async (options, message) => {
    await expect(reviewPairs({ left: crm, right: erp }, "auto", { ask: () => "stop", ...options })).rejects.toMatchObject({ code: "CLEANSE_BAD_OPTION", message });
  });
});
