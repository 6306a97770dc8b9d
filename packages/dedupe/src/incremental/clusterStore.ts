import { DataError, type DataRecord } from "@cleanse/core";
import { toNullSet } from "../_internal/normalize.ts";
import { readRecords } from "../_internal/readRecords.ts";
import { createTable } from "../_internal/table.ts";
import { createUnionFind } from "../_internal/unionFind.ts";
import { compareIds } from "../clustering/compareIds.ts";
import { resolveConfig } from "../config/resolveConfig.ts";
import type { MatchedPair } from "../dedupeRecords/dedupeRecords.ts";
import { toProbability } from "../scoring/compileModel.ts";
import type { DedupeModel } from "../scoring/DedupeModel.ts";
import { runMatching } from "../scoring/runMatching.ts";

/** One record of a cluster store: its id, cluster and the fields matching reads. */
export interface StoredRecord {
  readonly id: string;
  readonly cluster_id: string;
  readonly values: Readonly<Record<string, unknown>>;
}

/**
 * The deduplicated set so far, as plain JSON: every record's cluster and the field values needed to
 * match new records against it. Save it anywhere (file, database) between runs.
 */
export interface ClusterStore {
  readonly format: "cleanse-dedupe-clusters";
  readonly version: 1;
  readonly idField: string;
  /** Fields kept per record: those the model's comparisons and blocking rules read. */
  readonly fields: readonly string[];
  readonly records: readonly StoredRecord[];
}

/** Fields a model reads. */
function modelFields(model: DedupeModel): string[] {
  const config = resolveConfig(model.config);
  const set = new Set<string>();
  for (const c of config.comparisons) for (const f of c.fields) set.add(f);
  for (const r of config.rules) for (const p of r.on) set.add(typeof p === "string" ? p : p.field);
  return [...set];
}

/**
 * Builds a cluster store from records that already carry a `cluster_id` (e.g. `dedupeRecords(...).records`).
 * @param records - records with their id field and `cluster_id`
 * @param model - the model they were matched with (its fields are kept)
 * @returns the store
 * @example
 * const store = createClusterStore(result.records, result.model);
 * store.records.length === result.records.length //=> true
 */
export function createClusterStore(records: readonly DataRecord[], model: DedupeModel): ClusterStore {
  const idField = model.config.idField ?? "id";
  const fields = modelFields(model);
  return {
    format: "cleanse-dedupe-clusters",
    version: 1,
    idField,
    fields,
    records: records.map((r) => {
      const values: Record<string, unknown> = {};
      for (const f of fields) if (r[f] !== undefined) values[f] = r[f];
      const id = String(r[idField]);
      return { id, cluster_id: r.cluster_id === undefined || r.cluster_id === null ? id : String(r.cluster_id), values };
    }),
  };
}

/** Options of {@link matchIntoClusters}. */
export interface MatchIntoClustersOptions {
  /** Match probability threshold. Default: the model's. */
  readonly threshold?: number;
  /**
   * When a new record links two existing clusters: false (default) joins it to the one it matches best
   * and leaves both ids alone; true merges them under the smaller cluster id.
   */
  readonly mergeExisting?: boolean;
  readonly workers?: number | "auto";
  readonly signal?: AbortSignal;
}

/** Result of {@link matchIntoClusters}. */
export interface IncrementalResult {
  /** The new records with `cluster_id` and `match_probability` added. */
  readonly records: DataRecord[];
  /** The store with the new records added (and merges applied). */
  readonly store: ClusterStore;
  /** Scored pairs involving a new record, at or above the threshold. */
  readonly pairs: MatchedPair[];
  /** Existing clusters merged into others (only with `mergeExisting`). */
  readonly mergedClusters: readonly { readonly from: string; readonly into: string }[];
  readonly stats: {
    readonly existing: number;
    readonly added: number;
    readonly joinedExisting: number;
    readonly newClusters: number;
    readonly candidatePairs: number;
    readonly totalMs: number;
  };
}

/**
 * Matches new records into an existing deduplicated set with a trained model, without re-running
 * training or re-clustering old records: only pairs with a new record are blocked and scored. Existing
 * cluster ids never change (unless `mergeExisting` merges two clusters); new clusters take the smallest id
 * of their new records.
 * @param store - the cluster store from earlier runs
 * @param records - the new records, with ids not yet in the store
 * @param model - the trained model
 * @param options - threshold and merge policy
 * @returns new records with cluster ids, the updated store and the pairs found
 * @example
 * const next = await matchIntoClusters(store, todaysRecords, model);
 * next.records[0]?.cluster_id //=> "1042" (an existing cluster) or the record's own id
 */
