import { getField, setField, type DataRecord } from "@cleanse/core";
import { createDateParser, parseIsoDateTime } from "@cleanse/values";
import { compareIds } from "../clustering/compareIds.ts";
import type { GoldenConfig, SurvivorshipRule } from "../config/dedupeConfigSchema.ts";

/** Where a golden record's value came from. */
export interface FieldLineage {
  /** Id of the record that gave the value. */
  readonly id: string;
  readonly rule: SurvivorshipRule;
  /**
   * True when no member had a valid value for the field: the value was chosen by the rule among values that
   * failed a rule or a standardization (see `invalidFields`).
   */
  readonly invalid?: true;
}

/** The best version of a cluster's entity, with the source of each value. */
export interface GoldenRecord {
  readonly cluster_id: string;
  readonly members: readonly string[];
  readonly record: DataRecord;
  /** Per field: the record that supplied the value and the rule that chose it. */
  readonly lineage: Readonly<Record<string, FieldLineage>>;
}

/** Options of {@link buildGoldenRecords}. */
export interface BuildGoldenRecordsOptions extends GoldenConfig {
  /** Field holding record ids. Default `id`. */
  readonly idField?: string;
  /**
   * Per record id, the fields whose value failed a rule or a standardization (`{ "C25": ["signup_date"] }`). Such
   * a value is never chosen over a valid value of another member; when every member's value is invalid, the
   * rule chooses among them and the lineage says `invalid: true`. A record's invalid `recencyField` makes it the
   * least recent for `mostRecent`.
   */
  readonly invalidFields?: Readonly<Record<string, readonly string[]>>;
}

/** Members of one cluster: its id and its member ids. */
export interface ClusterMembers {
  readonly cluster_id: string;
  readonly members: readonly string[];
}

function isEmpty(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "") || (typeof v === "number" && Number.isNaN(v));
}

function filled(r: DataRecord): number {
  let k = 0;
  for (const key in r) if (!isEmpty(r[key])) k++;
  return k;
}

const readTime = createDateParser();
const readEpochMs = createDateParser({ epoch: "milliseconds" });

/** Floating time of a recency value as the value kernel reads it (a number is Unix time in milliseconds). */
function timeOf(v: unknown): number {
  const r = typeof v === "number" ? readEpochMs(v) : readTime(v);
  if (!r.ok || r.value === null) return Number.NEGATIVE_INFINITY;
  const t = parseIsoDateTime(r.value);
  return Number.isNaN(t) ? Number.NEGATIVE_INFINITY : t;
}

function canonical(v: unknown): string {
  return typeof v === "string" ? v.trim().toLowerCase().replace(/\s+/g, " ") : JSON.stringify(v);
}

/**
 * Builds one golden record per cluster by survivorship rules per field: `mostRecent` (by
 * `recencyField`), `mostComplete` (from the record with the most filled fields), `mostFrequent`,
 * `sourcePriority` (by `sourceField` in `sourcePriority` order) and `longest`. Empty values never win, and a
 * value listed in `invalidFields` never wins over a valid one. Each value's lineage names the record it came from.
 * @param records - the records, each with its id in `idField`
 * @param clusters - clusters to merge (usually those with two or more members)
 * @param options - rules per field and the fields they read
 * @returns the golden records, in cluster order
 * @example
 * buildGoldenRecords([{ id: "1", name: "Jon" }, { id: "2", name: "Jonathan" }], [{ cluster_id: "1", members: ["1", "2"] }], { default: "longest" })[0]?.lineage.name
 * //=> { id: "2", rule: "longest" }
 */
