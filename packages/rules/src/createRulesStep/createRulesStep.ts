import type { ConfigDocument, ConfigPath } from "@cleanse/config";
import type { RecordStep, Step, StepFactoryContext } from "@cleanse/core";
import { compileRules, type RuleChecker } from "../compileRules/compileRules.ts";
import type { RuleDefinition } from "../defineRule/defineRule.ts";
import type { RuleFile } from "../ruleFileSchema/ruleFileSchema.ts";
import { toRuleSet, type RuleSet } from "../toRuleSet/toRuleSet.ts";

/** Options of {@link createRulesStep}. */
export interface CreateRulesStepOptions {
  /** Step name in timings (defaults to `rules` or `rules:<file>`). */
  readonly name?: string;
  /** Custom rules, when `ruleSet` is a plain object. */
  readonly rules?: readonly RuleDefinition[];
  /** The job file a plain rule-set object was inlined in, so errors point at its lines. */
  readonly document?: ConfigDocument;
  /** Path of the inlined rule set inside `document`, e.g. `["steps", 2, "validate"]`. */
  readonly at?: ConfigPath;
}

/**
 * Builds the pipeline steps that run a rule set: one record step that adds issues to each record and returns
 * dataset-level findings (row counts, null ratios, first occurrences of duplicates) when the stream ends.
 * Reference keys are loaded in `start()`, through `ctx.openSource`.
 * @param ruleSet - a validated rule set, or a plain rule-file object (e.g. inlined in a job file)
 * @param ctx - base folder (for relative paths in a plain object), file, and the source opener
 * @param options - step name, custom rules
 * @returns the steps, to pass to `processRecords` or `runPipeline`
 * @example
 * const steps = createRulesStep({ fields: { email: ["required", "email"] } }, { baseDir: "." });
 * const run = processRecords([{ email: "x" }], steps);
 * for await (const env of run) env.status //=> "quarantine"
 */
export function createRulesStep(ruleSet: RuleSet | RuleFile, ctx: StepFactoryContext, options: CreateRulesStepOptions = {}): Step[] {
  const set = toRuleSet(ruleSet, {
    baseDir: ctx.baseDir,
    ...(options.rules ? { rules: options.rules } : {}),
    ...(options.document ? { document: options.document } : {}),
    ...(options.at ? { at: options.at } : {}),
  });
  const compile = () => compileRules(set, ctx.openSource ? { openSource: ctx.openSource } : {});
  const first = compile();
  let checker: RuleChecker = first;
  let used = false;
  const step: RecordStep = {
    kind: "record",
    name: options.name ?? (set.file ? `rules:${set.file}` : "rules"),
    rules: first.rules,
    piiFields: first.piiFields,
    async start() {
      checker = used ? compile() : first;
      used = true;
      if (checker.needsPrepare) await checker.prepare();
    },
    process(envelope) {
      checker.checkInto(envelope.record, envelope.issues, envelope.seq, envelope.location);
    },
    finish(stepContext) {
      const stats = checker.stats();
      if (Object.keys(stats).length > 0) stepContext.setSection("rules", stats);
      return checker.finish();
    },
  };
  return [step];
}
