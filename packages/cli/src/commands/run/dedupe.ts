import { basename, relative } from "node:path";
import { ConfigError, plural, type DataRecord } from "@cleanse/core";
import { autoConfigure, dedupeRecords, saveModel } from "@cleanse/dedupe";
import { loadDedupeConfig } from "../../_internal/loadDedupeConfig.ts";
import { openOutput } from "../../_internal/openOutput.ts";
import { createCommandOutputs, readCommandInput, STDIO } from "../../_internal/commandIo.ts";
import { resolvePath } from "../../_internal/resolvePath.ts";
import { toYaml } from "../../_internal/toYaml.ts";
import { writeTextAtomic } from "@cleanse/io";
import { checkOutputPaths } from "../../_internal/checkOutputPaths.ts";
import type { CommandContext } from "../Command.ts";
import type { ParsedArgs } from "../../_internal/parseCommandArgs.ts";
import { maskDedupeReport, parseThreshold, writeGolden } from "../dedupeShared.ts";
import { reportMask } from "../../_internal/reportMask.ts";
import { idsOf, readLabelsFile } from "../../_internal/labelsFile.ts";
import { createPhasedProgress } from "../../_internal/progress.ts";

/** Runs `cleanse dedupe <file> --id <field> --out <out.csv>`: finds the records that describe the same entity. */
export async function runDedupe(args: ParsedArgs, ctx: CommandContext): Promise<number> {
  const [file, ...extra] = args.positionals;
  if (!file) throw new ConfigError("missing the data file: cleanse dedupe <file> --id <idField> --out <out.csv>", { code: "CLEANSE_USAGE" });
  if (extra.length > 0) throw new ConfigError(`unexpected arguments: ${extra.join(" ")}`, { code: "CLEANSE_USAGE" });
  const idField = args.values.id;
  if (typeof idField !== "string") throw new ConfigError("missing --id <idField>: the field that identifies each record", { code: "CLEANSE_USAGE" });
  const name = file === STDIO ? "stdin" : relative(ctx.cwd, resolvePath(ctx.cwd, file)) || file;
  const flags = [
    { flag: "out", ext: "csv" },
    { flag: "golden", ext: "csv" },
    { flag: "report", ext: "json" },
    { flag: "save-model", ext: "json" },
  ] as const;
  const given = flags.flatMap((f) => (typeof args.values[f.flag] === "string" ? [{ flag: f.flag, arg: args.values[f.flag] as string, stdoutExtension: f.ext }] : []));
  const collision = (message: string) => new ConfigError(message, { code: "CLEANSE_OUTPUT_COLLISION" });
  const labelsArg = typeof args.values.labels === "string" ? args.values.labels : undefined;
  const labelsName = labelsArg === undefined ? "" : relative(ctx.cwd, resolvePath(ctx.cwd, labelsArg)) || labelsArg;
  checkOutputPaths([
    ...given.filter((o) => o.arg !== STDIO).map((o) => ({ path: resolvePath(ctx.cwd, o.arg), label: `--${o.flag}`, kind: "output" as const, error: collision })),
    ...(file === STDIO ? [] : [{ path: resolvePath(ctx.cwd, file), label: "the data file", kind: "source" as const, error: collision }]),
    ...(labelsArg === undefined ? [] : [{ path: resolvePath(ctx.cwd, labelsArg), label: "--labels", kind: "source" as const, error: collision }]),
  ]);
  if (!args.values["print-config"] && typeof args.values.out !== "string") {
    throw new ConfigError("missing --out <file>: where the records with their cluster_id go", { code: "CLEANSE_USAGE" });
  }
  const escapeFormulae = args.values["escape-formulas"] !== false;
  const config = typeof args.values.config === "string" ? await loadDedupeConfig(resolvePath(ctx.cwd, args.values.config)) : "auto";
  const threshold = parseThreshold(args.values.threshold);
  const progress = createPhasedProgress(ctx.term);
  const onProgress = progress.reporter("dedupe");
  let records: DataRecord[];
  let result: Awaited<ReturnType<typeof dedupeRecords>>;
  try {
    records = await readCommandInput(file, args.values, ctx, onProgress);
    if (args.values["print-config"]) {
      progress.done();
      ctx.term.out(toYaml(autoConfigure(records, { idField })));
      return 0;
    }
    const labels = labelsArg === undefined ? undefined : await readLabelsFile(resolvePath(ctx.cwd, labelsArg), labelsName, { ids: idsOf(records, idField) }, ctx.signal);
    result = await dedupeRecords(records, config, {
      idField,
      ...(labels === undefined || labels.length === 0 ? {} : { labels: { use: "train", pairs: labels } }),
      ...(threshold === undefined ? {} : { threshold }),
      signal: ctx.signal,
      onProgress,
    });
  } finally {
    progress.done();
  }
  // The records, golden records, report and model appear together, only when all of them were written.
  const outputs = await createCommandOutputs(given, `dedupe-${basename(given.find((o) => o.arg !== STDIO)?.arg ?? name)}`, ctx);
  try {
    const sink = await openOutput({ path: outputs.stage("out")!, escapeFormulae }, { varyingFields: true });
    try {
      for (const r of result.records as DataRecord[]) await sink.write(r, undefined as never);
      await sink.close();
    } catch (error) {
      await sink.abort?.(error);
      throw error;
    }
    const golden = outputs.stage("golden");
    if (golden !== undefined) await writeGolden(golden, result.goldenRecords, { escapeFormulae });
    const reportPath = outputs.stage("report");
    if (reportPath !== undefined) {
      const { records: _records, model: _model, ...rest } = result;
      await writeTextAtomic(reportPath, `${JSON.stringify(maskDedupeReport(rest, records, reportMask(args.values)), null, 2)}\n`);
    }
    const modelPath = outputs.stage("save-model");
    if (modelPath !== undefined) await writeTextAtomic(modelPath, saveModel(result.model));
    await outputs.publish();
  } catch (error) {
    await outputs.discard();
    throw error;
  }
  if (!args.values.quiet) {
    const multi = result.clusters.filter((c) => c.members.length > 1);
    const duplicates = multi.reduce((n, c) => n + c.members.length - 1, 0);
    (outputs.toStdout ? ctx.term.err : ctx.term.out)(
      `${name}: ${plural(records.length, "record")}, ${plural(multi.length, "cluster")} of duplicates, ` +
        `${plural(duplicates, "duplicate record")}, ${plural(result.pairs.length, "matched pair")} ` +
        `(${plural(result.stats.candidatePairs, "candidate pair")}, threshold ${result.stats.threshold})\n` +
        (labelsArg === undefined ? "" : `  trained with ${plural(result.model.training.labelledPairs ?? 0, "label")} from ${labelsName}\n`) +
        result.stats.warnings.map((w) => `  warning: ${w}\n`).join("") +
        given.map((o) => `  wrote ${outputs.shown(o.flag)}\n`).join(""),
    );
  }
  return 0;
}
