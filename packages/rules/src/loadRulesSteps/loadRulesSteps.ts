import { isAbsolute, resolve } from "node:path";
import type { Step, StepFactoryContext } from "@cleanse/core";
import { createRulesStep, type CreateRulesStepOptions } from "../createRulesStep/createRulesStep.ts";
import { loadRules } from "../loadRules/loadRules.ts";
import type { RuleSet } from "../toRuleSet/toRuleSet.ts";

/** What {@link loadRulesSteps} returns. */
export interface RulesSteps {
  readonly steps: Step[];
  readonly ruleSet: RuleSet;
  /** Other datasets the rule file references, resolved against the rule file's folder, for the caller to open. */
  readonly sources: RuleSet["sources"];
}

/**
 * Loads a rule file and builds its steps: what a job's `- validate: rules/customers.yaml` needs.
 * @param path - the rule file, relative to `ctx.baseDir` (the job file's folder) unless absolute
 * @param ctx - base folder, and the source opener for references
 * @param options - custom rules
 * @returns the steps, the rule set, and the referenced sources that `ctx.openSource` will be asked to open
 * @example
 * const { steps, sources } = await loadRulesSteps("rules/orders.yaml", { baseDir: "jobs", openSource });
 * sources.map((s) => s.spec) //=> ["/abs/jobs/rules/customers.csv"]
 */
export async function loadRulesSteps(path: string, ctx: StepFactoryContext, options: CreateRulesStepOptions = {}): Promise<RulesSteps> {
  const full = isAbsolute(path) ? path : resolve(ctx.baseDir, path);
  const ruleSet = await loadRules(full, { displayName: path, ...(options.rules ? { rules: options.rules } : {}) });
  return { steps: createRulesStep(ruleSet, ctx, options), ruleSet, sources: ruleSet.sources };
}
