import type { DataRecord, Issue } from "@cleanse/core";
import { compileRules } from "../compileRules/compileRules.ts";
import type { RuleEntry, RuleFile } from "../ruleFileSchema/ruleFileSchema.ts";

/** Runs one field rule over values (each in its own record, field `v`) and returns the issues per value. */
export function issuesPerValue(entry: RuleEntry, values: readonly unknown[]): Issue[][] {
  const checker = compileRules({ fields: { v: [entry] } });
  return values.map((v) => checker.check({ v }));
}

/** True for the values the rule accepts. */
export function accepts(entry: RuleEntry, values: readonly unknown[]): boolean[] {
  return issuesPerValue(entry, values).map((issues) => issues.length === 0);
}

/** Runs a rule file over records as one dataset (cross-record rules included); returns record issues per record and the dataset issues. */
export function runRuleFile(file: RuleFile, records: readonly DataRecord[]): { records: Issue[][]; dataset: Issue[] } {
  const checker = compileRules(file).createChecker();
  const perRecord = records.map((r) => checker.check(r));
  return { records: perRecord, dataset: checker.finish() };
}
