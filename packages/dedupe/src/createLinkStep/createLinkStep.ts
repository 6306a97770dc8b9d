import { getField, addIssue, ConfigError, createProgressReporter, type DataRecord, type RecordEnvelope, type Severity, type StepContext, type StepFactoryContext, type StreamStep } from "@cleanse/core";
import { z } from "zod";
import type { DedupeConfig } from "../config/dedupeConfigSchema.ts";
import { dedupeConfigSchema } from "../config/dedupeConfigSchema.ts";
import { readLabels } from "../labels/readLabels.ts";
import { linkRecords, type LinkedPair } from "../linkRecords/linkRecords.ts";

/** Options of the link step, as written in a job file. */
export interface LinkStepOptions {
  /** The other source: a path (relative to the job file) or a source name declared in the job. */
  readonly with: string;
  /** Id field of the records in the pipeline. */
  readonly idField: string;
  /** Id field of the other source, when it is named differently. */
  readonly withIdField?: string;
  /** Fields of the other source compared as the pipeline's field of another name: `{ mobile: phone }`. */
  readonly map?: Readonly<Record<string, string>>;
  /** The dedupe configuration, or `auto` (default). */
  readonly config?: DedupeConfig | "auto";
  readonly threshold?: number;
  /**
   * A labels file (`a,b,match`: `a` a pipeline id, `b` an id of the other source; as `cleanse review` writes it;
   * path relative to the job file) to train with.
   */
  readonly labels?: string;
  /** Field that receives the linked id (null when none). Default `linked_id`. */
  readonly linkedIdField?: string;
  /** Field that receives the link's match probability. Default `link_probability`. */
  readonly probabilityField?: string;
  /** Severity of the finding on a record with no counterpart. Default `info` (reported, not quarantined). */
  readonly unlinked?: Severity;
  /** Linked pairs listed in the report at most. Default 20. */
  readonly reportLimit?: number;
}

const optionsSchema = z.strictObject({
  with: z.string().min(1),
  idField: z.string().min(1),
  withIdField: z.string().min(1).exactOptional(),
  map: z.record(z.string(), z.string().min(1)).exactOptional(),
  config: z.union([z.literal("auto"), dedupeConfigSchema]).exactOptional(),
  threshold: z.number().gt(0).lt(1).exactOptional(),
  labels: z.string().min(1).exactOptional(),
  linkedIdField: z.string().min(1).exactOptional(),
  probabilityField: z.string().min(1).exactOptional(),
  unlinked: z.enum(["error", "warning", "info"]).exactOptional(),
  reportLimit: z.int().nonnegative().exactOptional(),
});

/**
 * Zod schema of the link step's options in a job file.
 * @example
 * linkStepSchema.safeParse({ with: "erp.jsonl", idField: "customer_id" }).success //=> true
 */
export const linkStepSchema: z.ZodType<LinkStepOptions> = optionsSchema as unknown as z.ZodType<LinkStepOptions>;

/** The `link` section a link step puts into the quality report. */
export interface LinkReportSection {
  readonly with: string;
  readonly records: number;
  readonly otherRecords: number;
  readonly linked: number;
  readonly unlinked: number;
  readonly threshold: number;
  readonly pairs: readonly LinkedPair[];
}

/**
 * A pipeline step that links each record to its counterpart in another source (CRM customers to ERP
 * customers), one-to-one, trained like `linkRecords` (with the labelled pairs of `labels`, when given). Each
 * record gets the linked id and the match probability; records with no counterpart get a finding (info by default). It never drops a record, and
 * reports the phases of its work (reading the other source, then those of `linkRecords`) through the run's `onProgress`.
 * @param options - the other source, id fields, field mapping, threshold, a labels file
 * @param ctx - opens the other source (`ctx.openSource`)
 * @returns a stream step
 * @example
 * createLinkStep({ with: "data/erp_customers.jsonl", idField: "customer_id", withIdField: "erp_id", map: { mobile: "phone" } }, ctx)
 */
