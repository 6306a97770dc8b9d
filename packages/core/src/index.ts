export {
  AbortedError,
  CleanseError,
  ConfigError,
  CountMismatchError,
  DataError,
  IoError,
  isCleanseError,
  type CleanseErrorOptions,
} from "./CleanseError/CleanseError.ts";
export {
  isAtLeast,
  type DataRecord,
  type Dimension,
  type Issue,
  type IssueCode,
  type Severity,
  type SourceLocation,
} from "./Issue/Issue.ts";
export {
  addIssue,
  checkRecords,
  defineStep,
  mapRecords,
  markChanged,
  type RecordEnvelope,
  type RecordStatus,
  type RecordStep,
  type RuleInfo,
  type Step,
  type StepContext,
  type StepFactoryContext,
  type StreamStep,
} from "./Step/Step.ts";
export {
  isRecordSource,
  toRecordSource,
  type InputFingerprint,
  type RecordBatch,
  type RecordInput,
  type RecordSource,
  type SourceProgress,
  type ToRecordSourceOptions,
} from "./RecordSource/RecordSource.ts";
export { checkReservedFields, createMemorySink, formatReasons, QUARANTINE_FIELDS, withReasons, type RecordSink } from "./RecordSink/RecordSink.ts";
export {
  combineReports,
  REPORT_SCHEMA_VERSION,
  type DimensionScore,
  type FieldSummary,
  type IssueExample,
  type JobReport,
  type QualityReport,
  type ReportTimings,
  type ReportTotals,
  type RuleSummary,
  type StepTiming,
} from "./QualityReport/QualityReport.ts";
export { createReportBuilder, type ReportBuilder, type ReportBuilderOptions } from "./QualityReport/createReportBuilder.ts";
export { createPiiPolicy, maskableSection, type Masker, type PiiPolicy, type PiiPolicyOptions } from "./QualityReport/PiiPolicy.ts";
export { isPersonalFieldName } from "./QualityReport/isPersonalFieldName.ts";
export {
  processRecords,
  type PipelineProgress,
  type ProcessRecordsOptions,
  type RecordRun,
} from "./processRecords/processRecords.ts";
export { runPipeline, type RunPipelineOptions } from "./runPipeline/runPipeline.ts";
export {
  createProgressReporter,
  type ProgressEvent,
  type ProgressPhase,
  type ProgressReporter,
  type ProgressReporterOptions,
  type ProgressStartOptions,
  type ProgressUnit,
} from "./ProgressEvent/ProgressEvent.ts";
export { dropFields, renameFields, selectFields } from "./fieldSteps/fieldSteps.ts";
export { getField, hasField, isInheritedName, setField } from "./fieldAccess/fieldAccess.ts";
export { collect } from "./collect/collect.ts";
export { formatLocation } from "./formatLocation/formatLocation.ts";
export { toNodeReadable, toWebStream } from "./streamAdapters/streamAdapters.ts";
export { displayWidth, padEndDisplay, padStartDisplay, truncateDisplay, type TruncateDisplayOptions } from "./text/displayWidth.ts";
export { formatCount } from "./text/formatCount.ts";
export { formatDecimal } from "./text/formatDecimal.ts";
export { plural } from "./text/plural.ts";
