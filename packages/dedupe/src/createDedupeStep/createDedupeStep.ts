import { readFileSync } from "node:fs";
import { isAbsolute, resolve } from "node:path";
import {
  addIssue,
  ConfigError,
  maskableSection,
  markChanged,
  type DataRecord,
  type RecordEnvelope,
  type StepContext,
  type StepFactoryContext,
  type StreamStep,
} from "@cleanse/core";
import { z } from "zod";
import { compareIds } from "../clustering/compareIds.ts";
import { maskExplanation, maskGoldenRecord } from "../_internal/maskForReport.ts";
import { dedupeConfigSchema, type DedupeConfig } from "../config/dedupeConfigSchema.ts";
import { dedupeRecords } from "../dedupeRecords/dedupeRecords.ts";
import { explainPair, type PairExplanation } from "../explain/explainPair.ts";
import { formatExplanation } from "../explain/formatExplanation.ts";
import type { GoldenRecord } from "../golden/buildGoldenRecords.ts";
import { loadModel } from "../incremental/saveModel.ts";
import { readLabels } from "../labels/readLabels.ts";
import type { DedupeModel } from "../scoring/DedupeModel.ts";

/** Options of the dedupe pipeline step, as written in a job file. */
export interface DedupeStepOptions {
  /** The dedupe configuration, or `auto` (default). */
  readonly config?: DedupeConfig | "auto";
  /** Field holding record ids. Records without a unique id are named by their record number. */
  readonly idField?: string;
  readonly threshold?: number;
  /** Mark duplicates as merged into their cluster's golden record (which replaces the survivor). Default false. */
  readonly collapse?: boolean;
  /** A saved model (path relative to the job file, or the model itself) to use instead of training. */
  readonly model?: string | DedupeModel;
  /** A labels file (`a,b,match`, as `cleanse review` writes it; path relative to the job file) to train with. */
  readonly labels?: string;
  /** Field names written into each record. Defaults `cluster_id` and `match_probability`. */
  readonly clusterIdField?: string;
  readonly probabilityField?: string;
  /** Clusters and golden records listed in the report at most. Default 100. */
  readonly reportLimit?: number;
  readonly workers?: number | "auto";
}

const optionsSchema = z.strictObject({
  config: z.union([z.literal("auto"), dedupeConfigSchema]).exactOptional(),
  idField: z.string().min(1).exactOptional(),
  threshold: z.number().min(0).max(1).exactOptional(),
  collapse: z.boolean().exactOptional(),
  model: z.union([z.string().min(1), z.looseObject({ format: z.literal("cleanse-dedupe-model") })]).exactOptional(),
  labels: z.string().min(1).exactOptional(),
  clusterIdField: z.string().min(1).exactOptional(),
  probabilityField: z.string().min(1).exactOptional(),
  reportLimit: z.int().nonnegative().exactOptional(),
  workers: z.union([z.int().nonnegative(), z.literal("auto")]).exactOptional(),
});

/**
 * Zod schema of the dedupe step's options in a job file: `auto`, or the options object.
 * @example
 * dedupeStepSchema.safeParse({ idField: "customer_id", threshold: 0.9 }).success //=> true
 */
export const dedupeStepSchema: z.ZodType<DedupeStepOptions | "auto"> = z.union([
  z.literal("auto"),
  optionsSchema as unknown as z.ZodType<DedupeStepOptions>,
]);

/** The `dedupe` section a step puts into the quality report. */
export interface DedupeReportSection {
  readonly records: number;
  readonly clusters: number;
  readonly multiRecordClusters: number;
  readonly duplicates: number;
  readonly candidatePairs: number;
  readonly pairsAboveThreshold: number;
  readonly reductionRatio: number;
  readonly threshold: number;
  readonly lambda: number;
  /** Labelled pairs of the `labels` file the model was trained with. */
  readonly labelledPairs?: number;
  readonly emIterations: number;
  /** Whether EM converged (false also means a warning in the report). */
  readonly emConverged: boolean;
  readonly blocking: readonly { readonly rule: string; readonly candidatePairs: number; readonly newPairs: number; readonly reductionRatio: number }[];
  /** The largest clusters, at most `reportLimit`. */
  readonly topClusters: readonly { readonly cluster_id: string; readonly size: number; readonly members: readonly string[]; readonly chained: boolean }[];
  readonly goldenRecords: readonly GoldenRecord[];
  /** One matched pair explained: the weakest pair above the threshold, the most instructive. */
  readonly example?: { readonly explanation: PairExplanation; readonly text: string };
  readonly collapsed: boolean;
  readonly timings: Readonly<Record<string, number>>;
}

/** Fields of a record with an error or warning on them: their values failed a rule or a standardization. */
function invalidFieldsOf(env: RecordEnvelope): string[] {
  const out: string[] = [];
  for (const issue of env.issues) {
    if (issue.field === undefined || issue.severity === "info" || out.includes(issue.field)) continue;
    out.push(issue.field);
  }
  return out;
}

