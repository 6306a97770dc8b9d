export { reconcile, type FieldStandardization, type KeyLinker, type LinkedKeyPair, type ReconcileOptions } from "./reconcile/reconcile.ts";
export {
  RECONCILE_REPORT_VERSION,
  type DiffRow,
  type DiffStatus,
  type FieldReport,
  type LagBucket,
  type MismatchExample,
  type OnlyExample,
  type ReconcileReport,
  type ReconcileSide,
  type ReconcileTotals,
  type TimelinessReport,
} from "./ReconcileReport/ReconcileReport.ts";
export { builtinStandardizers, type FieldStandardizer, type StandardizerFactory } from "./builtinStandardizers/builtinStandardizers.ts";
export type { ComparatorSpec, FieldComparator, StandardizerResolver, StandardizerSpec } from "./FieldSpecs/FieldSpecs.ts";
export { inferStandardizers, inferTimestampFields, type InferStandardizersOptions } from "./inferStandardizers/inferStandardizers.ts";
export { renderReconcileMarkdown } from "./renderReconcileMarkdown/renderReconcileMarkdown.ts";
export { renderReconcileHtml } from "./renderReconcileHtml/renderReconcileHtml.ts";
export { formatReconcileSummary } from "./formatReconcileSummary/formatReconcileSummary.ts";
export {
  reconcileJobSchema,
  type ComparatorJobSpec,
  type ReconcileInputSpec,
  type ReconcileJob,
  type ReconcileReportSpec,
  type StandardizerJobSpec,
} from "./reconcileJobSchema/reconcileJobSchema.ts";
export {
  hasDifferences,
  reconcileJobFromArgs,
  reconcileJobOutputs,
  runReconcileJob,
  type ReconcileOutput,
  type ReconcileArgs,
  type ReconcileJobResult,
  type RunReconcileJobOptions,
} from "./runReconcileJob/runReconcileJob.ts";
