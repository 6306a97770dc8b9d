export { compileExpression, parseExpression, type CompiledExpression, type ExpressionNode, type ExprValue } from "./compileExpression/compileExpression.ts";
export {
  compileRules,
  type CompileRulesOptions,
  type RuleChecker,
  type RuleSetStandardProps,
  type StatefulChecker,
} from "./compileRules/compileRules.ts";
export { createRulesStep, type CreateRulesStepOptions } from "./createRulesStep/createRulesStep.ts";
export {
  defineRule,
  isRuleDefinition,
  RuleOptionError,
  type CheckResult,
  type CompiledRule,
  type DefineRuleOptions,
  type RuleDefinition,
  type RuleFinding,
  type RuleScope,
  type RuleTarget,
} from "./defineRule/defineRule.ts";
export {
  fromStandardSchema,
  type FromStandardSchemaOptions,
  type StandardResult,
  type StandardSchemaV1,
} from "./fromStandardSchema/fromStandardSchema.ts";
export { loadRules, type LoadRulesOptions } from "./loadRules/loadRules.ts";
export { loadRulesSteps, type RulesSteps } from "./loadRulesSteps/loadRulesSteps.ts";
export { parseRules, type ParseRulesOptions } from "./parseRules/parseRules.ts";
export { getRule, ruleCatalog } from "./ruleCatalog/ruleCatalog.ts";
export {
  buildRuleFileSchema,
  ruleFileSchema,
  type CheckSpec,
  type FieldSpec,
  type ReferenceSpec,
  type RuleEntry,
  type RuleEntryCommon,
  type RuleFile,
} from "./ruleFileSchema/ruleFileSchema.ts";
export { isRuleSet, toRuleSet, type ReferenceSource, type RuleSet, type RuleUse, type ToRuleSetOptions } from "./toRuleSet/toRuleSet.ts";
export { ruleFileJsonSchema } from "./ruleFileJsonSchema/ruleFileJsonSchema.ts";
