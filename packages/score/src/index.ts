export { createScoreStep, prepareScoreSteps, type ScoreStepContext } from "./createScoreStep/createScoreStep.ts";
export {
  scoreStepSchema,
  type DeclaredCheck,
  type ScoreStepConfig,
  type ScoreWeights,
} from "./scoreStepSchema/scoreStepSchema.ts";
export {
  checkKey,
  DEFAULT_SEVERITY_WEIGHTS,
  scoreRecord,
  toWeightedChecks,
  type RecordScore,
  type ScoreRecordOptions,
  type ScoredRule,
  type WeightedCheck,
} from "./scoreRecord/scoreRecord.ts";
export {
  SCORECARD_VERSION,
  type DimensionScorecard,
  type FieldScorecard,
  type ScoreBin,
  type Scorecard,
  type ScoreDistribution,
} from "./Scorecard/Scorecard.ts";
export { readScorecard, jobScore, type JobScore } from "./readScorecard/readScorecard.ts";
export { failUnder, type FailUnderResult } from "./failUnder/failUnder.ts";
export { sortByScore, type SortByScoreOptions } from "./sortByScore/sortByScore.ts";
