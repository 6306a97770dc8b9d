import { createPhoneParser, type DateOrder } from "@cleanse/values";
import { z } from "zod";
import type { ClusteringMethod } from "../clustering/clusterPairs.ts";

/** How a blocking key is derived from a field's value. */
export type KeyTransform =
  | "exact"
  | "prefix"
  | "soundex"
  | "metaphone"
  | "pinyinInitials"
  | "phoneDigits"
  | "emailLocal"
  | "firstToken"
  | "date"
  | "year"
  | "digits"
  | "initials"
  | "sortedTokens"
  | "orgName"
  | "codes";

/** One part of a blocking key: a field and an optional transform. */
export interface KeyPartConfig {
  readonly field: string;
  /** Defaults to `exact` (normalized text: trimmed, lower case, no diacritics). */
  readonly transform?: KeyTransform;
  /** Characters kept by `prefix` (default 3) or digits kept by `phoneDigits` (default 8, from the end). */
  readonly length?: number;
  /**
   * `date` and `year`: order of day and month for values such as `01/02/2023`, read by the value kernel
   * (`parseDate`). Defaults to the `order` of a `date` comparison of the same field; without one such values
   * give no key.
   */
  readonly order?: DateOrder;
}

/** A field name (exact key) or a field with a transform. */
export type KeySpec = string | KeyPartConfig;

/** Records whose keys are all equal form a block; every pair inside a block is a candidate. */
export interface KeyBlockingRule {
  readonly type: "key";
  readonly name?: string;
  readonly on: readonly KeySpec[];
}

/** Records sorted by a key; each is paired with the next `window - 1` records. */
export interface SortedNeighbourhoodRule {
  readonly type: "sortedNeighbourhood";
  readonly name?: string;
  readonly on: readonly KeySpec[];
  /** Defaults to 5. */
  readonly window?: number;
}

/** MinHash locality-sensitive hashing over character q-grams: catches typos inside the key. */
export interface LshBlockingRule {
  readonly type: "lsh";
  readonly name?: string;
  /** Fields joined with a space before q-grams are taken. */
  readonly on: readonly string[];
  /** Gram length, default 3. */
  readonly q?: number;
  /** Number of bands, default 8. */
  readonly bands?: number;
  /** MinHash rows per band, default 3. */
  readonly rows?: number;
  readonly seed?: number;
}

/**
 * Token blocking with pruning: records sharing a word that few records hold are candidates, and each record keeps
 * only its `neighbours` candidates whose shared words weigh most (summed inverse document frequency), in the
 * manner of meta-blocking's cardinality node pruning. Words are those of the `tfidf` comparison (quantities as
 * one word) and the model codes.
 */
export interface TokenBlockingRule {
  readonly type: "tokens";
  readonly name?: string;
  /** Fields joined with a space before words are taken. */
  readonly on: readonly string[];
  /** Candidates kept per record, default 10. */
  readonly neighbours?: number;
  /** Words held by more records than this are no block. Default: 2 x the square root of the records, at least 20. */
  readonly maxBlockSize?: number;
}

export type BlockingRule = KeyBlockingRule | SortedNeighbourhoodRule | LshBlockingRule | TokenBlockingRule;

export interface BlockingConfig {
  readonly rules: readonly BlockingRule[];
  /** Blocks larger than this are not expanded in full: a warning is raised and only neighbours
   * within `oversizedWindow` (sorted by the compared fields) are paired. Default 1,000. */
  readonly maxBlockSize?: number;
  /** Window used inside oversized blocks. Default 10. */
  readonly oversizedWindow?: number;
}

/** The comparison functions. */
export type ComparatorType =
  | "exact"
  | "levenshtein"
  | "damerauLevenshtein"
  | "jaroWinkler"
  | "jaccard"
  | "tokenSet"
  | "tfidf"
  | "codes"
  | "quantities"
  | "numeric"
  | "date"
  | "phone"
  | "email";