export async function matchIntoClusters(
  store: ClusterStore,
  records: AsyncIterable<DataRecord> | Iterable<DataRecord>,
  model: DedupeModel,
  options: MatchIntoClustersOptions = {},
): Promise<IncrementalResult> {
  const t0 = performance.now();
  const idField = store.idField;
  const fresh = await readRecords(records, idField, "new records", options.signal);
  const oldIds = store.records.map((r) => r.id);
  const known = new Set(oldIds);
  fresh.ids.forEach((id, k) => {
    if (known.has(id)) {
      throw new DataError(`New record ${k + 1} has id "${id}", which the cluster store already holds: expected new ids.`, {
        code: "CLEANSE_DEDUPE_DUPLICATE_ID",
        location: { file: "new records", record: k + 1 },
      });
    }
  });
  const oldRecords: DataRecord[] = store.records.map((r) => ({ ...r.values, [idField]: r.id }));
  const all = [...oldRecords, ...fresh.records];
  const ids = [...oldIds, ...fresh.ids];
  const nOld = oldRecords.length;
  const n = all.length;
  const source = new Uint8Array(n);
  source.fill(1, nOld);
  const config = resolveConfig(model.config, idField);
  const threshold = options.threshold ?? config.threshold;
  const matched = await runMatching({
    table: createTable(all, toNullSet(config.nullValues), source),
    ids,
    config,
    rawConfig: model.config,
    mode: "incremental",
    model,
    workers: options.workers,
    signal: options.signal,
  });

  // Old records start in their clusters; new links are added best first.
  const uf = createUnionFind(n);
  const oldCluster = new Map<number, string>();
  const firstOf = new Map<string, number>();
  store.records.forEach((r, i) => {
    const first = firstOf.get(r.cluster_id);
    if (first === undefined) firstOf.set(r.cluster_id, i);
    else uf.union(first, i);
  });
  for (const [cid, i] of firstOf) oldCluster.set(uf.find(i), cid);
  const links: { i: number; j: number; p: number; w: number }[] = [];
  for (let k = 0; k < matched.codes.length; k++) {
    const w = matched.weights[k]!;
    const p = toProbability(w);
    if (p < threshold) continue;
    const i = Math.floor(matched.codes[k]! / n);
    links.push({ i, j: matched.codes[k]! - i * n, p, w });
  }
  links.sort((a, b) => b.w - a.w);
  const merged: { from: string; into: string }[] = [];
  const best = new Float64Array(n);
  for (const l of links) {
    const ra = uf.find(l.i);
    const rb = uf.find(l.j);
    if (ra === rb) {
      best[l.i] = Math.max(best[l.i]!, l.p);
      best[l.j] = Math.max(best[l.j]!, l.p);
      continue;
    }
    const ca = oldCluster.get(ra);
    const cb = oldCluster.get(rb);
    if (ca !== undefined && cb !== undefined && ca !== cb) {
      if (!options.mergeExisting) continue;
      const [keep, drop] = compareIds(ca, cb) <= 0 ? [ca, cb] : [cb, ca];
      merged.push({ from: drop, into: keep });
    }
    uf.union(ra, rb);
    const root = uf.find(ra);
    const cid = ca !== undefined && cb !== undefined ? (compareIds(ca, cb) <= 0 ? ca : cb) : (ca ?? cb);
    oldCluster.delete(ra);
    oldCluster.delete(rb);
    if (cid !== undefined) oldCluster.set(root, cid);
    best[l.i] = Math.max(best[l.i]!, l.p);
    best[l.j] = Math.max(best[l.j]!, l.p);
  }
  const newId = new Map<number, string>();
  for (let i = nOld; i < n; i++) {
    const r = uf.find(i);
    if (oldCluster.has(r)) continue;
    const cur = newId.get(r);
    if (cur === undefined || compareIds(ids[i]!, cur) < 0) newId.set(r, ids[i]!);
  }
  const clusterOf = (i: number): string => {
    const r = uf.find(i);
    return oldCluster.get(r) ?? newId.get(r)!;
  };
  const renamed = new Map(merged.map((m) => [m.from, m.into]));
  const resolve = (cid: string): string => {
    let c = cid;
    for (let guard = 0; renamed.has(c) && guard < 1000; guard++) c = renamed.get(c)!;
    return c;
  };
  const out: DataRecord[] = [];
  let joined = 0;
  const sizes = new Map<number, number>();
  for (let i = 0; i < n; i++) sizes.set(uf.find(i), (sizes.get(uf.find(i)) ?? 0) + 1);
  for (let i = nOld; i < n; i++) {
    const cid = resolve(clusterOf(i));
    if (oldCluster.has(uf.find(i))) joined++;
    out.push({ ...fresh.records[i - nOld], cluster_id: cid, match_probability: sizes.get(uf.find(i))! > 1 ? best[i]! : 1 });
  }
  const pairs: MatchedPair[] = links.map((l) => ({ a: ids[l.i]!, b: ids[l.j]!, match_probability: l.p, match_weight: l.w }));
  const fields = store.fields;
  const stored: StoredRecord[] = [
    ...store.records.map((r) => (renamed.has(r.cluster_id) ? { ...r, cluster_id: resolve(r.cluster_id) } : r)),
    ...out.map((r) => {
      const values: Record<string, unknown> = {};
      for (const f of fields) if (r[f] !== undefined) values[f] = r[f];
      return { id: String(r[idField]), cluster_id: String(r.cluster_id), values };
    }),
  ];
  return {
    records: out,
    store: { ...store, records: stored },
    pairs,
    mergedClusters: merged,
    stats: {
      existing: nOld,
      added: fresh.records.length,
      joinedExisting: joined,
      newClusters: new Set([...newId.values()]).size,
      candidatePairs: matched.codes.length,
      totalMs: Math.round(performance.now() - t0),
    },
  };
}
