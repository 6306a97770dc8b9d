import { basename, dirname, relative } from "node:path";
import { ConfigError, type RecordInput, type RecordSink } from "@cleanse/core";
import { readConfigFile, validateConfig } from "@cleanse/config";
import { isDbSpec, openDbSink, openDbSource, type DbSinkSpec, type DbSourceSpec } from "@cleanse/db";
import { linkRecords } from "@cleanse/dedupe";
import { createOutputSet, openSink, openSource, type OutputSet } from "@cleanse/io";
import {
  formatReconcileSummary,
  reconcileJobFromArgs,
  reconcileJobOutputs,
  reconcileJobSchema,
  runReconcileJob,
  type ReconcileInputSpec,
  type ReconcileJob,
} from "@cleanse/reconcile";
import { checkOutputPaths, type PathClaim } from "../../_internal/checkOutputPaths.ts";
import { resolvePath } from "../../_internal/resolvePath.ts";
import { openCommandSource, STDIO } from "../../_internal/commandIo.ts";
import { reportMask } from "../../_internal/reportMask.ts";
import { toReaderOptions } from "../../job/ioOptions.ts";
import type { SourceSpec } from "../../job/jobFileSchema.ts";
import type { CommandContext } from "../Command.ts";
import { createPhasedProgress } from "../../_internal/progress.ts";
import type { ParsedArgs } from "../../_internal/parseCommandArgs.ts";

/**
 * Opens an input: a database table, standard input for `-`, or a file. A file given by its path alone is read with
 * the command's `--format`, `--delimiter` and `--encoding`; a file given as a mapping in the job file, with its own.
 */
function openInput(spec: ReconcileInputSpec, baseDir: string, values: ParsedArgs["values"], term: CommandContext["term"]): RecordInput {
  if (isDbSpec(spec)) return openDbSource(spec as DbSourceSpec, { baseDir });
  if (typeof spec === "string") return openCommandSource(spec, values, { cwd: baseDir, term });
  const s = (typeof spec === "string" ? { path: spec } : spec) as unknown as SourceSpec;
  return openSource(toReaderOptions({ ...s, path: resolvePath(baseDir, s.path) }));
}

/** Opens the diff: a database table, or a file written into the run's output set. */
function openDiff(spec: ReconcileInputSpec, baseDir: string, set: OutputSet, escapeFormulae: boolean): RecordSink {
  if (isDbSpec(spec)) return openDbSink(spec as DbSinkSpec, { baseDir });
  const file = spec as Exclude<Parameters<typeof openSink>[0], string>;
  const staged = set.stage(resolvePath(baseDir, typeof spec === "string" ? spec : file.path));
  const target = typeof spec === "string" ? { path: staged } : { ...file, path: staged };
  // --no-escape-formulas turns escaping off for a CSV diff; a diff file's own setting stays otherwise.
  const csv = /\.(csv|tsv|txt)$/i.test(staged) || ("format" in target && (target.format === "csv" || target.format === "tsv"));
  return openSink(!escapeFormulae && csv ? { ...target, escapeFormulae: false } : target, { baseDir });
}

/** The file path of an input, when it is a file. */
function inputPath(spec: ReconcileInputSpec | undefined, baseDir: string): string | undefined {
  if (spec === undefined || spec === STDIO || isDbSpec(spec)) return undefined;
  const path = typeof spec === "string" ? spec : (spec as { path?: unknown }).path;
  return typeof path === "string" ? resolvePath(baseDir, path) : undefined;
}

/**
 * `cleanse reconcile <left> <right> --key <field>`: compares two sources record by record. Values are read by the
 * reconcile package's own standardizers (backed by @cleanse/values), the same ones the TypeScript API uses, so the
 * command and `reconcile()` give the same report.
 */
export async function runReconcile(args: ParsedArgs, ctx: CommandContext): Promise<number> {
  const [left, right, ...extra] = args.positionals;
  if (extra.length > 0) throw new ConfigError(`unexpected arguments: ${extra.join(" ")}`, { code: "CLEANSE_USAGE" });
  if (left === STDIO && right === STDIO) throw new ConfigError('only one source can be standard input ("-")', { code: "CLEANSE_USAGE" });
  let job: ReconcileJob | undefined;
  let baseDir = ctx.cwd;
  if (typeof args.values.job === "string") {
    const file = resolvePath(ctx.cwd, args.values.job);
    job = validateConfig(await readConfigFile(file), reconcileJobSchema);
    baseDir = dirname(file);
  }
  const str = (name: string): string | undefined => (typeof args.values[name] === "string" ? (args.values[name] as string) : undefined);
  const merged = reconcileJobFromArgs(
    {
      left,
      right,
      key: str("key"),
      map: args.values.map as string[] | undefined,
      keyMatch: str("key-match"),
      report: str("report"),
      diff: str("diff"),
      ...(args.values.sorted === true ? { sorted: true } : {}),
      memoryLimitMb: str("memory-limit"),
    },
    job,
    // "-" stays standard input; every other path is relative to where the command runs.
    (p) => (p === STDIO && (p === left || p === right) ? STDIO : resolvePath(ctx.cwd, p)),
  );
  if (merged.report === undefined) throw new ConfigError("missing --report <file> (or report: in the job file)", { code: "CLEANSE_USAGE" });
  const outputs = reconcileJobOutputs(merged, baseDir);
  const collision = (message: string) => new ConfigError(message, { code: "CLEANSE_OUTPUT_COLLISION" });
  const fromFlag = (label: string): string => {
    const flag = label.split(".")[0]!;
    return typeof args.values[flag] === "string" || job === undefined ? `--${flag}` : `${relative(ctx.cwd, resolvePath(ctx.cwd, args.values.job as string))}: ${label}`;
  };
  const claims: PathClaim[] = outputs.map((o) => ({ path: o.path, label: fromFlag(o.label), kind: "output", error: collision }));
  for (const side of ["left", "right"] as const) {
    const path = inputPath(merged[side], baseDir);
    if (path !== undefined) claims.push({ path, label: `the ${side} source`, kind: "source", error: collision });
  }
  checkOutputPaths(claims);
  // The report and the diff appear together, only when the whole comparison succeeded.
  const set = await createOutputSet(
    outputs.map((o) => o.path),
    { name: `reconcile-${basename(outputs[0]!.path)}` },
  );
  const progress = createPhasedProgress(ctx.term);
  try {
    const result = await runReconcileJob(merged, {
      baseDir,
      openSource: (spec, { baseDir: dir }) => openInput(spec, dir, args.values, ctx.term),
      openSink: (spec, { baseDir: dir }) => openDiff(spec, dir, set, args.values["escape-formulas"] !== false),
      linker: (l, r, o) => linkRecords(l, r, "auto", o),
      signal: ctx.signal,
      stage: (path) => set.stage(path),
      mask: reportMask(args.values),
      onProgress: progress.reporter("reconcile"),
    });
    progress.done();
    await set.publish();
    if (!args.values.quiet) ctx.term.out(formatReconcileSummary(result.report, result.written.map((p) => relative(ctx.cwd, p) || p)));
    return result.exitCode;
  } catch (error) {
    progress.done();
    await set.discard();
    throw error;
  }
}
