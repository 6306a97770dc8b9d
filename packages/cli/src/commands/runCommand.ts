import { ConfigError } from "@cleanse/core";
import { checkOutputPaths } from "../_internal/checkOutputPaths.ts";
import { reportMask, SHOW_PII_OPTION } from "../_internal/reportMask.ts";
import { resolvePath } from "../_internal/resolvePath.ts";
import { createProgress } from "../_internal/terminal.ts";
import { loadJob } from "../job/loadJob.ts";
import { runJob, withinAllowance } from "../job/runJob.ts";
import { formatSummary } from "../report/formatSummary.ts";
import { failUnder } from "@cleanse/score";
import type { Command } from "./Command.ts";
import { relative } from "node:path";

/** `cleanse run <job.yaml>`: runs a job file. */
export const runCommand: Command = {
  name: "run",
  usage: "cleanse run <job.yaml> [options]",
  summary:
    "Runs a job file: reads its sources, applies its steps, writes clean and quarantined records and the report.\n" +
    "Exit codes: 0 all clean (or within --allow-quarantined), 1 records quarantined, 2 usage, configuration or I/O error.",
  options: {
    "allow-quarantined": {
      type: "string",
      value: "n",
      description: "exit 0 while quarantined records stay at or below n: a ratio 0..1 (e.g. 0.05) or a count above 1",
    },
    report: { type: "string", value: "file", description: "also write the JSON report here" },
    baseline: { type: "string", value: "report.json", description: "a previous run's JSON report: the Markdown and HTML reports show what changed" },
    "fail-under": { type: "string", value: "score", description: "exit 1 when the job's quality score (0-100, from a score step) is below this" },
    "show-pii": SHOW_PII_OPTION,
  },
  async run(args, ctx) {
    const [jobPath, ...extra] = args.positionals;
    if (!jobPath) throw new ConfigError('missing the job file: cleanse run <job.yaml>', { code: "CLEANSE_USAGE" });
    if (extra.length > 0) throw new ConfigError(`unexpected arguments: ${extra.join(" ")}`, { code: "CLEANSE_USAGE" });
    const file = resolvePath(ctx.cwd, jobPath);
    const loaded = await loadJob(file);
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
    const progress = createProgress(ctx.term);
    const report = await runJob(job, { signal: ctx.signal, onProgress: progress.update, mask: reportMask(args.values), ...(baseline ? { baseline } : {}) });
    progress.done();
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
  },
};
