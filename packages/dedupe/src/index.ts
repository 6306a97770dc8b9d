export {
  dedupeConfigSchema,
  type BlockingConfig,
  type BlockingRule,
  type ClusteringConfig,
  type ComparatorType,
  type ComparisonConfig,
  type DedupeConfig,
  type EmConfig,
  type GoldenConfig,
  type KeyBlockingRule,
  type KeyPartConfig,
  type KeySpec,
  type KeyTransform,
  type LshBlockingRule,
  type SortedNeighbourhoodRule,
  type SurvivorshipRule,
} from "./config/dedupeConfigSchema.ts";
export { dedupeConfigJsonSchema, parseDedupeConfig, type ParseDedupeConfigOptions } from "./config/parseDedupeConfig.ts";
export { autoConfigure, type AutoConfigureOptions } from "./autoConfigure/autoConfigure.ts";
export { profileColumns, type ColumnProfile, type ColumnRole, type ProfileColumnsOptions, type ValueShape } from "./autoConfigure/profileColumns.ts";
export {
  dedupeRecords,
  type DedupeOptions,
  type DedupeResult,
  type DedupeStats,
  type DedupeTimings,
  type MatchedPair,
} from "./dedupeRecords/dedupeRecords.ts";
export { explainPair, type ComparisonContribution, type ExplainPairOptions, type PairExplanation } from "./explain/explainPair.ts";
export { formatExplanation, type FormatExplanationOptions } from "./explain/formatExplanation.ts";
export type { DedupeModel, ModelComparison, ModelLevel, TermFrequencyTable, TrainingSummary } from "./scoring/DedupeModel.ts";
export type { LabelCheck, LabelledPair, LabelOptions } from "./scoring/runMatching.ts";
export type { BlockingRuleStats, BlockingStats } from "./blocking/blockPairs.ts";
export { clusterPairs, type Cluster, type ClusteringMethod, type ClusterPairsOptions, type ScoredIdPair } from "./clustering/clusterPairs.ts";
export { compareIds } from "./clustering/compareIds.ts";
export {
  buildGoldenRecords,
  type BuildGoldenRecordsOptions,
  type ClusterMembers,
  type FieldLineage,
  type GoldenRecord,
} from "./golden/buildGoldenRecords.ts";
export {
  createComparison,
  type Comparison,
  type ComparisonLevel,
  type CreateComparisonOptions,
  type LevelKind,
} from "./comparisons/createComparison.ts";
export { jaroWinkler } from "./comparisons/jaroWinkler.ts";
export {
  damerauLevenshteinDistance,
  damerauLevenshteinSimilarity,
  levenshteinDistance,
  levenshteinSimilarity,
} from "./comparisons/editDistance.ts";
export { qgramJaccard, tokenSetSimilarity } from "./comparisons/setSimilarity.ts";
export { evaluateClusters, evaluatePairs, type PairMetrics } from "./evaluatePairs/evaluatePairs.ts";
export {
  reviewPairs,
  type ReviewAnswer,
  type ReviewedPair,
  type ReviewInput,
  type ReviewPair,
  type ReviewPairsOptions,
  type ReviewResult,
  type ReviewRound,
} from "./review/reviewPairs.ts";
export { LABEL_COLUMNS, readLabels, type ReadLabelsOptions } from "./labels/readLabels.ts";
export { InvalidLabelsError, type InvalidLabelsCode } from "./labels/InvalidLabelsError.ts";
export { linkRecords, type LinkedPair, type LinkOptions, type LinkResult, type LinkStats } from "./linkRecords/linkRecords.ts";
export { loadModel, saveModel } from "./incremental/saveModel.ts";
export {
  createClusterStore,
  matchIntoClusters,
  type ClusterStore,
  type IncrementalResult,
  type MatchIntoClustersOptions,
  type StoredRecord,
} from "./incremental/clusterStore.ts";
export {
  createDedupeStep,
  dedupeStepSchema,
  type DedupeReportSection,
  type DedupeStepOptions,
} from "./createDedupeStep/createDedupeStep.ts";
export { createLinkStep, linkStepSchema, type LinkReportSection, type LinkStepOptions } from "./createLinkStep/createLinkStep.ts";
export { generateCandidatePairs, type GenerateCandidatePairsOptions } from "./blocking/generateCandidatePairs.ts";
