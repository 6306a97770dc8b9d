import { AbortedError, collect, ConfigError, type DataRecord, type ProgressEvent } from "@cleanse/core";
import type { DedupeConfig } from "../config/dedupeConfigSchema.ts";
import { parseDedupeConfig } from "../config/parseDedupeConfig.ts";
import { dedupeRecords } from "../dedupeRecords/dedupeRecords.ts";
import { linkRecords, type LinkedPair } from "../linkRecords/linkRecords.ts";
import type { DedupeModel } from "../scoring/DedupeModel.ts";
import type { LabelledPair } from "../scoring/runMatching.ts";

type Records = AsyncIterable<DataRecord> | Iterable<DataRecord>;

/** What to review: the records of one source (dedupe), or a left and a right source (link); read once, kept in memory. */
export type ReviewInput = { readonly records: Records } | { readonly left: Records; readonly right: Records };

/** An answer to "are these two records the same entity?"; `stop` ends the review at once. */
export type ReviewAnswer = "match" | "distinct" | "unsure" | "stop";

/** A pair put to the reviewer. */
export interface ReviewPair {
  /** Id of the first record (the left record, when linking). */
  readonly a: string;
  /** Id of the second record (the right record, when linking). */
  readonly b: string;
  /** The record of `a`. */
  readonly left: DataRecord;
  /** The record of `b`. */
  readonly right: DataRecord;
  /** The fields the comparisons read, in the order of the configuration: the ones worth showing. */
  readonly fields: readonly string[];
  readonly match_probability: number;
  /** log2 match weight. */
  readonly match_weight: number;
  /** 1-based number of the question in this review. */
  readonly number: number;
  /** 1-based round: the model is trained again between rounds. */
  readonly round: number;
}

/** A pair that was asked, with its answer. */
export interface ReviewedPair {
  readonly a: string;
  readonly b: string;
  readonly answer: Exclude<ReviewAnswer, "stop">;
  /** Its match probability when it was asked. */
  readonly match_probability: number;
  readonly round: number;
}

/** A round of the review, as it starts. */
export interface ReviewRound {
  readonly round: number;
  /** Labels the model of this round was trained with (0: trained without labels). */
  readonly labels: number;
  /** Pairs this round asks at most. */
  readonly pairs: number;
  readonly model: DedupeModel;
}

/** Options of {@link reviewPairs}. */
export interface ReviewPairsOptions {
  /** Asks the reviewer about one pair. */
  readonly ask: (pair: ReviewPair) => ReviewAnswer | Promise<ReviewAnswer>;
  /** New labels (`match` or `distinct` answers) to collect at most. Default 50. */
  readonly budget?: number;
  /** Pairs asked between two trainings. Default 10. */
  readonly roundSize?: number;
  /** Labels from earlier reviews: trained with, and never asked again. */
  readonly labels?: readonly LabelledPair[];
  /** Field holding record ids (of both sides, when linking). Default: the config's `idField`, else `id`. */
  readonly idField?: string;
  readonly workers?: number | "auto";
  readonly signal?: AbortSignal;
  /** Called as each round starts, after its training. */
  readonly onRound?: (round: ReviewRound) => void;
  /** Receives the phases of each round's matching, as `dedupeRecords` or `linkRecords` reports them. */
  readonly onProgress?: (event: ProgressEvent) => void;
}

/** What a review collected. */
export interface ReviewResult {
  /** The labels given in `labels`, then the new ones, in the order they were given. */
  readonly labels: LabelledPair[];
  /** Every pair asked in this review with its answer, `unsure` ones included. */
  readonly asked: ReviewedPair[];
  /** `budget`: the budget was spent; `stop`: the reviewer stopped; `exhausted`: no candidate pair was left to ask. */
  readonly end: "budget" | "stop" | "exhausted";
  readonly rounds: number;
  /** The configuration the pairs were chosen with (the one zero-config chose, for `auto`). */
  readonly config: DedupeConfig;
}

interface Candidate {
  readonly a: string;
  readonly b: string;
  readonly match_probability: number;
  readonly match_weight: number;
}

interface Matched {
  /** The least certain candidate pairs, least certain first. */
  readonly candidates: readonly Candidate[];
  /** The pairs at or above the threshold. */
  readonly matches: readonly Candidate[];
  readonly model: DedupeModel;
  readonly config: DedupeConfig;
}

/** Trains a model with the labels (or without) and returns the `count` least certain candidate pairs. */
type Matcher = (config: DedupeConfig | "auto", labels: readonly LabelledPair[] | undefined, count: number) => Promise<Matched>;

/**
 * Active learning of a dedupe or link model: trains, asks the reviewer about the candidate pairs the model is
 * least sure of (match probability nearest 0.5) that were not asked before, and after each round trains again
 * with the labels so far (`labels: { use: "train" }` once there is at least one match and one non-match; until
 * then without labels), until the budget is spent, the reviewer stops or no pair is left. A pair is never asked
 * twice, nor one that `labels` already holds; an `unsure` answer counts as asked but is no label.
 * @param input - `{ records }` to deduplicate, or `{ left, right }` to link
 * @param config - a configuration (plain data or YAML text) or `auto`
 * @param options - the `ask` callback, budget, round size, earlier labels, id field
 * @throws ConfigError `CLEANSE_BAD_OPTION` for a budget or round size below 1, or an answer `ask` may not give
 * @returns every label (earlier and new), the pairs asked with their answers, and why the review ended
 * @example
 * const review = await reviewPairs({ records: customers }, "auto", { idField: "id", ask: async (pair) => (pair.left.email === pair.right.email ? "match" : "distinct") });
 * review.labels.length //=> 50
 */
