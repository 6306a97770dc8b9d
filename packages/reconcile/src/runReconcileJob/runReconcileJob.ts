import { isAbsolute, resolve } from "node:path";
import { ConfigError, createProgressReporter, type Masker, type ProgressEvent, type RecordInput, type RecordSink } from "@cleanse/core";
import type { ComparatorSpec, StandardizerResolver, StandardizerSpec } from "../FieldSpecs/FieldSpecs.ts";
import { writeTextAtomic } from "../_internal/writeTextAtomic.ts";
import { reconcile, type FieldStandardization, type KeyLinker, type ReconcileOptions } from "../reconcile/reconcile.ts";
import type { ReconcileInputSpec, ReconcileJob } from "../reconcileJobSchema/reconcileJobSchema.ts";
import type { ReconcileReport } from "../ReconcileReport/ReconcileReport.ts";
import { renderReconcileHtml } from "../renderReconcileHtml/renderReconcileHtml.ts";
import { renderReconcileMarkdown } from "../renderReconcileMarkdown/renderReconcileMarkdown.ts";

/** Options of {@link runReconcileJob}: where relative paths start, and how inputs and the diff are opened. */
export interface RunReconcileJobOptions {
  /** Folder relative paths of the job resolve against (the job file's folder). */
  readonly baseDir: string;
  /** Opens `left` / `right`: files through `@cleanse/io`'s `openSource`, databases through `@cleanse/db`'s `openDbSource`. */
  readonly openSource: (spec: ReconcileInputSpec, context: { readonly role: "left" | "right"; readonly baseDir: string }) => RecordInput | Promise<RecordInput>;
  /** Opens `diff`: a file through `@cleanse/io`'s `openSink`, a database through `@cleanse/db`'s `openDbSink`. */
  readonly openSink?: (spec: ReconcileInputSpec, context: { readonly baseDir: string }) => RecordSink | Promise<RecordSink>;
  readonly resolveStandardizer?: StandardizerResolver;
  /** Needed for `key_match: fuzzy`. */
  readonly linker?: KeyLinker;
  readonly signal?: AbortSignal;
  /**
   * Where to write the report file whose final path is given; default: that path. A caller that publishes a run's
   * files together (an output set) passes its staging function, and makes the files visible after the run.
   */
  readonly stage?: (path: string) => string;
  /** How the report masks personal values (see `ReconcileOptions.mask`); `false` shows them in clear. */
  readonly mask?: Masker | false;
  /**
   * Receives the run's phases: those of `reconcile` (see `ReconcileOptions.onProgress`), then `writing` (subject
   * `report`, in files).
   */
  readonly onProgress?: (event: ProgressEvent) => void;
}

/** A file a reconciliation job writes. */
export interface ReconcileOutput {
  /** `report` (one per format) or `diff`. */
  readonly role: "report" | "diff";
  readonly format: "json" | "markdown" | "html" | "records";
  /** Absolute path. */
  readonly path: string;
  /** How the job names it: `report`, `report.html`, `diff`. */
  readonly label: string;
}

/** What a reconciliation job produced. */
export interface ReconcileJobResult {
  readonly report: ReconcileReport;
  /** Report and diff files written, as absolute paths. */
  readonly written: readonly string[];
  /** 0 when both sides agree, 1 when records are missing on a side or fields differ. */
  readonly exitCode: 0 | 1;
}

/**
 * Tells whether a reconciliation found differences: records on one side only, or differing fields.
 * @param report - the report
 * @returns true when the two sides do not agree
 * @example
 * hasDifferences({ totals: { leftOnly: 0, rightOnly: 0, mismatched: 2 } }) //=> true
 */
export function hasDifferences(report: Pick<ReconcileReport, "totals">): boolean {
  return report.totals.leftOnly + report.totals.rightOnly + report.totals.mismatched > 0;
}

const resolveIn = (baseDir: string, path: string): string => (isAbsolute(path) ? path : resolve(baseDir, path));

/**
 * Lists the files a reconciliation job writes: each report format and the diff, when it is a file (a database diff
 * is not a file). Paths resolve against `baseDir`.
 * @param job - the job
 * @param baseDir - folder relative paths start from (the job file's folder)
 * @returns the outputs, reports first
 * @example
 * reconcileJobOutputs({ report: "r.md", diff: "d.csv" }, "/data")
 * //=> [{ role: "report", format: "markdown", path: "/data/r.md", label: "report" }, { role: "diff", format: "records", path: "/data/d.csv", label: "diff" }]
 */
