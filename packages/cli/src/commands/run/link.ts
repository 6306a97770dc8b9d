import { basename, relative } from "node:path";
import { ConfigError, plural, type DataRecord } from "@cleanse/core";
import { buildGoldenRecords, linkRecords } from "@cleanse/dedupe";
import { checkOutputPaths } from "../../_internal/checkOutputPaths.ts";
import { loadDedupeConfig } from "../../_internal/loadDedupeConfig.ts";
import { openOutput } from "../../_internal/openOutput.ts";
import { createCommandOutputs, readCommandInput, STDIO } from "../../_internal/commandIo.ts";
import { resolvePath } from "../../_internal/resolvePath.ts";
import { renameRecordFields, rightFieldNames } from "../../_internal/rightFieldNames.ts";
import { idsOf, readLabelsFile } from "../../_internal/labelsFile.ts";
import type { CommandContext } from "../Command.ts";
import type { ParsedArgs } from "../../_internal/parseCommandArgs.ts";
import { parseThreshold, writeGolden } from "../dedupeShared.ts";
import { createPhasedProgress } from "../../_internal/progress.ts";

/** The columns of the pairs file, written as its header even when no pair was found. */
const PAIR_COLUMNS = ["left_id", "right_id", "match_probability"] as const;

/** Runs `cleanse link <left> <right> --id <field> --out <pairs.csv>`: links records of two sources. */
export async function runLink(args: ParsedArgs, ctx: CommandContext): Promise<number> {
  const [leftArg, rightArg, ...extra] = args.positionals;
  if (!leftArg || !rightArg) throw new ConfigError("missing a source: cleanse link <left> <right> --id <idField> --out <pairs.csv>", { code: "CLEANSE_USAGE" });
  if (extra.length > 0) throw new ConfigError(`unexpected arguments: ${extra.join(" ")}`, { code: "CLEANSE_USAGE" });
  const idField = args.values.id;
  if (typeof idField !== "string") throw new ConfigError("missing --id <idField>: the field that identifies each record", { code: "CLEANSE_USAGE" });
  if (typeof args.values.out !== "string") throw new ConfigError("missing --out <file>: where the matched pairs go", { code: "CLEANSE_USAGE" });
  if (leftArg === STDIO && rightArg === STDIO) throw new ConfigError('only one source can be standard input ("-")', { code: "CLEANSE_USAGE" });
  const escapeFormulae = args.values["escape-formulas"] !== false;
  const rename = rightFieldNames(args.values, idField);
  const labelsArg = typeof args.values.labels === "string" ? args.values.labels : undefined;
  const given = (["out", "golden"] as const).flatMap((flag) => (typeof args.values[flag] === "string" ? [{ flag, arg: args.values[flag] as string, stdoutExtension: "csv" }] : []));
  const collision = (message: string) => new ConfigError(message, { code: "CLEANSE_OUTPUT_COLLISION" });
  const sources = [
    { arg: leftArg, label: "the left source" },
    { arg: rightArg, label: "the right source" },
  ];
  checkOutputPaths([
    ...given.filter((o) => o.arg !== STDIO).map((o) => ({ path: resolvePath(ctx.cwd, o.arg), label: `--${o.flag}`, kind: "output" as const, error: collision })),
    ...sources.filter((s) => s.arg !== STDIO).map((s) => ({ path: resolvePath(ctx.cwd, s.arg), label: s.label, kind: "source" as const, error: collision })),
    ...(labelsArg === undefined ? [] : [{ path: resolvePath(ctx.cwd, labelsArg), label: "--labels", kind: "source" as const, error: collision }]),
  ]);
  const shownSource = (arg: string) => (arg === STDIO ? "stdin" : relative(ctx.cwd, resolvePath(ctx.cwd, arg)) || arg);
  const config = typeof args.values.config === "string" ? await loadDedupeConfig(resolvePath(ctx.cwd, args.values.config)) : "auto";
  const threshold = parseThreshold(args.values.threshold);
  const many = args.values.many === true;
  const progress = createPhasedProgress(ctx.term);
  const onProgress = progress.reporter("link");
  let left: DataRecord[];
  let right: DataRecord[];
  let result: Awaited<ReturnType<typeof linkRecords>>;
  try {
    left = await readCommandInput(leftArg, args.values, ctx, onProgress);
    right = (await readCommandInput(rightArg, args.values, ctx, onProgress)).map((r) => renameRecordFields(r, rename));
    const labels =
      labelsArg === undefined
        ? undefined
        : await readLabelsFile(resolvePath(ctx.cwd, labelsArg), shownSource(labelsArg), { ids: idsOf(left, idField), rightIds: idsOf(right, idField) }, ctx.signal);
    result = await linkRecords(left, right, config, {
      idField,
      ...(labels === undefined || labels.length === 0 ? {} : { labels: { use: "train", pairs: labels } }),
      ...(threshold === undefined ? {} : { threshold }),
      ...(many ? { oneToOne: false, many: true } : {}),
      signal: ctx.signal,
      onProgress,
    });
  } finally {
    progress.done();
  }
  // The pairs and the golden records appear together, only when both were written.
  const outputs = await createCommandOutputs(given, `link-${basename(given.find((o) => o.arg !== STDIO)?.arg ?? "pairs")}`, ctx);
  try {
    const sink = await openOutput({ path: outputs.stage("out")!, escapeFormulae }, { fallbackColumns: PAIR_COLUMNS });
    try {
      for (const p of result.pairs) await sink.write({ left_id: p.left_id, right_id: p.right_id, match_probability: p.match_probability }, undefined as never);
      await sink.close();
    } catch (error) {
      await sink.abort?.(error);
      throw error;
    }
    const goldenPath = outputs.stage("golden");
    if (goldenPath !== undefined) {
      const leftIds = new Set(left.map((r) => String(r[idField])));
      const clash = right.find((r) => leftIds.has(String(r[idField])));
      if (clash) throw new ConfigError(`--golden needs ids unique across both sources; "${String(clash[idField])}" is on both sides`, { code: "CLEANSE_USAGE" });
      const clusters = result.pairs.map((p) => ({ cluster_id: p.left_id, members: [p.left_id, p.right_id] }));
      const golden = buildGoldenRecords([...left, ...right], clusters, { idField });
      await writeGolden(goldenPath, golden, { escapeFormulae });
    }
    await outputs.publish();
  } catch (error) {
    await outputs.discard();
    throw error;
  }
  if (!args.values.quiet) {
    (outputs.toStdout ? ctx.term.err : ctx.term.out)(
      `${shownSource(leftArg)} (${plural(left.length, "record")}) <-> ${shownSource(rightArg)} (${plural(right.length, "record")}): ` +
        `${plural(result.pairs.length, "linked pair")}${many ? "" : " (one-to-one)"}\n` +
        (labelsArg === undefined ? "" : `  trained with ${plural(result.model.training.labelledPairs ?? 0, "label")} from ${shownSource(labelsArg)}\n`) +
        result.stats.warnings.map((w) => `  warning: ${w}\n`).join("") +
        given.map((o) => `  wrote ${outputs.shown(o.flag)}\n`).join(""),
    );
  }
  return 0;
}
