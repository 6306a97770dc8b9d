export { main, type MainOptions } from "./main/main.ts";
export { loadJob, type LoadedDataset, type LoadedJob, type LoadJobOptions } from "./job/loadJob.ts";
export { runJob, withinAllowance, type RunJobOptions } from "./job/runJob.ts";
export {
  jobFileSchema,
  sourceSpecSchema,
  type DatasetSpec,
  type JobFile,
  type OutputsSpec,
  type ReportSpec,
  type SinkSpec,
  type SourceSpec,
} from "./job/jobFileSchema.ts";
export { stepRegistry, type StepDefinition } from "./job/stepRegistry.ts";
export { formatSummary } from "./report/formatSummary.ts";
export type { Terminal } from "./_internal/terminal.ts";