export function createLinkStep(options: LinkStepOptions, ctx: StepFactoryContext): StreamStep {
  const parsed = optionsSchema.safeParse(options);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ");
    throw new ConfigError(`Invalid link step options: ${problems}`, { code: "CLEANSE_DEDUPE_BAD_CONFIG", ...(ctx.file ? { location: { file: ctx.file } } : {}) });
  }
  if (!ctx.openSource) throw new ConfigError("The link step needs a way to open its other source (StepFactoryContext.openSource).", { code: "CLEANSE_DEDUPE_BAD_CONFIG" });
  const openSource = ctx.openSource;
  const idField = options.idField;
  const rename = new Map<string, string>(Object.entries(options.map ?? {}));
  if (options.withIdField !== undefined) rename.set(options.withIdField, idField);
  const linkedField = options.linkedIdField ?? "linked_id";
  const probField = options.probabilityField ?? "link_probability";
  const severity = options.unlinked ?? "info";
  return {
    kind: "stream",
    name: "link",
    rules: [{ rule: "link", severity, dimension: "consistency", description: `Record has a counterpart in ${options.with}` }],
    async *run(input: AsyncIterable<RecordEnvelope>, context: StepContext): AsyncIterable<RecordEnvelope> {
      const envelopes: RecordEnvelope[] = [];
      for await (const env of input) envelopes.push(env);
      const other: DataRecord[] = [];
      const progress = createProgressReporter(context.progress);
      const otherSource = openSource(options.with);
      progress.start("reading", "records", { subject: otherSource.name });
      for await (const batch of otherSource.batches(context.signal)) {
        for (const r of batch.records) {
          const out: DataRecord = {};
          for (const [k, v] of Object.entries(r)) out[rename.get(k) ?? k] = v;
          other.push(out);
        }
        if (progress.active) {
          const p = otherSource.progress?.();
          progress.update(other.length, undefined, p?.bytesTotal ? p.bytesRead / p.bytesTotal : undefined);
        }
      }
      progress.end(other.length);
      const idsOf = (records: readonly DataRecord[]) => new Set(records.map((r) => String(getField(r, idField))));
      const labels =
        options.labels === undefined
          ? undefined
          : await readLabels(openSource(options.labels), { ids: idsOf(envelopes.map((e) => e.record)), rightIds: idsOf(other), ...(context.signal ? { signal: context.signal } : {}) });
      const result = await linkRecords(
        envelopes.map((e) => e.record),
        other,
        options.config ?? "auto",
        {
          idField,
          ...(options.threshold === undefined ? {} : { threshold: options.threshold }),
          ...(labels === undefined || labels.length === 0 ? {} : { labels: { use: "train" as const, pairs: labels } }),
          ...(context.signal ? { signal: context.signal } : {}),
          ...(context.progress ? { onProgress: context.progress } : {}),
        },
      );
      const byLeft = new Map(result.pairs.map((p) => [p.left_id, p]));
      let unlinked = 0;
      for (const env of envelopes) {
        const pair = byLeft.get(String(getField(env.record, idField)));
        env.record = { ...env.record, [linkedField]: pair ? pair.right_id : null, [probField]: pair ? pair.match_probability : null };
        if (!pair) {
          unlinked++;
          addIssue(env, {
            code: "unlinked",
            rule: "link",
            severity,
            dimension: "consistency",
            message: `No counterpart in ${options.with}`,
            value: getField(env.record, idField),
          });
        }
      }
      const section: LinkReportSection = {
        with: options.with,
        records: envelopes.length,
        otherRecords: other.length,
        linked: result.pairs.length,
        unlinked,
        threshold: result.stats.threshold,
        pairs: result.pairs.slice(0, options.reportLimit ?? 20),
      };
      context.setSection("link", section);
      for (const w of result.stats.warnings) context.warn(`link: ${w}`);
      yield* envelopes;
    },
  };
}
