import { ConfigError } from "@cleanse/core";
import { checkOutputPaths } from "../../_internal/checkOutputPaths.ts";
import { reportMask } from "../../_internal/reportMask.ts";
import { resolvePath } from "../../_internal/resolvePath.ts";
import { createPhasedProgress } from "../../_internal/progress.ts";
import { loadJob, type LoadedDataset, type LoadedJob, type ResolvedOutput } from "../../job/loadJob.ts";
import type { ResolvedSink } from "../../job/ioOptions.ts";
import { runJob, withinAllowance } from "../../job/runJob.ts";
import { formatSummary } from "../../report/formatSummary.ts";
import { failUnder } from "@cleanse/score";
import type { CommandContext } from "../Command.ts";
import type { ParsedArgs } from "../../_internal/parseCommandArgs.ts";
import { relative } from "node:path";

/** Runs `cleanse run <job.yaml>`: runs a job file. */
export async function runRun(args: ParsedArgs, ctx: CommandContext): Promise<number> {
  const [jobPath, ...extra] = args.positionals;
  if (!jobPath) throw new ConfigError('missing the job file: cleanse run <job.yaml>', { code: "CLEANSE_USAGE" });
  if (extra.length > 0) throw new ConfigError(`unexpected arguments: ${extra.join(" ")}`, { code: "CLEANSE_USAGE" });
  const file = resolvePath(ctx.cwd, jobPath);
  const loaded = withoutFormulaEscaping(await loadJob(file, { cwd: ctx.cwd }), args.values["escape-formulas"] === false);
  const reportPath = typeof args.values.report === "string" ? resolvePath(ctx.cwd, args.values.report) : undefined;
  const job = reportPath ? { ...loaded, report: { ...loaded.report, json: reportPath } } : loaded;
  if (reportPath) {
    checkOutputPaths([
      ...loaded.claims.filter((c) => c.label !== "report" && c.label !== "report.json"),
      { path: reportPath, label: "--report", kind: "output", error: (message) => new ConfigError(message, { code: "CLEANSE_OUTPUT_COLLISION" }) },
    ]);
  }
  const allowArg = args.values["allow-quarantined"];
  let allow = job.allowQuarantined;
  if (typeof allowArg === "string") {
    allow = Number(allowArg.endsWith("%") ? Number(allowArg.slice(0, -1)) / 100 : allowArg);
    if (!Number.isFinite(allow) || allow < 0) {
      throw new ConfigError(`--allow-quarantined takes a ratio (0..1), a percentage (5%) or a count; received "${allowArg}"`, { code: "CLEANSE_USAGE" });
    }
  }
  const failUnderArg = args.values["fail-under"];
  const threshold = typeof failUnderArg === "string" ? Number(failUnderArg) : undefined;
  if (threshold !== undefined && !(Number.isFinite(threshold) && threshold >= 0 && threshold <= 100)) {
    throw new ConfigError(`--fail-under takes a score from 0 to 100; received "${String(failUnderArg)}"`, { code: "CLEANSE_USAGE" });
  }
  const baseline = typeof args.values.baseline === "string" ? resolvePath(ctx.cwd, args.values.baseline) : undefined;
  const progress = createPhasedProgress(ctx.term);
  let report: Awaited<ReturnType<typeof runJob>>;
  try {
    report = await runJob(job, { signal: ctx.signal, onProgress: progress.update, mask: reportMask(args.values), ...(baseline ? { baseline } : {}) });
  } finally {
    progress.done();
  }
  if (!args.values.quiet) {
    const written = [
      ...job.datasets.flatMap((d) => [d.outputs.clean, d.outputs.quarantine, d.outputs.merged].map((o) => (o && "path" in o ? o.path : undefined))),
      job.report.json,
      job.report.markdown,
      job.report.html,
    ]
      .filter((p): p is string => p !== undefined)
      .map((p) => relative(ctx.cwd, p) || p);
    ctx.term.out(formatSummary(report, written));
  }
  let code = withinAllowance(report, allow) ? 0 : 1;
  if (threshold !== undefined) {
    const gate = failUnder(report, threshold);
    if (!gate.ok) {
      ctx.term.err(`cleanse: ${gate.message}\n`);
      code = 1;
    }
  }
  return code;
}

/** With --no-escape-formulas, the job's file outputs write cells exactly as they are. */
function withoutFormulaEscaping(job: LoadedJob, off: boolean): LoadedJob {
  if (!off) return job;
  const isCsv = (o: ResolvedSink) => (o.format === undefined ? /\.(csv|tsv|txt)$/i.test(o.path) : o.format === "csv");
  const plain = (o: ResolvedOutput | undefined) => (o !== undefined && "path" in o && isCsv(o) ? { ...o, escapeFormulae: false } : o);
  return {
    ...job,
    datasets: job.datasets.map((d) => ({
      ...d,
      outputs: Object.fromEntries(Object.entries(d.outputs).map(([kind, o]) => [kind, plain(o)])) as LoadedDataset["outputs"],
    })),
  };
}