/** A multi-level comparison of one field (or of several fields joined by spaces). */
export interface ComparisonConfig {
  /** Label in explanations and the model. Defaults to the field names joined with `+`. */
  readonly name?: string;
  readonly field: string | readonly string[];
  readonly type: ComparatorType;
  /**
   * Level thresholds, from closest to farthest. Similarities in 0..1 for string comparators,
   * absolute (or relative with `relative`) differences for `numeric`, days for `date`.
   */
  readonly thresholds?: readonly number[];
  /** Edit-distance levels instead of similarities, for `levenshtein` and `damerauLevenshtein`. */
  readonly distances?: readonly number[];
  /** Weigh exact agreement by how common the value is. */
  readonly termFrequency?: boolean;
  /**
   * `text` (default), `pinyin` (Chinese characters compared through pinyin), `orgName` (organisation names without
   * their legal form: `Acme Co., Ltd.` and `ACME Limited` are both `acme`) or `none` (raw, case kept).
   */
  readonly normalize?: "text" | "pinyin" | "orgName" | "none";
  /** Gram length for `jaccard`, default 2. */
  readonly q?: number;
  /** `tfidf`: soft TF-IDF, where a word counts with its closest word of the other text (Jaro-Winkler >= 0.9). */
  readonly soft?: boolean;
  /** `numeric`: thresholds are relative differences (0.1 = 10 %). */
  readonly relative?: boolean;
  /** `phone`: trailing digits that must agree for the `same number` level, default 8. */
  readonly lastDigits?: number;
  /**
   * `date`: order of day and month for values such as `01/02/2023` (`dmy` or `mdy`; `ymd` for year-first
   * short forms). Without it such values are ambiguous: the value kernel refuses them and the pair has no
   * evidence on this comparison (the null level); they are never guessed.
   */
  readonly order?: DateOrder;
  /**
   * `phone`: ISO 3166 region of numbers written without a country code (`CN`, `AU`). With it every number is
   * read by the value kernel (`parsePhone`) and compared as E.164; numbers it refuses are no evidence.
   * Without it numbers are compared by their digits as written.
   */
  readonly region?: string;
}

/** Expectation-maximisation settings. */
export interface EmConfig {
  /** Default 100. */
  readonly maxIterations?: number;
  /** Stop when no parameter moves more than this. Default 1e-5. */
  readonly tolerance?: number;
  /** Keep the u-probabilities estimated from random pairs instead of re-estimating them. Default false. */
  readonly fixU?: boolean;
  /** Random record pairs drawn to estimate u. Default 100,000. */
  readonly uSampleSize?: number;
  /** Candidate pairs used by EM at most (a seeded sample when there are more). Default 2,000,000. */
  readonly maxTrainingPairs?: number;
  readonly seed?: number;
  /** Starting prior match probability among candidate pairs. Default: estimated. */
  readonly initialLambda?: number;
}

/** How linked records form clusters, and the guard against clusters chained together by weak links. */
export interface ClusteringConfig {
  /**
   * `connected` (connected components of the matching pairs, default), `center` (stars: a record joins a
   * centre, never a member), `mergeCenter` (stars whose centres match merge) or `agglomerative` (clusters
   * merge while the summed match weight of their scored pairs, below-threshold pairs included, favours a
   * match). See docs/dedupe.md, "Clusters and the chaining guard".
   */
  readonly method?: ClusteringMethod;
  /** `off`, `flag` (report chained clusters) or `split` (cut the weakest link until the conflicting
   * records part). Default `flag`. */
  readonly chaining?: "off" | "flag" | "split";
  /** A scored pair inside a cluster below this match probability marks the cluster as chained. Default 0.01. */
  readonly chainingMinProbability?: number;
}

/** How a golden record picks each field's value from its cluster. */
export type SurvivorshipRule = "mostRecent" | "mostComplete" | "mostFrequent" | "sourcePriority" | "longest";

export interface GoldenConfig {
  /** Rule for fields without their own. Default `mostComplete`. */
  readonly default?: SurvivorshipRule;
  readonly fields?: Readonly<Record<string, SurvivorshipRule>>;
  /** Date field read by `mostRecent`. */
  readonly recencyField?: string;
  /** Field naming each record's source system, read by `sourcePriority`. */
  readonly sourceField?: string;
  /** Sources from most to least trusted. */
  readonly sourcePriority?: readonly string[];
}

/** A dedupe or link configuration: the same shape users write in YAML. */
export interface DedupeConfig {
  /** Field holding each record's id. Default `id`. */
  readonly idField?: string;
  /** Match probability at or above which a pair is a match. Default 0.9. */
  readonly threshold?: number;
  readonly blocking: BlockingConfig;
  readonly comparisons: readonly ComparisonConfig[];
  readonly em?: EmConfig;
  readonly clustering?: ClusteringConfig;
  readonly golden?: GoldenConfig;
  /** Values treated as missing (compared case-insensitively after trimming). */
  readonly nullValues?: readonly string[];
}

const name = z.string().min(1).exactOptional();

