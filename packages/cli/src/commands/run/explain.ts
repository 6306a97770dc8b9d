import { readFile } from "node:fs/promises";
import { ConfigError, IoError } from "@cleanse/core";
import { dedupeRecords, explainPair, formatExplanation, loadModel, type DedupeModel } from "@cleanse/dedupe";
import { loadDedupeConfig } from "../../_internal/loadDedupeConfig.ts";
import { readCommandInput } from "../../_internal/commandIo.ts";
import { createPhasedProgress, type PhasedProgress } from "../../_internal/progress.ts";
import { resolvePath } from "../../_internal/resolvePath.ts";
import type { CommandContext } from "../Command.ts";
import type { ParsedArgs } from "../../_internal/parseCommandArgs.ts";

/** Runs `cleanse explain <file> <idA> <idB> --id <field>`: why two records match, or do not. */
export async function runExplain(args: ParsedArgs, ctx: CommandContext): Promise<number> {
  const [file, idA, idB, ...extra] = args.positionals;
  if (!file || !idA || !idB) throw new ConfigError("usage: cleanse explain <file> <idA> <idB> --id <idField>", { code: "CLEANSE_USAGE" });
  if (extra.length > 0) throw new ConfigError(`unexpected arguments: ${extra.join(" ")}`, { code: "CLEANSE_USAGE" });
  const idField = args.values.id;
  if (typeof idField !== "string") throw new ConfigError("missing --id <idField>: the field that identifies each record", { code: "CLEANSE_USAGE" });
  const progress = createPhasedProgress(ctx.term);
  try {
    return await explain(args, ctx, { file, idA, idB, idField }, progress);
  } finally {
    progress.done();
  }
}

async function explain(
  args: ParsedArgs,
  ctx: CommandContext,
  { file, idA, idB, idField }: { file: string; idA: string; idB: string; idField: string },
  progress: PhasedProgress,
): Promise<number> {
  const onProgress = progress.reporter("explain");
  const records = await readCommandInput(file, args.values, ctx, onProgress);
  const find = (id: string) => {
    const r = records.find((x) => String(x[idField]) === id);
    if (!r) throw new ConfigError(`no record with ${idField} "${id}" in ${file}`, { code: "CLEANSE_USAGE" });
    return r;
  };
  const a = find(idA);
  const b = find(idB);
  let model: DedupeModel;
  if (typeof args.values.model === "string") {
    const path = resolvePath(ctx.cwd, args.values.model);
    const text = await readFile(path, "utf8").catch((error: unknown) => {
      throw new IoError(`Cannot read the model ${path}: ${(error as Error).message}`, { code: "CLEANSE_FILE_NOT_FOUND", location: { file: path }, cause: error });
    });
    model = loadModel(text);
  } else {
    const config = typeof args.values.config === "string" ? await loadDedupeConfig(resolvePath(ctx.cwd, args.values.config)) : "auto";
    model = (await dedupeRecords(records, config, { idField, golden: false, signal: ctx.signal, onProgress })).model;
  }
  progress.done();
  const explanation = explainPair(model, a, b);
  ctx.term.out(args.values.json ? `${JSON.stringify(explanation, null, 2)}\n` : `${formatExplanation(explanation)}\n`);
  return 0;
}