/**
 * Builds a pipeline step that deduplicates the whole record stream: it waits for every record, runs
 * dedupeRecords, adds `cluster_id` and `match_probability` to each record and puts clusters, golden
 * records and one explained pair into the report's `dedupe` section. It reports the phases of its work (blocking,
 * comparing, training, scoring, clustering, golden) through the run's `onProgress`. Golden records never take a value that an
 * earlier step found invalid (an error or warning on that field); EM that does not converge is a report
 * warning. It never drops a record; with
 * `collapse`, duplicates are marked `mergedInto` their cluster id and the survivor carries the golden record.
 * @param options - step options (configuration or `auto`, threshold, collapse, model), or just a configuration
 * @param ctx - where the job file is, for a relative model path
 * @returns a stream step for processRecords/runPipeline
 * @example
 * const report = await runPipeline({ source: customers, steps: [createDedupeStep({ idField: "id" })], clean });
 * report.sections.dedupe //=> { records: 1000, multiRecordClusters: 87, ... }
 */
export function createDedupeStep(input: DedupeStepOptions | DedupeConfig | "auto" = {}, ctx?: StepFactoryContext): StreamStep {
  const options: DedupeStepOptions =
    input === "auto" ? { config: "auto" } : "blocking" in input || "comparisons" in input ? { config: input as DedupeConfig } : (input as DedupeStepOptions);
  const parsed = optionsSchema.safeParse(options);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ");
    throw new ConfigError(`Invalid dedupe step options: ${problems}`, {
      code: "CLEANSE_DEDUPE_BAD_CONFIG",
      ...(ctx?.file === undefined ? {} : { location: { file: ctx.file } }),
    });
  }
  let model: DedupeModel | undefined;
  if (typeof options.model === "string") {
    const path = isAbsolute(options.model) ? options.model : resolve(ctx?.baseDir ?? ".", options.model);
    let text: string;
    try {
      text = readFileSync(path, "utf8");
    } catch (error) {
      throw new ConfigError(`Cannot read the dedupe model "${options.model}": ${(error as Error).message}`, {
        code: "CLEANSE_DEDUPE_BAD_MODEL",
        cause: error,
        ...(ctx?.file === undefined ? {} : { location: { file: ctx.file } }),
      });
    }
    model = loadModel(text);
  } else if (options.model !== undefined) model = loadModel(options.model);
  const located = ctx?.file === undefined ? {} : { location: { file: ctx.file } };
  if (options.labels !== undefined && model !== undefined) {
    throw new ConfigError("The dedupe step takes labels to train with, or a model, not both: a model is used as it is.", { code: "CLEANSE_DEDUPE_BAD_CONFIG", ...located });
  }
  const openLabels = options.labels === undefined ? undefined : ctx?.openSource;
  if (options.labels !== undefined && openLabels === undefined) {
    throw new ConfigError("The dedupe step needs a way to open its labels file (StepFactoryContext.openSource).", { code: "CLEANSE_DEDUPE_BAD_CONFIG", ...located });
  }
  const clusterField = options.clusterIdField ?? "cluster_id";
  const probField = options.probabilityField ?? "match_probability";
  const limit = options.reportLimit ?? 100;
  const config = options.config ?? (model ? model.config : "auto");
  const configuredId = options.idField ?? (typeof config === "object" ? config.idField : undefined) ?? model?.config.idField ?? "id";

  return {
    kind: "stream",
    name: "dedupe",
    rules: [{ rule: "dedupe", severity: "info", dimension: "uniqueness", description: "Record has a duplicate in the dataset" }],
    async *run(input: AsyncIterable<RecordEnvelope>, context: StepContext): AsyncIterable<RecordEnvelope> {
      const envelopes: RecordEnvelope[] = [];
      for await (const env of input) envelopes.push(env);
      // Ids must be unique; fall back to record numbers when they are not.
      const seen = new Set<string>();
      let usable = true;
      for (const env of envelopes) {
        const v = env.record[configuredId];
        const id = v === null || v === undefined || v === "" ? undefined : String(v);
        if (id === undefined || seen.has(id)) {
          usable = false;
          break;
        }
        seen.add(id);
      }
      const idField = usable ? configuredId : "__cleanse_record";
      if (!usable) context.warn(`dedupe: field "${configuredId}" does not hold a unique id for every record; records are named by their record number.`);
      const records: DataRecord[] = usable ? envelopes.map((e) => e.record) : envelopes.map((e) => ({ ...e.record, __cleanse_record: String(e.seq + 1) }));
      const idOf = (k: number): string => String(records[k]![idField]);
      const chosen: DedupeConfig | "auto" = config === "auto" ? "auto" : { ...config, idField };
      // Values that failed a rule or a standardization in an earlier step never make it into a golden record.
      const invalidFields: Record<string, string[]> = {};
      envelopes.forEach((env, k) => {
        const fields = invalidFieldsOf(env);
        if (fields.length > 0) invalidFields[idOf(k)] = fields;
      });
      if (openLabels !== undefined && !usable) {
        throw new ConfigError(`dedupe: the labels name records by "${configuredId}", which does not hold a unique id for every record.`, { code: "CLEANSE_DEDUPE_BAD_CONFIG", ...located });
      }
      const labels = openLabels === undefined ? undefined : await readLabels(openLabels(options.labels!), { ids: seen, ...(context.signal ? { signal: context.signal } : {}) });
      const result = await dedupeRecords(records, chosen, {
        idField,
        invalidFields,
        ...(labels === undefined || labels.length === 0 ? {} : { labels: { use: "train" as const, pairs: labels } }),
        ...(options.threshold === undefined ? {} : { threshold: options.threshold }),
        ...(model === undefined ? {} : { model: { ...model, config: { ...model.config, idField } } }),
        ...(options.workers === undefined ? {} : { workers: options.workers }),
        ...(context.signal === undefined ? {} : { signal: context.signal }),
        ...(context.progress === undefined ? {} : { onProgress: context.progress }),
      });
      const golden = new Map(result.goldenRecords.map((g) => [g.cluster_id, g]));
      const clusterSize = new Map(result.clusters.map((c) => [c.cluster_id, c.size]));
      const collapse = options.collapse === true;
      for (let k = 0; k < envelopes.length; k++) {
        const env = envelopes[k]!;
        const out = result.records[k]!;
        const cid = String(out.cluster_id);
        const p = out.match_probability as number;
        const id = idOf(k);
        const size = clusterSize.get(cid) ?? 1;
        if (size > 1) {
          addIssue(env, {
            code: "duplicate",
            rule: "dedupe",
            severity: "info",
            dimension: "uniqueness",
            message: `One of ${size} records of cluster ${cid} (match probability ${p.toFixed(3)})`,
            value: cid,
          });
        }
        if (collapse && size > 1 && id !== cid) {
          env.mergedInto = cid;
          env.record = { ...env.record, [clusterField]: cid, [probField]: p };
          continue;
        }
        const g = collapse && size > 1 ? golden.get(cid) : undefined;
        if (g) {
          const next: DataRecord = { ...env.record };
          for (const [field, value] of Object.entries(g.record)) {
            if (field === idField) continue;
            if (!Object.is(next[field], value)) {
              next[field] = value;
              markChanged(env, field);
            }
          }
          env.record = { ...next, [clusterField]: cid, [probField]: p };
        } else env.record = { ...env.record, [clusterField]: cid, [probField]: p };
      }
      const weakest = result.pairs.reduce<(typeof result.pairs)[number] | undefined>((w, x) => (w === undefined || x.match_probability < w.match_probability ? x : w), undefined);
      let example: DedupeReportSection["example"];
      if (weakest) {
        const byId = new Map<string, DataRecord>();
        records.forEach((r, k) => byId.set(idOf(k), r));
        const explanation = explainPair(result.model, byId.get(weakest.a)!, byId.get(weakest.b)!, { threshold: result.stats.threshold });
        example = { explanation, text: formatExplanation(explanation) };
      }
      const top = [...result.clusters].sort((a, b) => b.size - a.size || compareIds(a.cluster_id, b.cluster_id)).slice(0, limit);
      const section: DedupeReportSection = {
        records: result.stats.records,
        clusters: result.stats.clusters,
        multiRecordClusters: result.stats.multiRecordClusters,
        duplicates: result.stats.duplicates,
        candidatePairs: result.stats.candidatePairs,
        pairsAboveThreshold: result.stats.pairsAboveThreshold,
        reductionRatio: result.stats.reductionRatio,
        threshold: result.stats.threshold,
        lambda: result.stats.lambda,
        ...(result.model.training.labelledPairs === undefined ? {} : { labelledPairs: result.model.training.labelledPairs }),
        emIterations: result.stats.emIterations,
        emConverged: result.stats.emConverged,
        blocking: result.stats.blocking.rules.map((r) => ({ rule: r.rule, candidatePairs: r.candidatePairs, newPairs: r.newPairs, reductionRatio: r.reductionRatio })),
        topClusters: top.map((c) => ({ cluster_id: c.cluster_id, size: c.size, members: c.members, chained: c.chained })),
        goldenRecords: top.map((c) => golden.get(c.cluster_id)).filter((g): g is GoldenRecord => g !== undefined),
        ...(example ? { example } : {}),
        collapsed: collapse,
        timings: { ...result.stats.timings },
      };
      // The report masks the golden records and the explained pair by field; the text is written again from the masked pair.
      context.setSection(
        "dedupe",
        maskableSection(section, (s, pii): DedupeReportSection => {
          const masked = s.example ? maskExplanation(s.example.explanation, pii) : undefined;
          return {
            ...s,
            goldenRecords: s.goldenRecords.map((g) => maskGoldenRecord(g, pii)),
            ...(masked ? { example: { explanation: masked, text: formatExplanation(masked) } } : {}),
          };
        }),
      );
      for (const w of result.stats.warnings) context.warn(`dedupe: ${w}`);
      yield* envelopes;
    },
  };
}