/** Whether the value kernel reads phone numbers of this region. */
function isRegion(region: string): boolean {
  try {
    createPhoneParser({ region });
    return true;
  } catch {
    return false;
  }
}
const keyTransform = z.enum([
  "exact", "prefix", "soundex", "metaphone", "pinyinInitials", "phoneDigits",
  "emailLocal", "firstToken", "date", "year", "digits", "initials", "sortedTokens", "orgName", "codes",
]);
const dateOrder = z.enum(["dmy", "mdy", "ymd"]);
const keySpec = z.union([
  z.string().min(1),
  z.strictObject({
    field: z.string().min(1),
    transform: keyTransform.exactOptional(),
    length: z.int().positive().exactOptional(),
    order: dateOrder.exactOptional(),
  }),
]);
const blockingRule = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("key"), name, on: z.array(keySpec).min(1) }),
  z.strictObject({
    type: z.literal("sortedNeighbourhood"),
    name,
    on: z.array(keySpec).min(1),
    window: z.int().min(2).exactOptional(),
  }),
  z.strictObject({
    type: z.literal("lsh"),
    name,
    on: z.array(z.string().min(1)).min(1),
    q: z.int().min(1).max(8).exactOptional(),
    bands: z.int().min(1).max(64).exactOptional(),
    rows: z.int().min(1).max(16).exactOptional(),
    seed: z.int().exactOptional(),
  }),
  z.strictObject({
    type: z.literal("tokens"),
    name,
    on: z.array(z.string().min(1)).min(1),
    neighbours: z.int().min(1).max(1000).exactOptional(),
    maxBlockSize: z.int().min(2).exactOptional(),
  }),
]);
const comparatorType = z.enum([
  "exact", "levenshtein", "damerauLevenshtein", "jaroWinkler", "jaccard", "tokenSet", "tfidf", "codes", "quantities", "numeric", "date", "phone", "email",
]);
const comparison = z.strictObject({
  name,
  field: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]),
  type: comparatorType,
  thresholds: z.array(z.number().nonnegative()).max(6).exactOptional(),
  distances: z.array(z.int().nonnegative()).max(6).exactOptional(),
  termFrequency: z.boolean().exactOptional(),
  normalize: z.enum(["text", "pinyin", "orgName", "none"]).exactOptional(),
  q: z.int().min(1).max(6).exactOptional(),
  soft: z.boolean().exactOptional(),
  relative: z.boolean().exactOptional(),
  lastDigits: z.int().min(4).max(15).exactOptional(),
  order: dateOrder.exactOptional(),
  region: z
    .string()
    .regex(/^[A-Za-z]{2}$/, "expected an ISO 3166 alpha-2 region such as CN or US")
    .refine((r) => isRegion(r), { message: "expected a region libphonenumber knows, such as CN or US" })
    .exactOptional(),
});
const survivorship = z.enum(["mostRecent", "mostComplete", "mostFrequent", "sourcePriority", "longest"]);

const schema = z.strictObject({
  idField: z.string().min(1).exactOptional(),
  threshold: z.number().min(0).max(1).exactOptional(),
  blocking: z.strictObject({
    rules: z.array(blockingRule).min(1),
    maxBlockSize: z.int().min(2).exactOptional(),
    oversizedWindow: z.int().min(2).exactOptional(),
  }),
  comparisons: z.array(comparison).min(1),
  em: z
    .strictObject({
      maxIterations: z.int().nonnegative().exactOptional(),
      tolerance: z.number().positive().exactOptional(),
      fixU: z.boolean().exactOptional(),
      uSampleSize: z.int().positive().exactOptional(),
      maxTrainingPairs: z.int().positive().exactOptional(),
      seed: z.int().exactOptional(),
      initialLambda: z.number().gt(0).lt(1).exactOptional(),
    })
    .exactOptional(),
  clustering: z
    .strictObject({
      method: z.enum(["connected", "center", "mergeCenter", "agglomerative"]).exactOptional(),
      chaining: z.enum(["off", "flag", "split"]).exactOptional(),
      chainingMinProbability: z.number().min(0).max(1).exactOptional(),
    })
    .exactOptional(),
  golden: z
    .strictObject({
      default: survivorship.exactOptional(),
      fields: z.record(z.string(), survivorship).exactOptional(),
      recencyField: z.string().min(1).exactOptional(),
      sourceField: z.string().min(1).exactOptional(),
      sourcePriority: z.array(z.string()).exactOptional(),
    })
    .exactOptional(),
  nullValues: z.array(z.string()).exactOptional(),
});

/**
 * The zod schema of {@link DedupeConfig}: validates configuration written by users (YAML or JSON).
 * @example
 * dedupeConfigSchema.safeParse({ blocking: { rules: [{ type: "key", on: ["dob"] }] }, comparisons: [{ field: "name", type: "jaroWinkler" }] }).success //=> true
 */
export const dedupeConfigSchema: z.ZodType<DedupeConfig> = schema as unknown as z.ZodType<DedupeConfig>;
