import type { RuleDefinition } from "../../defineRule/defineRule.ts";
import { aggregateRules } from "./aggregates.ts";
import { chinaRules } from "./china.ts";
import { datasetValueRules } from "./datasetValues.ts";
import { dateRules } from "./dates.ts";
import { formatRules } from "./formats.ts";
import { lengthRules } from "./length.ts";
import { numberRules } from "./numbers.ts";
import { patternRules } from "./patterns.ts";
import { presenceRules } from "./presence.ts";
import { recordRules } from "./records.ts";
import { referenceRules } from "./references.ts";
import { setRules } from "./sets.ts";
import { statefulRules } from "./stateful.ts";
import { typeRules } from "./types.ts";

/** Every built-in rule, grouped for the documentation. */
export const CATALOG_GROUPS: readonly { readonly title: string; readonly rules: readonly RuleDefinition[] }[] = [
  { title: "Presence", rules: presenceRules },
  { title: "Types", rules: typeRules },
  { title: "Sets", rules: setRules },
  { title: "Patterns", rules: patternRules },
  { title: "Length", rules: lengthRules },
  { title: "Numbers and ranges", rules: numberRules },
  { title: "Dates", rules: dateRules },
  { title: "Formats", rules: formatRules },
  { title: "Chinese identifiers and payment cards", rules: chinaRules },
  { title: "Uniqueness and order", rules: statefulRules },
  { title: "Record rules", rules: recordRules },
  { title: "Referential integrity", rules: referenceRules },
  { title: "Dataset rules", rules: [...aggregateRules, ...datasetValueRules] },
];

/** Built-in rules by name. */
export const BUILTIN_RULES: ReadonlyMap<string, RuleDefinition> = new Map(CATALOG_GROUPS.flatMap((g) => g.rules.map((r) => [r.name, r] as const)));