export async function reviewPairs(input: ReviewInput, config: DedupeConfig | string | "auto", options: ReviewPairsOptions): Promise<ReviewResult> {
  const budget = options.budget ?? 50;
  const roundSize = options.roundSize ?? 10;
  for (const [name, value] of [["budget", budget], ["roundSize", roundSize]] as const) {
    if (!Number.isInteger(value) || value < 1) throw new ConfigError(`${name} must be a whole number, 1 or more; received ${value}.`, { code: "CLEANSE_BAD_OPTION" });
  }
  const parsed = config === "auto" ? "auto" : parseDedupeConfig(config);
  const idField = options.idField ?? (parsed === "auto" ? undefined : parsed.idField) ?? "id";
  const linking = "left" in input;
  const left = await collect(linking ? input.left : input.records);
  const right = linking ? await collect(input.right) : left;
  const leftById = new Map(left.map((r) => [String(r[idField]), r]));
  const rightById = linking ? new Map(right.map((r) => [String(r[idField]), r])) : leftById;
  const key = (a: unknown, b: unknown): string => {
    const x = String(a);
    const y = String(b);
    return linking || x < y ? `${x}\u0000${y}` : `${y}\u0000${x}`;
  };
  const common = {
    idField,
    golden: false,
    ...(options.workers === undefined ? {} : { workers: options.workers }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
    ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
  };
  const match: Matcher = async (cfg, labels, count) => {
    const train = labels === undefined ? {} : { labels: { use: "train" as const, pairs: labels } };
    if (linking) {
      const { golden: _golden, ...rest } = common;
      const result = await linkRecords(left, right, cfg, { ...rest, ...train, uncertainPairs: count });
      const asCandidate = (p: LinkedPair): Candidate => ({ a: p.left_id, b: p.right_id, match_probability: p.match_probability, match_weight: p.match_weight });
      return { candidates: result.uncertainPairs.map(asCandidate), matches: result.pairs.map(asCandidate), model: result.model, config: result.config };
    }
    const result = await dedupeRecords(left, cfg, { ...common, ...train, uncertainPairs: count });
    return { candidates: result.uncertainPairs, matches: result.pairs, model: result.model, config: result.config };
  };

  const labels: LabelledPair[] = [...(options.labels ?? [])];
  const asked = new Set(labels.map((l) => key(l.a, l.b)));
  const reviewed: ReviewedPair[] = [];
  let fresh = 0;
  let chosen: DedupeConfig | undefined;
  let rounds = 0;
  let end: ReviewResult["end"] = "budget";
  do {
    if (options.signal?.aborted) throw new AbortedError(undefined, { cause: options.signal.reason });
    const training = canTrain(labels) ? labels : undefined;
    // The least certain pairs, enough of them that `roundSize` remain after dropping those asked before.
    const matched = await match(chosen ?? parsed, training, asked.size + roundSize);
    chosen = matched.config;
    const round = chooseRound(matched, roundSize, (c) => !asked.has(key(c.a, c.b)));
    if (round.length === 0) {
      end = "exhausted";
      break;
    }
    rounds++;
    options.onRound?.({ round: rounds, labels: training?.length ?? 0, pairs: round.length, model: matched.model });
    const fields = comparedFields(matched.model);
    for (const c of round) {
      if (fresh >= budget) break;
      const answer = await options.ask({
        a: c.a,
        b: c.b,
        left: leftById.get(c.a)!,
        right: rightById.get(c.b)!,
        fields,
        match_probability: c.match_probability,
        match_weight: c.match_weight,
        number: reviewed.length + 1,
        round: rounds,
      });
      if (answer === "stop") {
        end = "stop";
        break;
      }
      if (answer !== "match" && answer !== "distinct" && answer !== "unsure") {
        throw new ConfigError(`ask must answer "match", "distinct", "unsure" or "stop"; received ${JSON.stringify(answer)}.`, { code: "CLEANSE_BAD_OPTION" });
      }
      asked.add(key(c.a, c.b));
      reviewed.push({ a: c.a, b: c.b, answer, match_probability: c.match_probability, round: rounds });
      if (answer === "unsure") continue;
      labels.push({ a: c.a, b: c.b, match: answer === "match" });
      fresh++;
    }
  } while (end !== "stop" && fresh < budget);
  // The loop trains at least once, so a configuration was chosen.
  return { labels, asked: reviewed, end, rounds, config: chosen! };
}

/**
 * The pairs of a round: half of them the least certain, half spread evenly over the predicted matches from the
 * strongest to the weakest. Uncertain pairs alone say little when the model is sure and wrong: on product titles
 * EM can take every pair of the same series for a match, and the pairs nearest 0.5 are then all non-matches.
 */
function chooseRound(matched: Matched, size: number, fresh: (c: Candidate) => boolean): Candidate[] {
  const matches = matched.matches.filter(fresh).sort((x, y) => y.match_weight - x.match_weight);
  const wanted = Math.min(matches.length, Math.floor(size / 2));
  const out: Candidate[] = [];
  for (let k = 0; k < wanted; k++) out.push(matches[Math.floor(((k + 0.5) * matches.length) / wanted)]!);
  for (const c of matched.candidates) {
    if (out.length >= size) break;
    if (fresh(c) && !out.some((o) => o.a === c.a && o.b === c.b)) out.push(c);
  }
  return out;
}

/** Labels join the training once they hold a match and a non-match; until then EM alone chooses the pairs. */
function canTrain(labels: readonly LabelledPair[]): boolean {
  return labels.some((l) => l.match) && labels.some((l) => !l.match);
}

function comparedFields(model: DedupeModel): string[] {
  const out: string[] = [];
  for (const c of model.comparisons) for (const f of c.fields) if (!out.includes(f)) out.push(f);
  return out;
}
