import { basename, dirname, relative } from "node:path";
import { combineReports, ConfigError, runPipeline, type RecordSink } from "@cleanse/core";
import { createOutputSet, openSource, writeTextAtomic } from "@cleanse/io";
import { loadRulesSteps } from "@cleanse/rules";
import { checkOutputPaths } from "../_internal/checkOutputPaths.ts";
import { openOutput } from "../_internal/openOutput.ts";
import { reportMask, SHOW_PII_OPTION } from "../_internal/reportMask.ts";
import { createRoutedColumns } from "../_internal/routedColumns.ts";
import { resolvePath } from "../_internal/resolvePath.ts";
import { createProgress } from "../_internal/terminal.ts";
import { formatSummary } from "../report/formatSummary.ts";
import { renderHtml, renderJson, renderMarkdown } from "@cleanse/report";
import type { Command } from "./Command.ts";

/** `cleanse validate <data> --rules <rules.yaml>`: checks a file against a rule file. */
export const validateCommand: Command = {
  name: "validate",
  usage: "cleanse validate <data> --rules <rules.yaml> [options]",
  summary:
    "Checks a data file (CSV, JSON Lines, JSON) against a rule file and reports every failing rule.\n" +
    "Exit codes: 0 no error-severity rule failed, 1 some did, 2 a bad rule file, data file or argument.",
  options: {
    rules: { type: "string", short: "r", value: "rules.yaml", description: "the rule file (YAML or JSON)" },
    report: { type: "string", value: "report.json", description: "write the JSON report here" },
    markdown: { type: "string", value: "report.md", description: "write a Markdown report here" },
    html: { type: "string", value: "report.html", description: "write a self-contained HTML report here" },
    clean: { type: "string", value: "file", description: "write records that pass here" },
    quarantine: { type: "string", value: "file", description: "write records with errors here, with _reasons" },
    encoding: { type: "string", value: "name", description: 'text encoding of the data, or "auto" (default)' },
    examples: { type: "string", value: "n", description: "failing examples kept per rule (default 5)" },
    "show-pii": SHOW_PII_OPTION,
  },
  async run(args, ctx) {
    const [dataArg, ...extra] = args.positionals;
    const rulesArg = args.values.rules;
    if (!dataArg) throw new ConfigError("missing the data file: cleanse validate <data> --rules <rules.yaml>", { code: "CLEANSE_USAGE" });
    if (typeof rulesArg !== "string") throw new ConfigError("missing --rules <rules.yaml>", { code: "CLEANSE_USAGE" });
    if (extra.length > 0) throw new ConfigError(`unexpected arguments: ${extra.join(" ")}`, { code: "CLEANSE_USAGE" });
    const examples = args.values.examples === undefined ? undefined : Number(args.values.examples);
    if (examples !== undefined && !(Number.isInteger(examples) && examples >= 0)) {
      throw new ConfigError(`--examples takes a whole number, received "${String(args.values.examples)}"`, { code: "CLEANSE_USAGE" });
    }
    const dataPath = resolvePath(ctx.cwd, dataArg);
    const rulesPath = resolvePath(ctx.cwd, rulesArg);
    const rulesDir = dirname(rulesPath);
    const { steps } = await loadRulesSteps(rulesPath, {
      baseDir: rulesDir,
      file: rulesPath,
      openSource: (spec) => openSource(spec, { baseDir: rulesDir }),
    });
    const encoding = typeof args.values.encoding === "string" ? args.values.encoding : "auto";
    const source = openSource({ path: dataPath, ...(dataPath.match(/\.(csv|tsv|txt)$/i) ? { encoding } : {}) });
    const out = (key: "clean" | "quarantine"): string | undefined =>
      typeof args.values[key] === "string" ? resolvePath(ctx.cwd, args.values[key] as string) : undefined;
    const cleanPath = out("clean");
    const quarantinePath = out("quarantine");
    const flags = ["clean", "quarantine", "report", "markdown", "html"] as const;
    const outputs = flags.flatMap((flag) => (typeof args.values[flag] === "string" ? [{ flag, path: resolvePath(ctx.cwd, args.values[flag] as string) }] : []));
    const collision = (message: string) => new ConfigError(message, { code: "CLEANSE_OUTPUT_COLLISION" });
    checkOutputPaths([
      ...outputs.map((o) => ({ path: o.path, label: `--${o.flag}`, kind: "output" as const, error: collision })),
      { path: dataPath, label: "the data file", kind: "source", error: collision },
    ]);
    // The outputs appear together, only when the whole run succeeded.
    const set = await createOutputSet(outputs.map((o) => o.path), { name: `validate-${basename(outputs[0]?.path ?? dataPath)}` });
    try {
      const routed = createRoutedColumns(source);
      const clean: RecordSink | undefined = cleanPath
        ? routed.watch(await openOutput({ path: set.stage(cleanPath) }, { fallbackColumns: routed.columns("clean") }))
        : undefined;
      const quarantine: RecordSink | undefined = quarantinePath
        ? routed.watch(await openOutput({ path: set.stage(quarantinePath) }, { varyingFields: true, fallbackColumns: routed.columns("quarantine") }))
        : undefined;
      const progress = createProgress(ctx.term);
      const report = await runPipeline({
        name: relative(ctx.cwd, dataPath) || dataPath,
        source,
        steps,
        mask: reportMask(args.values),
        ...(clean ? { clean } : {}),
        ...(quarantine ? { quarantine } : {}),
        ...(examples === undefined ? {} : { examplesPerRule: examples }),
        signal: ctx.signal,
        onProgress: (p) => progress.update(relative(ctx.cwd, dataPath), p),
      });
      progress.done();
      const job = combineReports(`validate ${relative(ctx.cwd, dataPath) || dataPath}`, [report]);
      const written: string[] = [];
      if (typeof args.values.report === "string") {
        const p = resolvePath(ctx.cwd, args.values.report);
        await writeTextAtomic(set.stage(p), renderJson(job));
        written.push(p);
      }
      if (typeof args.values.markdown === "string") {
        const p = resolvePath(ctx.cwd, args.values.markdown);
        await writeTextAtomic(set.stage(p), renderMarkdown(job));
        written.push(p);
      }
      if (typeof args.values.html === "string") {
        const p = resolvePath(ctx.cwd, args.values.html);
        await writeTextAtomic(set.stage(p), renderHtml(job));
        written.push(p);
      }
      await set.publish();
      if (!args.values.quiet) {
        ctx.term.out(formatSummary(job, [cleanPath, quarantinePath, ...written].filter((p): p is string => p !== undefined).map((p) => relative(ctx.cwd, p) || p)));
      }
      const failed =
        report.rules.some((r) => r.severity === "error" && r.failed > 0) || report.datasetIssues.some((i) => i.severity === "error");
      return failed ? 1 : 0;
    } catch (error) {
      await set.discard();
      throw error;
    }
  },
};
