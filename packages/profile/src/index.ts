export { profileRecords } from "./profileRecords/profileRecords.ts";
export {
  PROFILE_SCHEMA_VERSION,
  type ColumnProfile,
  type DatasetProfile,
  type DistinctCount,
  type Histogram,
  type HistogramBin,
  type PatternCount,
  type ValueCount,
  type ValueType,
} from "./profileRecords/DatasetProfile.ts";
export { createProfiler, type ProfileOptions, type Profiler } from "./createProfiler/createProfiler.ts";
export { suggestRules, type SuggestRulesOptions } from "./suggestRules/suggestRules.ts";
export { formatProfile, type FormatProfileOptions } from "./formatProfile/formatProfile.ts";
