export { renderJson } from "./renderJson/renderJson.ts";
export { renderMarkdown, type RenderMarkdownOptions } from "./renderMarkdown/renderMarkdown.ts";
export { renderHtml, type RenderHtmlOptions } from "./renderHtml/renderHtml.ts";
export {
  compareReports,
  type Change,
  type ChangeDirection,
  type DatasetComparison,
  type DimensionChange,
  type FieldChange,
  type ReportComparison,
  type RuleChange,
  type TotalsComparison,
} from "./compareReports/compareReports.ts";
export { loadReport, parseReport, type ParseReportOptions } from "./loadReport/loadReport.ts";
export { isJobReport, toJobReport } from "./toJobReport/toJobReport.ts";
export { reportJsonSchema } from "./reportJsonSchema/reportJsonSchema.ts";
