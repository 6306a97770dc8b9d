import type { DateOrder } from "@cleanse/values";
import type { ClusteringMethod } from "../clustering/clusterPairs.ts";
import type {
  BlockingRule,
  ComparisonConfig,
  DedupeConfig,
  GoldenConfig,
  KeyPartConfig,
  KeySpec,
  SurvivorshipRule,
} from "./dedupeConfigSchema.ts";

/** A key part with its defaults filled in. */
export interface ResolvedKeyPart {
  readonly field: string;
  readonly transform: NonNullable<KeyPartConfig["transform"]>;
  readonly length: number | undefined;
  /** Day/month order for the `date` and `year` transforms. */
  readonly order: DateOrder | undefined;
}

export type ResolvedBlockingRule =
  | { readonly type: "key"; readonly name: string; readonly on: readonly ResolvedKeyPart[] }
  | { readonly type: "sortedNeighbourhood"; readonly name: string; readonly on: readonly ResolvedKeyPart[]; readonly window: number }
  | {
      readonly type: "lsh";
      readonly name: string;
      readonly on: readonly string[];
      readonly q: number;
      readonly bands: number;
      readonly rows: number;
      readonly seed: number;
    }
  | { readonly type: "tokens"; readonly name: string; readonly on: readonly string[]; readonly neighbours: number; readonly maxBlockSize: number | undefined };

export interface ResolvedComparison {
  readonly name: string;
  readonly fields: readonly string[];
  readonly config: ComparisonConfig;
}

export interface ResolvedConfig {
  readonly idField: string;
  readonly threshold: number;
  readonly rules: readonly ResolvedBlockingRule[];
  readonly maxBlockSize: number;
  readonly oversizedWindow: number;
  readonly comparisons: readonly ResolvedComparison[];
  readonly em: {
    readonly maxIterations: number;
    readonly tolerance: number;
    readonly fixU: boolean;
    readonly uSampleSize: number;
    readonly maxTrainingPairs: number;
    readonly seed: number;
    readonly initialLambda: number | undefined;
  };
  readonly clusteringMethod: ClusteringMethod;
  readonly chaining: "off" | "flag" | "split";
  readonly chainingMinProbability: number;
  readonly golden: GoldenConfig & { readonly default: SurvivorshipRule };
  readonly nullValues: readonly string[] | undefined;
}

/** Date orders of fields compared as dates, which date keys on the same field inherit. */
export type DateOrders = ReadonlyMap<string, DateOrder>;

/** The date order each field's `date` comparison declares. */
export function dateOrdersOf(comparisons: readonly ComparisonConfig[]): DateOrders {
  const out = new Map<string, DateOrder>();
  for (const c of comparisons) {
    if (c.type === "date" && c.order !== undefined && typeof c.field === "string" && !out.has(c.field)) out.set(c.field, c.order);
  }
  return out;
}

export function resolveKeyPart(spec: KeySpec, orders?: DateOrders): ResolvedKeyPart {
  if (typeof spec === "string") return { field: spec, transform: "exact", length: undefined, order: undefined };
  const transform = spec.transform ?? "exact";
  const order = transform === "date" || transform === "year" ? (spec.order ?? orders?.get(spec.field)) : undefined;
  return { field: spec.field, transform, length: spec.length, order };
}

function keyPartName(part: ResolvedKeyPart): string {
  if (part.transform === "exact") return part.field;
  return `${part.transform}${part.length === undefined ? "" : part.length}(${part.field})`;
}

function ruleName(rule: BlockingRule): string {
  if (rule.name !== undefined) return rule.name;
  if (rule.type === "key") return rule.on.map((s) => keyPartName(resolveKeyPart(s))).join(" & ");
  if (rule.type === "sortedNeighbourhood") return `sorted(${rule.on.map((s) => keyPartName(resolveKeyPart(s))).join(", ")}; window ${rule.window ?? 5})`;
  if (rule.type === "tokens") return `tokens(${rule.on.join(" ")}; ${rule.neighbours ?? 10} per record)`;
  return `lsh(${rule.on.join(" ")}; q=${rule.q ?? 3}, ${rule.bands ?? 8}x${rule.rows ?? 3})`;
}

export function resolveRule(rule: BlockingRule, index: number, orders?: DateOrders): ResolvedBlockingRule {
  const name = ruleName(rule);
  const part = (spec: KeySpec): ResolvedKeyPart => resolveKeyPart(spec, orders);
  if (rule.type === "key") return { type: "key", name, on: rule.on.map(part) };
  if (rule.type === "sortedNeighbourhood") return { type: "sortedNeighbourhood", name, on: rule.on.map(part), window: rule.window ?? 5 };
  if (rule.type === "tokens") return { type: "tokens", name, on: rule.on, neighbours: rule.neighbours ?? 10, maxBlockSize: rule.maxBlockSize };
  return { type: "lsh", name, on: rule.on, q: rule.q ?? 3, bands: rule.bands ?? 8, rows: rule.rows ?? 3, seed: rule.seed ?? 1 + index };
}

export function resolveComparison(c: ComparisonConfig): ResolvedComparison {
  const fields = typeof c.field === "string" ? [c.field] : [...c.field];
  return { name: c.name ?? fields.join("+"), fields, config: c };
}

/** Fills every default of a validated configuration. */
export function resolveConfig(config: DedupeConfig, idField?: string): ResolvedConfig {
  const comparisons = config.comparisons.map(resolveComparison);
  const seen = new Set<string>();
  const unique = comparisons.map((c) => {
    let n = c.name;
    for (let k = 2; seen.has(n); k++) n = `${c.name}#${k}`;
    seen.add(n);
    return n === c.name ? c : { ...c, name: n };
  });
  const em = config.em ?? {};
  const orders = dateOrdersOf(config.comparisons);
  return {
    idField: idField ?? config.idField ?? "id",
    threshold: config.threshold ?? 0.9,
    rules: config.blocking.rules.map((rule, index) => resolveRule(rule, index, orders)),
    maxBlockSize: config.blocking.maxBlockSize ?? 1000,
    oversizedWindow: config.blocking.oversizedWindow ?? 10,
    comparisons: unique,
    em: {
      maxIterations: em.maxIterations ?? 100,
      tolerance: em.tolerance ?? 1e-5,
      fixU: em.fixU ?? false,
      uSampleSize: em.uSampleSize ?? 100_000,
      maxTrainingPairs: em.maxTrainingPairs ?? 2_000_000,
      seed: em.seed ?? 42,
      initialLambda: em.initialLambda,
    },
    clusteringMethod: config.clustering?.method ?? "connected",
    chaining: config.clustering?.chaining ?? "flag",
    chainingMinProbability: config.clustering?.chainingMinProbability ?? 0.01,
    golden: { ...config.golden, default: config.golden?.default ?? "mostComplete" },
    nullValues: config.nullValues,
  };
}