export function buildGoldenRecords(
  records: readonly DataRecord[],
  clusters: readonly ClusterMembers[],
  options: BuildGoldenRecordsOptions = {},
): GoldenRecord[] {
  const idField = options.idField ?? "id";
  const byId = new Map<string, DataRecord>();
  for (const r of records) byId.set(String(r[idField]), r);
  const fallback = options.default ?? "mostComplete";
  const priority = new Map<string, number>();
  (options.sourcePriority ?? []).forEach((s, k) => priority.set(s.toLowerCase(), k));
  const invalid = new Map<string, ReadonlySet<string>>();
  for (const [id, list] of Object.entries(options.invalidFields ?? {})) if (list.length > 0) invalid.set(id, new Set(list));
  const isInvalid = (id: string, field: string): boolean => invalid.get(id)?.has(field) === true;
  const out: GoldenRecord[] = [];
  for (const cluster of clusters) {
    const members = cluster.members.map((id) => ({ id, r: byId.get(id) })).filter((m): m is { id: string; r: DataRecord } => m.r !== undefined);
    if (members.length === 0) continue;
    const complete = [...members].sort((a, b) => filled(b.r) - filled(a.r) || compareIds(a.id, b.id));
    const orders = new Map<SurvivorshipRule, typeof members>();
    const orderFor = (rule: SurvivorshipRule): typeof members => {
      let o = orders.get(rule);
      if (o) return o;
      if (rule === "mostRecent" && options.recencyField !== undefined) {
        const f = options.recencyField;
        const time = new Map(complete.map((m) => [m, isInvalid(m.id, f) ? Number.NEGATIVE_INFINITY : timeOf(getField(m.r, f))]));
        o = [...complete].sort((a, b) => {
          const ta = time.get(a)!;
          const tb = time.get(b)!;
          return ta === tb ? 0 : tb > ta ? 1 : -1;
        });
      } else if (rule === "sourcePriority" && options.sourceField !== undefined) {
        const f = options.sourceField;
        const rank = (r: DataRecord): number => priority.get(String(getField(r, f) ?? "").toLowerCase()) ?? priority.size;
        o = [...complete].sort((a, b) => rank(a.r) - rank(b.r));
      } else o = complete;
      orders.set(rule, o);
      return o;
    };
    const fields: string[] = [];
    const seen = new Set<string>();
    for (const m of complete) for (const k of Object.keys(m.r)) if (!seen.has(k)) {
      seen.add(k);
      fields.push(k);
    }
    const record: DataRecord = {};
    const lineage: Record<string, FieldLineage> = {};
    for (const field of fields) {
      if (field === idField) continue;
      const rule = options.fields?.[field] ?? fallback;
      // Candidates: members with a valid value; only when there is none, members with an invalid one.
      const checkValidity = invalid.size > 0 && complete.some((m) => isInvalid(m.id, field));
      const onlyInvalid = checkValidity && !complete.some((m) => !isEmpty(getField(m.r, field)) && !isInvalid(m.id, field));
      const inPool = (m: { id: string; r: DataRecord }): boolean => !isEmpty(getField(m.r, field)) && (!checkValidity || onlyInvalid || !isInvalid(m.id, field));
      let pick: { id: string; r: DataRecord } | undefined;
      if (rule === "mostFrequent") {
        // The most frequent value (case and spacing aside), in its most frequent spelling.
        const counts = new Map<string, { n: number; spellings: Map<string, { n: number; first: { id: string; r: DataRecord } }> }>();
        for (const m of complete) {
          if (!inPool(m)) continue;
          const v = getField(m.r, field);
          const key = canonical(v);
          const spelling = typeof v === "string" ? v.trim() : JSON.stringify(v);
          const c = counts.get(key) ?? counts.set(key, { n: 0, spellings: new Map() }).get(key)!;
          c.n++;
          const sp = c.spellings.get(spelling);
          if (sp) sp.n++;
          else c.spellings.set(spelling, { n: 1, first: m });
        }
        let best = 0;
        for (const c of counts.values()) if (c.n > best) {
          best = c.n;
          let top = 0;
          for (const sp of c.spellings.values()) if (sp.n > top) {
            top = sp.n;
            pick = sp.first;
          }
        }
      } else if (rule === "longest") {
        let best = -1;
        for (const m of complete) {
          if (!inPool(m)) continue;
          const len = String(getField(m.r, field)).trim().length;
          if (len > best) {
            best = len;
            pick = m;
          }
        }
      } else pick = orderFor(rule).find(inPool);
      if (pick) {
        setField(record, field, getField(pick.r, field));
        lineage[field] = onlyInvalid ? { id: pick.id, rule, invalid: true } : { id: pick.id, rule };
      } else setField(record, field, null);
    }
    out.push({ cluster_id: cluster.cluster_id, members: members.map((m) => m.id), record: { [idField]: cluster.cluster_id, ...record }, lineage });
  }
  return out;
}
