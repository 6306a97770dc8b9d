import { ConfigError, DataError } from "@cleanse/core";
import { beforeAll, describe, expect, test } from "vitest";
import { loadFebrl1 } from "../_testing/loadTestData.ts";
import { dedupeRecords, type DedupeResult } from "../dedupeRecords/dedupeRecords.ts";
import type { DedupeModel } from "../scoring/DedupeModel.ts";
import { createClusterStore, matchIntoClusters } from "./clusterStore.ts";
import { loadModel, saveModel } from "./saveModel.ts";

const data = loadFebrl1();
// Originals and their first duplicates go in first; the remaining duplicates arrive later.
const later = new Set(data.records.filter((r) => String(r.rec_id).endsWith("-dup-0")).slice(0, 100).map((r) => String(r.rec_id)));
const first = data.records.filter((r) => !later.has(String(r.rec_id)));
const second = data.records.filter((r) => later.has(String(r.rec_id)));
let base: DedupeResult;
beforeAll(async () => {
  base = await dedupeRecords(first, "auto", { idField: "rec_id" });
});

describe("saveModel / loadModel", () => {
  test("round-trips a trained model through JSON", () => {
    const text = saveModel(base.model);
    expect(loadModel(text)).toEqual(base.model);
    expect(loadModel(JSON.parse(text))).toEqual(base.model);
  });

  test.each([
    ["{ not json", /expected JSON/],
    [JSON.stringify({ format: "something-else" }), /Invalid dedupe model/],
  ])("rejects %s", (text, message) => {
    expect(() => loadModel(text)).toThrow(ConfigError);
    expect(() => loadModel(text)).toThrow(message);
  });

  test("counts the trained comparisons of a model that disagrees with its config, in the singular too", () => {
    const model = JSON.parse(saveModel(base.model)) as { comparisons: unknown[]; config: { comparisons: unknown[] } };
    const listed = model.config.comparisons.length;
    expect(() => loadModel({ ...model, comparisons: model.comparisons.slice(0, 1) })).toThrow(`it has 1 trained comparison but its config lists ${listed}.`);
    expect(() => loadModel({ ...model, comparisons: model.comparisons.slice(0, 2) })).toThrow(`it has 2 trained comparisons but its config lists ${listed}.`);
  });
});

describe("matchIntoClusters", () => {
  test("matches new records into existing clusters and keeps every existing cluster id", async () => {
    const store = createClusterStore(base.records, loadModel(saveModel(base.model)));
    expect(store.records).toHaveLength(first.length);
    const next = await matchIntoClusters(JSON.parse(JSON.stringify(store)), second, base.model);
    const before = new Map(store.records.map((r) => [r.id, r.cluster_id]));
    for (const r of next.store.records) if (before.has(r.id)) expect(r.cluster_id).toBe(before.get(r.id));
    // Each late duplicate joins the cluster of its original.
    let joined = 0;
    for (const r of next.records) {
      const original = String(r.rec_id).replace(/-dup-\d+$/, "-org");
      if (r.cluster_id === before.get(original)) joined++;
    }
    expect(joined).toBeGreaterThanOrEqual(98);
    expect(next.stats.added).toBe(second.length);
    expect(next.store.records).toHaveLength(data.records.length);
    expect(next.mergedClusters).toEqual([]);
    expect(next.pairs.length).toBeGreaterThanOrEqual(joined);
  });

  test("gives records that match nothing their own id as cluster id", async () => {
    const store = createClusterStore(base.records, base.model);
    const stranger = { rec_id: "new-1", given_name: "zebedee", surname: "quixotic", date_of_birth: "18000101", soc_sec_id: "0000001" };
    const next = await matchIntoClusters(store, [stranger], base.model);
    expect(next.records[0]).toMatchObject({ rec_id: "new-1", cluster_id: "new-1", match_probability: 1 });
    expect(next.stats.newClusters).toBe(1);
  });

  test("merges two existing clusters only when asked", async () => {
    const records = [
      { id: "1", name: "ann lee", city: "perth" },
      { id: "2", name: "anne lee", city: "perth" },
      { id: "3", name: "anne lea", city: "perth" },
    ];
    const model: DedupeModel = {
      format: "cleanse-dedupe-model",
      version: 1,
      mode: "dedupe",
      config: {
        threshold: 0.5,
        blocking: { rules: [{ type: "key", on: ["city"] }] },
        comparisons: [{ field: "name", type: "jaroWinkler", thresholds: [0.85] }],
      },
      lambda: 0.5,
      populationLambda: 0.1,
      comparisons: [
        {
          name: "name",
          fields: ["name"],
          type: "jaroWinkler",
          levels: [
            { label: "null", kind: "null", m: 1, u: 1 },
            { label: "exact", kind: "exact", m: 0.5, u: 0.01 },
            { label: "jaro-winkler >= 0.85", kind: "close", m: 0.45, u: 0.04 },
            { label: "else", kind: "else", m: 0.05, u: 0.95 },
          ],
        },
      ],
      training: { method: "fixed", records: 0, candidatePairs: 0, trainingPairs: 0, uSamplePairs: 0, emIterations: 0, converged: true },
    };
    const store = {
      format: "cleanse-dedupe-clusters" as const,
      version: 1 as const,
      idField: "id",
      fields: ["name", "city"],
      records: [
        { id: "1", cluster_id: "1", values: { name: "ann lee", city: "perth" } },
        { id: "3", cluster_id: "3", values: { name: "anne lea", city: "perth" } },
      ],
    };
    const keep = await matchIntoClusters(store, [records[1]!], model);
    expect(keep.store.records.map((r) => r.cluster_id)).toEqual(["1", "3", "1"]);
    const merge = await matchIntoClusters(store, [records[1]!], model, { mergeExisting: true });
    expect(merge.mergedClusters).toEqual([{ from: "3", into: "1" }]);
    expect(merge.store.records.map((r) => r.cluster_id)).toEqual(["1", "1", "1"]);
  });

  test("refuses new records whose ids the store already holds", async () => {
    const store = createClusterStore(base.records, base.model);
    await expect(matchIntoClusters(store, [first[0]!], base.model)).rejects.toBeInstanceOf(DataError);
  });
});