export function reconcileJobOutputs(job: Pick<ReconcileJob, "report" | "diff">, baseDir: string): ReconcileOutput[] {
  const out: ReconcileOutput[] = reportTargets(job.report).map(([format, path]) => ({
    role: "report",
    format,
    path: resolveIn(baseDir, path),
    label: typeof job.report === "string" ? "report" : `report.${format}`,
  }));
  const diffPath = typeof job.diff === "string" ? job.diff : job.diff && typeof job.diff.path === "string" ? job.diff.path : undefined;
  if (diffPath !== undefined) out.push({ role: "diff", format: "records", path: resolveIn(baseDir, diffPath), label: "diff" });
  return out;
}

/**
 * Runs a reconciliation described as data (a job file, possibly merged with command-line flags):
 * opens both inputs and the diff through the given openers, reconciles, and writes the report in the
 * formats asked for (JSON, Markdown, HTML; each through a temp file and a rename).
 * @param job - the job, validated with {@link reconcileJobSchema}
 * @param options - base folder and openers
 * @returns the report, the files written and the exit code
 * @throws ConfigError when the job lacks left, right or key
 * @example
 * const { exitCode } = await runReconcileJob({ left: "crm.csv", right: "erp.jsonl", key: "email", report: "out/reconcile.md" }, { baseDir: ".", openSource });
 */
