import { DataError, type DataRecord, type ProgressEvent } from "@cleanse/core";
import { beforeAll, describe, expect, test } from "vitest";
import { checkProgress } from "../_testing/checkProgress.ts";
import { loadFebrl1, loadSplinkFake1000 } from "../_testing/loadTestData.ts";
import { evaluateClusters } from "../evaluatePairs/evaluatePairs.ts";
import { dedupeRecords, type DedupeResult } from "./dedupeRecords.ts";

function f1Of(result: DedupeResult, idField: string, truth: Map<string, string>): number {
  const predicted = new Map(result.records.map((r) => [String(r[idField]), String(r.cluster_id)]));
  return evaluateClusters(predicted, truth).f1;
}

describe("dedupeRecords on febrl1 (zero-config)", () => {
  const data = loadFebrl1();
  let result: DedupeResult;
  beforeAll(async () => {
    result = await dedupeRecords(data.records, "auto", { idField: data.idField });
  });

  test("reaches a pairwise F1 of at least 0.99", () => {
    expect(f1Of(result, data.idField, data.truth)).toBeGreaterThanOrEqual(0.99);
  });

  test("adds cluster_id and match_probability to every record without dropping any", () => {
    expect(result.records).toHaveLength(1000);
    for (const r of result.records) {
      expect(typeof r.cluster_id).toBe("string");
      expect(r.match_probability).toBeGreaterThan(0);
      expect(r.match_probability).toBeLessThanOrEqual(1);
    }
    expect(result.records[0]!.given_name).toBe(data.records[0]!.given_name);
  });

  test("reports clusters, pairs, golden records with lineage, a model and stats", () => {
    expect(result.stats.multiRecordClusters).toBeGreaterThan(480);
    expect(result.clusters.every((c) => c.size >= 2)).toBe(true);
    expect(result.pairs.every((p) => p.match_probability >= result.stats.threshold)).toBe(true);
    expect(result.goldenRecords).toHaveLength(result.clusters.length);
    const g = result.goldenRecords[0]!;
    for (const [field, lineage] of Object.entries(g.lineage)) {
      expect(g.members).toContain(lineage.id);
      expect(data.records.find((r) => r.rec_id === lineage.id)![field]).toBe(g.record[field]);
    }
    expect(result.model.format).toBe("cleanse-dedupe-model");
    expect(result.model.lambda).toBeGreaterThan(0);
    expect(result.stats.blocking.rules.length).toBeGreaterThan(1);
    expect(result.stats.reductionRatio).toBeGreaterThan(0.99);
    expect(result.stats.emIterations).toBeGreaterThan(0);
    expect(result.stats.clusters + result.stats.duplicates).toBe(1000);
  });

  test("trains until EM converges, well before the iteration cap", () => {
    expect(result.stats.emConverged).toBe(true);
    expect(result.stats.emIterations).toBeLessThan(50);
    expect(result.model.training.lastChange).toBeLessThan(1e-5);
    expect(result.stats.warnings.filter((w) => w.startsWith("EM"))).toEqual([]);
  });

  test("lists the least certain candidate pairs for review", () => {
    expect(result.uncertainPairs).toHaveLength(20);
    const distances = result.uncertainPairs.map((p) => Math.abs(p.match_weight));
    expect([...distances].sort((a, b) => a - b)).toEqual(distances);
    const nearest = Math.min(...result.pairs.map((p) => Math.abs(p.match_weight)));
    expect(distances[0]).toBeLessThanOrEqual(nearest);
  });
});

describe("dedupeRecords on splink fake_1000 (zero-config)", () => {
  test("reaches a pairwise F1 of at least 0.9", async () => {
    const data = loadSplinkFake1000();
    const result = await dedupeRecords(data.records, "auto", { idField: data.idField });
    expect(f1Of(result, data.idField, data.truth)).toBeGreaterThanOrEqual(0.9);
  });
});

