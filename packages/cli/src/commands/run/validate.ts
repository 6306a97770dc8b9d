import { basename, dirname, relative } from "node:path";
import { combineReports, ConfigError, runPipeline, type RecordSink } from "@cleanse/core";
import { openSource, writeTextAtomic } from "@cleanse/io";
import { createCommandOutputs, openCommandSource, STDIO } from "../../_internal/commandIo.ts";
import { loadRulesSteps } from "@cleanse/rules";
import { checkOutputPaths } from "../../_internal/checkOutputPaths.ts";
import { openOutput } from "../../_internal/openOutput.ts";
import { reportMask } from "../../_internal/reportMask.ts";
import { createRoutedColumns } from "../../_internal/routedColumns.ts";
import { resolvePath } from "../../_internal/resolvePath.ts";
import { createPhasedProgress } from "../../_internal/progress.ts";
import { formatSummary } from "../../report/formatSummary.ts";
import type { CommandContext } from "../Command.ts";
import type { ParsedArgs } from "../../_internal/parseCommandArgs.ts";

/** Runs `cleanse validate <data> --rules <rules.yaml>`: checks a file against a rule file. */
export async function runValidate(args: ParsedArgs, ctx: CommandContext): Promise<number> {
  const [dataArg, ...extra] = args.positionals;
  const rulesArg = args.values.rules;
  if (!dataArg) throw new ConfigError("missing the data file: cleanse validate <data> --rules <rules.yaml>", { code: "CLEANSE_USAGE" });
  if (typeof rulesArg !== "string") throw new ConfigError("missing --rules <rules.yaml>", { code: "CLEANSE_USAGE" });
  if (extra.length > 0) throw new ConfigError(`unexpected arguments: ${extra.join(" ")}`, { code: "CLEANSE_USAGE" });
  const examples = args.values.examples === undefined ? undefined : Number(args.values.examples);
  if (examples !== undefined && !(Number.isInteger(examples) && examples >= 0)) {
    throw new ConfigError(`--examples takes a whole number, received "${String(args.values.examples)}"`, { code: "CLEANSE_USAGE" });
  }
  const rulesPath = resolvePath(ctx.cwd, rulesArg);
  const rulesDir = dirname(rulesPath);
  const { steps } = await loadRulesSteps(rulesPath, {
    baseDir: rulesDir,
    file: rulesPath,
    openSource: (spec) => openSource(spec, { baseDir: rulesDir }),
  });
  const dataName = dataArg === STDIO ? "stdin" : relative(ctx.cwd, resolvePath(ctx.cwd, dataArg)) || dataArg;
  const flags = [
    { flag: "clean", ext: "csv" },
    { flag: "quarantine", ext: "csv" },
    { flag: "report", ext: "json" },
    { flag: "markdown", ext: "md" },
    { flag: "html", ext: "html" },
  ] as const;
  const given = flags.flatMap((f) => (typeof args.values[f.flag] === "string" ? [{ flag: f.flag, arg: args.values[f.flag] as string, stdoutExtension: f.ext }] : []));
  const collision = (message: string) => new ConfigError(message, { code: "CLEANSE_OUTPUT_COLLISION" });
  checkOutputPaths([
    ...given.filter((o) => o.arg !== STDIO).map((o) => ({ path: resolvePath(ctx.cwd, o.arg), label: `--${o.flag}`, kind: "output" as const, error: collision })),
    ...(dataArg === STDIO ? [] : [{ path: resolvePath(ctx.cwd, dataArg), label: "the data file", kind: "source" as const, error: collision }]),
  ]);
  const source = openCommandSource(dataArg, args.values, ctx);
  const escapeFormulae = args.values["escape-formulas"] !== false;
  // The outputs appear together, only when the whole run succeeded.
  const outputs = await createCommandOutputs(given, `validate-${basename(given.find((o) => o.arg !== STDIO)?.arg ?? dataName)}`, ctx);
  const progress = createPhasedProgress(ctx.term);
  try {
    const routed = createRoutedColumns(source);
    const cleanPath = outputs.stage("clean");
    const quarantinePath = outputs.stage("quarantine");
    const clean: RecordSink | undefined = cleanPath
      ? routed.watch(await openOutput({ path: cleanPath, escapeFormulae }, { fallbackColumns: routed.columns("clean") }))
      : undefined;
    const quarantine: RecordSink | undefined = quarantinePath
      ? routed.watch(await openOutput({ path: quarantinePath, escapeFormulae }, { varyingFields: true, fallbackColumns: routed.columns("quarantine") }))
      : undefined;
    const report = await runPipeline({
      name: dataName,
      source,
      steps,
      mask: reportMask(args.values),
      ...(clean ? { clean } : {}),
      ...(quarantine ? { quarantine } : {}),
      ...(examples === undefined ? {} : { examplesPerRule: examples }),
      signal: ctx.signal,
      onProgress: progress.reporter(dataName),
    });
    progress.done();
    const job = combineReports(`validate ${dataName}`, [report]);
    const reports = (["report", "markdown", "html"] as const).flatMap((flag) => {
      const path = outputs.stage(flag);
      return path === undefined ? [] : [{ flag, path }];
    });
    if (reports.length > 0) {
      // The renderers are loaded only when a report is asked for (start-up of a plain check stays short).
      const { renderHtml, renderJson, renderMarkdown } = await import("@cleanse/report");
      const render = { report: renderJson, markdown: renderMarkdown, html: renderHtml } as const;
      for (const { flag, path } of reports) await writeTextAtomic(path, render[flag](job));
    }
    await outputs.publish();
    if (!args.values.quiet) {
      const summary = formatSummary(job, given.map((o) => outputs.shown(o.flag)!));
      if (outputs.toStdout) ctx.term.err(summary);
      else ctx.term.out(summary);
    }
    const failed =
      report.rules.some((r) => r.severity === "error" && r.failed > 0) || report.datasetIssues.some((i) => i.severity === "error");
    return failed ? 1 : 0;
  } catch (error) {
    progress.done();
    await outputs.discard();
    throw error;
  }
}