export async function runReconcileJob(job: ReconcileJob, options: RunReconcileJobOptions): Promise<ReconcileJobResult> {
  const missing = (["left", "right", "key"] as const).filter((k) => job[k] === undefined);
  if (missing.length > 0) {
    throw new ConfigError(`A reconciliation needs ${missing.join(", ")}: cleanse reconcile <left> <right> --key <field>, or set them in the job file.`, {
      code: "CLEANSE_USAGE",
    });
  }
  if (job.key_match === "fuzzy" && !options.linker) {
    throw new ConfigError("Fuzzy key matching needs a linker; this build has none. Use key_match: exact.", { code: "CLEANSE_USAGE" });
  }
  const left = await options.openSource(job.left!, { role: "left", baseDir: options.baseDir });
  const right = await options.openSource(job.right!, { role: "right", baseDir: options.baseDir });
  let diff: RecordSink | undefined;
  if (job.diff !== undefined) {
    if (!options.openSink) throw new ConfigError("This caller cannot write a diff: no sink opener was given.", { code: "CLEANSE_USAGE" });
    diff = await options.openSink(job.diff, { baseDir: options.baseDir });
  }
  const reconcileOptions: ReconcileOptions = {
    key: job.key!,
    ...(job.map ? { map: job.map } : {}),
    ...(job.fields ? { fields: job.fields } : {}),
    ...(job.standardize ? { standardize: job.standardize as ReconcileOptions["standardize"] & Record<string, FieldStandardization | StandardizerSpec> } : {}),
    ...(options.resolveStandardizer ? { resolveStandardizer: options.resolveStandardizer } : {}),
    ...(job.compare ? { compare: job.compare as Record<string, ComparatorSpec> } : {}),
    ...(job.timestamps !== undefined ? { timestamps: job.timestamps } : {}),
    ...(job.key_match ? { keyMatch: job.key_match } : {}),
    ...(options.linker ? { linker: options.linker } : {}),
    ...(job.sorted !== undefined ? { sorted: job.sorted } : {}),
    ...(job.memory_limit_mb !== undefined ? { memoryLimitMb: job.memory_limit_mb } : {}),
    ...(job.temp_dir !== undefined ? { tempDir: resolveIn(options.baseDir, job.temp_dir) } : {}),
    ...(job.examples !== undefined ? { examples: job.examples } : {}),
    ...(job.pii_fields ? { piiFields: job.pii_fields } : {}),
    ...(options.mask === undefined ? {} : { mask: options.mask }),
    ...(diff ? { diff } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  };
  const report = await reconcile(left, right, reconcileOptions);
  const outputs = reconcileJobOutputs(job, options.baseDir);
  const reports = outputs.filter((o) => o.role === "report");
  const progress = createProgressReporter(options.onProgress);
  progress.start("writing", "files", { subject: "report", total: reports.length });
  for (const [k, { format, path }] of reports.entries()) {
    const text = format === "markdown" ? renderReconcileMarkdown(report) : format === "html" ? renderReconcileHtml(report) : `${JSON.stringify(report, null, 2)}\n`;
    await writeTextAtomic(options.stage ? options.stage(path) : path, text);
    progress.update(k + 1);
  }
  progress.end(reports.length);
  const written = [...outputs.filter((o) => o.role === "diff"), ...outputs.filter((o) => o.role === "report")].map((o) => o.path);
  return { report, written, exitCode: hasDifferences(report) ? 1 : 0 };
}

function reportTargets(spec: ReconcileJob["report"]): [format: "json" | "markdown" | "html", path: string][] {
  if (spec === undefined) return [];
  if (typeof spec === "string") {
    const format = /\.(md|markdown)$/i.test(spec) ? "markdown" : /\.html?$/i.test(spec) ? "html" : "json";
    return [[format, spec]];
  }
  const out: [format: "json" | "markdown" | "html", path: string][] = [];
  if (spec.json) out.push(["json", spec.json]);
  if (spec.markdown) out.push(["markdown", spec.markdown]);
  if (spec.html) out.push(["html", spec.html]);
  return out;
}

/** Command-line arguments of `cleanse reconcile`, already split by the argument parser. */
export interface ReconcileArgs {
  readonly left?: string | undefined;
  readonly right?: string | undefined;
  /** `--key email` or `--key country,customer_no`. */
  readonly key?: string | undefined;
  /** `--map phone=mobile` (repeatable; commas allowed). */
  readonly map?: readonly string[] | string | undefined;
  readonly keyMatch?: string | undefined;
  readonly report?: string | undefined;
  readonly diff?: string | undefined;
  readonly sorted?: boolean | undefined;
  readonly memoryLimitMb?: string | undefined;
}

/**
 * Merges command-line arguments over a job file: flags win, `--map` entries add to the job's map.
 * Paths given on the command line are resolved with `resolvePath` (against the user's folder), so they
 * stay right when the job's own paths resolve against the job file's folder.
 * @param args - the parsed flags and positionals
 * @param job - the job file, if one was given
 * @param resolvePath - makes a command-line path absolute
 * @returns the merged job
 * @throws ConfigError (`CLEANSE_USAGE`) for a malformed `--map` or `--key-match`
 * @example
 * reconcileJobFromArgs({ left: "crm.csv", right: "erp.jsonl", key: "email", map: ["phone=mobile"] }, undefined, (p) => p)
 * //=> { left: "crm.csv", right: "erp.jsonl", key: ["email"], map: { phone: "mobile" } }
 */
export function reconcileJobFromArgs(args: ReconcileArgs, job: ReconcileJob | undefined, resolvePath: (path: string) => string): ReconcileJob {
  const out: ReconcileJob = { ...job };
  if (args.left !== undefined) out.left = resolvePath(args.left);
  if (args.right !== undefined) out.right = resolvePath(args.right);
  if (args.key !== undefined) {
    const parts = args.key.split(",").map((s) => s.trim()).filter((s) => s !== "");
    if (parts.length === 0) throw new ConfigError("--key needs at least one field name, e.g. --key email or --key country,customer_no", { code: "CLEANSE_USAGE" });
    out.key = parts;
  }
  const entries = (typeof args.map === "string" ? [args.map] : (args.map ?? [])).flatMap((m) => m.split(","));
  if (entries.length > 0) {
    const map: Record<string, string> = { ...job?.map };
    for (const entry of entries) {
      const m = /^\s*([^=]+?)\s*=\s*([^=]+?)\s*$/.exec(entry);
      if (!m) throw new ConfigError(`--map takes left=right pairs, e.g. --map phone=mobile; received "${entry}"`, { code: "CLEANSE_USAGE" });
      map[m[1]!] = m[2]!;
    }
    out.map = map;
  }
  if (args.keyMatch !== undefined) {
    if (args.keyMatch !== "exact" && args.keyMatch !== "fuzzy") {
      throw new ConfigError(`--key-match is exact or fuzzy; received "${args.keyMatch}"`, { code: "CLEANSE_USAGE" });
    }
    out.key_match = args.keyMatch;
  }
  if (args.report !== undefined) out.report = resolvePath(args.report);
  if (args.diff !== undefined) out.diff = resolvePath(args.diff);
  if (args.sorted !== undefined) out.sorted = args.sorted;
  if (args.memoryLimitMb !== undefined) {
    const mb = Number(args.memoryLimitMb);
    if (!Number.isFinite(mb) || mb < 1) throw new ConfigError(`--memory-limit takes a number of MB; received "${args.memoryLimitMb}"`, { code: "CLEANSE_USAGE" });
    out.memory_limit_mb = mb;
  }
  return out;
}