describe("dedupeRecords on dates written in several forms", () => {
  // Ten people, each written twice: once with an ISO date of birth and once in another form the value kernel reads.
  const forms = [
    (y: number, m: number, d: number) => `${["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"][m - 1]} ${d}, ${y}`,
    (y: number, m: number, d: number) => `${y}年${m}月${d}日`,
    (y: number, m: number, d: number) => `${d} ${["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"][m - 1]} ${y}`,
    (y: number, m: number, d: number) => `${y}${String(m).padStart(2, "0")}${String(d).padStart(2, "0")}`,
  ];
  const names = ["margaret wong", "li wei", "anna lee", "peter brown", "zhang min", "chen jing", "omar haddad", "sofia rossi", "liu yang", "kenji sato"];
  const records: DataRecord[] = names.flatMap((name, k) => {
    const [y, m, d] = [1950 + k * 3, (k % 12) + 1, 7 + k];
    const iso = `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
    return [
      { id: `${k}a`, name, dob: iso },
      { id: `${k}b`, name: k % 2 === 0 ? name : `${name}e`, dob: forms[k % forms.length]!(y, m, d) },
    ];
  });
  const config = {
    blocking: { rules: [{ type: "key" as const, on: [{ field: "dob", transform: "date" as const }] }] },
    comparisons: [
      { field: "name", type: "jaroWinkler" as const },
      { field: "dob", type: "date" as const },
    ],
    em: { initialLambda: 0.5 },
  };

  test("blocks on the calendar date and finds every pair as the same date", async () => {
    const result = await dedupeRecords(records, config, { threshold: 0.5 });
    expect(result.stats.candidatePairs).toBe(10);
    expect(result.clusters.map((c) => [...c.members].sort())).toEqual(names.map((_, k) => [`${k}a`, `${k}b`]));
    const dob = result.model.comparisons.find((c) => c.name === "dob")!;
    expect(dob.levels[1]!.label).toBe("exact");
  });
});

describe("dedupeRecords", () => {
  const people: DataRecord[] = [
    { id: 1, name: "John Smith", dob: "1980-01-02", city: "Sydney" },
    { id: 2, name: "Jon Smith", dob: "1980-01-02", city: "Sydney" },
    { id: 3, name: "Anna Lee", dob: "1975-05-05", city: "Perth" },
    { id: 4, name: "Peter Brown", dob: "1990-09-09", city: "Hobart" },
  ];
  const config = {
    blocking: { rules: [{ type: "key" as const, on: ["dob"] }] },
    comparisons: [
      { field: "name", type: "jaroWinkler" as const },
      { field: "city", type: "exact" as const },
    ],
  };

  test("accepts an async iterable and a YAML configuration", async () => {
    async function* stream() {
      yield* people;
    }
    const yaml = "blocking: { rules: [{ type: key, on: [dob] }] }\ncomparisons: [{ field: name, type: jaroWinkler }, { field: city, type: exact }]";
    const result = await dedupeRecords(stream(), yaml, { threshold: 0.5 });
    expect(result.records).toHaveLength(4);
    expect(result.stats.candidatePairs).toBe(1);
  });

  test("warns when EM does not converge", async () => {
    const result = await dedupeRecords(loadFebrl1().records.slice(0, 200), "auto", { idField: "rec_id" });
    const capped = await dedupeRecords(loadFebrl1().records.slice(0, 200), { ...result.config, em: { maxIterations: 1, tolerance: 1e-12 } }, { idField: "rec_id" });
    expect(capped.stats.emConverged).toBe(false);
    expect(capped.stats.warnings).toContainEqual(expect.stringMatching(/^EM did not converge after 1 iteration \(last change \d[\d.e-]*\); match probabilities may be off\./));
  });

  test("trains from labelled pairs and checks a model against labels", async () => {
    const labels = { use: "train" as const, pairs: [{ a: 1, b: 2, match: true }, { a: 3, b: 4, match: false }] };
    const trained = await dedupeRecords(people, config, { labels });
    expect(trained.model.training.method).toBe("labels");
    expect(trained.model.training.labelledPairs).toBe(2);
    const checked = await dedupeRecords(people, config, { threshold: 0.5, labels: { ...labels, use: "check" } });
    expect(checked.labelCheck).toMatchObject({ pairs: 2, trueNegatives: 1 });
  });

  test("chooses how much labels weigh by how well the model then does on them", async () => {
    const { records, truth } = loadSplinkFake1000();
    const plain = await dedupeRecords(records, "auto", { idField: "unique_id" });
    // Forty pairs the unlabelled model is least sure of, labelled from the truth.
    const pairs = plain.uncertainPairs.slice(0, 40).map((p) => ({ a: p.a, b: p.b, match: truth.get(p.a) === truth.get(p.b) }));
    const onLabels = (r: DedupeResult): number => {
      const cluster = new Map(r.records.map((x) => [String(x.unique_id), String(x.cluster_id)]));
      return pairs.filter((p) => (cluster.get(p.a) === cluster.get(p.b)) === p.match).length;
    };
    const trained = await dedupeRecords(records, "auto", { idField: "unique_id", uncertainPairs: 40, labels: { use: "train", pairs } });
    const weight = trained.model.training.labelWeight!;
    expect(weight === 0 || weight === 1 || weight > 1).toBe(true);
    // The choice scores pairs, the clusters close them transitively: a pair or two may differ.
    expect(onLabels(trained)).toBeGreaterThanOrEqual(onLabels(plain) - 2);
  });

  test.each([
    [[{ id: 1 }, { name: "x" }], "CLEANSE_DEDUPE_MISSING_ID"],
    [[{ id: 1 }, { id: "1" }], "CLEANSE_DEDUPE_DUPLICATE_ID"],
  ])("throws a DataError for records without unique ids (%j)", async (records, code) => {
    const error = await dedupeRecords(records, config).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataError);
    expect((error as DataError).code).toBe(code);
    expect((error as DataError).location).toEqual({ file: "input", record: 2 });
  });

  test("rejects an invalid configuration with every problem named", async () => {
    await expect(dedupeRecords(people, { blocking: { rules: [] }, comparisons: [] } as never)).rejects.toThrowErrorMatchingInlineSnapshot(
      `[ConfigError: Invalid dedupe configuration: expected the documented shape, received 2 problems: blocking.rules: Too small: expected array to have >=1 items; comparisons: Too small: expected array to have >=1 items]`,
    );
  });
});

describe("dedupeRecords progress", () => {
  const data = loadFebrl1();

  test("reports blocking, comparing, training, scoring, clustering and golden records, in order", async () => {
    const events: ProgressEvent[] = [];
    const result = await dedupeRecords(data.records, "auto", { idField: data.idField, onProgress: (e) => events.push(e) });
    expect(checkProgress(events)).toEqual(["blocking", "comparing", "training", "scoring", "clustering", "golden"]);
    const last = (phase: string) => events.filter((e) => e.phase === phase).at(-1)!;
    expect(last("blocking")).toMatchObject({ unit: "rules", done: result.stats.blocking.rules.length, counts: { pairs: result.stats.candidatePairs } });
    expect(last("comparing").unit).toBe("pairs");
    expect(last("comparing").done).toBeGreaterThanOrEqual(result.stats.candidatePairs);
    expect(last("training")).toMatchObject({ unit: "iterations", done: result.stats.emIterations });
    expect(last("scoring")).toMatchObject({ done: result.stats.candidatePairs, total: result.stats.candidatePairs });
    expect(last("clustering")).toMatchObject({ done: result.stats.candidatePairs, counts: { clusters: result.stats.multiRecordClusters } });
    expect(last("golden")).toMatchObject({ unit: "clusters", done: result.goldenRecords.length });
  });

  test("reports reading an input that is not an array, and no training with a model", async () => {
    const trained = await dedupeRecords(data.records.slice(0, 300), "auto", { idField: data.idField });
    async function* stream(): AsyncGenerator<DataRecord> {
      yield* data.records.slice(0, 300);
    }
    const events: ProgressEvent[] = [];
    await dedupeRecords(stream(), "auto", { idField: data.idField, model: trained.model, golden: false, onProgress: (e) => events.push(e) });
    expect(checkProgress(events)).toEqual(["reading", "blocking", "comparing", "scoring", "clustering"]);
    expect(events.find((e) => e.phase === "reading" && e.final)?.done).toBe(300);
  });

  test("stops comparing pairs when the signal aborts", async () => {
    const controller = new AbortController();
    const phases: string[] = [];
    const run = dedupeRecords(data.records, "auto", {
      idField: data.idField,
      signal: controller.signal,
      onProgress: (e) => {
        phases.push(e.phase);
        if (e.phase === "comparing") controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ code: "CLEANSE_ABORTED" });
    expect(phases).not.toContain("training");
  });
});
