import { ConfigError, isAtLeast, type Issue, type RecordStep, type RuleInfo, type Severity, type Step, type StepFactoryContext } from "@cleanse/core";
import { createScorecardBuilder } from "../_internal/scorecardBuilder.ts";
import { toWeightedChecks } from "../scoreRecord/scoreRecord.ts";
import { scoreStepSchema, type ScoreStepConfig } from "../scoreStepSchema/scoreStepSchema.ts";

/** What the score step may get besides its options: the rules the steps before it declare. */
export interface ScoreStepContext extends Partial<StepFactoryContext> {
  /** Rules that apply to every record (e.g. `steps.flatMap((s) => s.rules ?? [])`). */
  readonly rules?: readonly RuleInfo[];
}

const rebinders = new WeakMap<Step, (rules: readonly RuleInfo[]) => RecordStep>();

/**
 * Creates the score step: placed last in a pipeline, it gives each record a score from 0 to 100 in
 * `_score` (and `_score_<dimension>` with `breakdown: true`), computed from the findings of the steps
 * before it, puts the dataset scorecard in the report's `score` section (its score counts quarantined
 * records as 0) and its dimension scores in the report's `dimensions`. See `docs/score.md` for the
 * formula. The checks that apply to every record come from `ctx.rules` (or, in a job, from
 * `prepareScoreSteps`), plus `config.checks`; a finding of a rule nobody declared counts only where it occurs.
 * @param config - weights, field name, breakdown, histogram bins, extra checks (validated by `scoreStepSchema`)
 * @param ctx - the rules the steps before it declare
 * @returns a record step
 * @throws ConfigError (`CLEANSE_BAD_CONFIG`) when the options do not fit `scoreStepSchema`
 * @example
 * const rules = createRulesStep(ruleSet, ctx);
 * const report = await runPipeline({ source, steps: [rules, createScoreStep({}, { rules: rules.rules })] });
 * report.sections.score.score //=> 93.5
 */
export function createScoreStep(config: ScoreStepConfig = {}, ctx: ScoreStepContext = {}): RecordStep {
  const parsed = scoreStepSchema.safeParse(config);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new ConfigError(`invalid score step options: ${first ? `${first.path.join(".") || "options"}: ${first.message}` : parsed.error.message}`, {
      ...(ctx.file === undefined ? {} : { location: { file: ctx.file } }),
    });
  }
  const options = parsed.data;
  const weights = options.weights ?? {};
  const field = options.field ?? "_score";
  const bins = options.bins ?? 10;
  const declared = [...(ctx.rules ?? []), ...(options.checks ?? []).map((c) => ({ ...c, severity: c.severity ?? ("error" as const) }))];
  const checks = toWeightedChecks(declared, weights);
  let builder = createScorecardBuilder(checks, weights, bins);
  const names = builder.declaredDimensions.map((d) => `${field}_${d}`);
  const round = (x: number) => Math.round(x * 100) / 100;

  const step: RecordStep = {
    kind: "record",
    name: "score",
    start() {
      builder = createScorecardBuilder(checks, weights, bins);
    },
    process(envelope, stepCtx) {
      const merged = envelope.mergedInto !== undefined;
      const quarantined = !merged && hasAtLeast(envelope.issues, stepCtx.quarantineOn ?? "error");
      const s = builder.add(envelope.issues, { merged, quarantined });
      const record = { ...envelope.record, [field]: round(s.score) };
      if (options.breakdown) {
        for (let i = 0; i < names.length; i++) {
          const v = s.dimensions[i]!;
          record[names[i]!] = Number.isNaN(v) ? null : round(v);
        }
      }
      envelope.record = record;
    },
    finish(stepCtx) {
      const { scorecard, dimensions } = builder.finish();
      stepCtx.setSection("score", scorecard);
      stepCtx.setDimensions?.(dimensions);
    },
  };
  rebinders.set(step, (rules) => createScoreStep(config, { ...ctx, rules: [...(ctx.rules ?? []), ...rules] }));
  return step;
}

/** Whether the engine will quarantine a record with these findings (the score step is the last step). */
function hasAtLeast(issues: readonly Issue[], threshold: Severity): boolean {
  for (let i = 0; i < issues.length; i++) if (isAtLeast(issues[i]!.severity, threshold)) return true;
  return false;
}

/**
 * Gives each score step in a list the rules of the steps before it, so that every declared check
 * counts on every record (a job runner calls it once per dataset after building the steps).
 * @param steps - the dataset's steps, in order
 * @returns the same steps, with each score step rebuilt to know the rules before it
 * @example
 * const steps = prepareScoreSteps([rulesStep, createScoreStep({})]);
 */
export function prepareScoreSteps(steps: readonly Step[]): Step[] {
  const out: Step[] = [];
  const before: RuleInfo[] = [];
  for (const step of steps) {
    const rebind = rebinders.get(step);
    out.push(rebind ? rebind(before) : step);
    before.push(...(step.rules ?? []));
  }
  return out;
}
