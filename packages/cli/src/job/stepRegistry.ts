import { dropFields, renameFields, selectFields, type Step, type StepFactoryContext } from "@cleanse/core";
import type { ConfigDocument, ConfigPath } from "@cleanse/config";
import { createRulesStep, loadRulesSteps, toRuleSet, type RuleFile } from "@cleanse/rules";
import { createStandardizeStep, standardizeStepSchema, type StandardizeStepConfig } from "@cleanse/standardize";
import { createScoreStep, scoreStepSchema, type ScoreStepConfig } from "@cleanse/score";
import { createDedupeStep, createLinkStep, dedupeStepSchema, linkStepSchema, type DedupeStepOptions, type LinkStepOptions } from "@cleanse/dedupe";
import { z } from "zod";

/** Where a step's options were written, so factories can point errors at file:line:column. */
export interface StepOrigin {
  readonly document: ConfigDocument;
  readonly at: ConfigPath;
}

/** How a job file's step name turns into pipeline steps. */
export interface StepDefinition {
  /** Schema of the step's options in the job file. */
  readonly schema: z.ZodType;
  /** One line for the docs. */
  readonly summary: string;
  /**
   * When true, `schema` validates the whole step entry, so the step may take sibling keys
   * (`- standardize: {...}` with `on_error: keep` beside it); otherwise it validates the value of its name.
   */
  readonly wholeEntry?: boolean;
  create(options: unknown, ctx: StepFactoryContext, origin: StepOrigin): Step | readonly Step[] | Promise<Step | readonly Step[]>;
}

const fieldList = z.array(z.string().min(1)).min(1);

/**
 * The steps a job file can name, by name. Packages add theirs here.
 */
export const stepRegistry: ReadonlyMap<string, StepDefinition> = new Map<string, StepDefinition>([
  [
    "rename",
    {
      schema: z.record(z.string(), z.string().min(1)),
      summary: "rename fields: { old_name: new_name }",
      create: (options) => renameFields(options as Record<string, string>),
    },
  ],
  [
    "select",
    { schema: fieldList, summary: "keep only these fields, in this order", create: (options) => selectFields(options as string[]) },
  ],
  ["drop", { schema: fieldList, summary: "remove these fields", create: (options) => dropFields(options as string[]) }],
  [
    "standardize",
    {
      schema: standardizeStepSchema,
      wholeEntry: true,
      summary: "standardize dates, phones, decimals, text, emails and coded values per field",
      create: (options, ctx) => createStandardizeStep(options as StandardizeStepConfig, ctx),
    },
  ],
  [
    "validate",
    {
      schema: z.union([z.string().min(1), z.record(z.string(), z.unknown())]),
      summary: "check records against a rule file (a path) or inline rules",
      create: async (options, ctx, origin) => {
        if (typeof options === "string") return (await loadRulesSteps(options, ctx)).steps;
        const ruleSet = toRuleSet(options as RuleFile, { document: origin.document, at: origin.at, baseDir: ctx.baseDir });
        return createRulesStep(ruleSet, ctx);
      },
    },
  ],
  [
    "dedupe",
    {
      schema: dedupeStepSchema,
      summary: "find duplicate records: adds cluster_id and match_probability, and clusters, golden records and an explained pair to the report",
      create: (options, ctx) => createDedupeStep(options as DedupeStepOptions | "auto", ctx),
    },
  ],
  [
    "link",
    {
      schema: linkStepSchema,
      summary: "link each record to its counterpart in another source: adds linked_id and link_probability",
      create: (options, ctx) => createLinkStep(options as LinkStepOptions, ctx),
    },
  ],
  [
    "score",
    {
      schema: scoreStepSchema,
      summary: "score each record 0-100 from the findings of the steps before it (_score) and add the scorecard to the report; put it last",
      create: (options, ctx) => createScoreStep(options as ScoreStepConfig, ctx),
    },
  ],
]);
