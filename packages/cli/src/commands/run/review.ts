import { relative } from "node:path";
import { ConfigError, plural, type DataRecord } from "@cleanse/core";
import { reviewPairs, type ReviewAnswer, type ReviewResult } from "@cleanse/dedupe";
import { checkOutputPaths } from "../../_internal/checkOutputPaths.ts";
import { readCommandInput, STDIO } from "../../_internal/commandIo.ts";
import { formatReviewPair } from "../../_internal/formatReviewPair.ts";
import { idsOf, openLabelsFile } from "../../_internal/labelsFile.ts";
import { createLineReader } from "../../_internal/lineReader.ts";
import { loadDedupeConfig } from "../../_internal/loadDedupeConfig.ts";
import type { ParsedArgs } from "../../_internal/parseCommandArgs.ts";
import { createPhasedProgress } from "../../_internal/progress.ts";
import { resolvePath } from "../../_internal/resolvePath.ts";
import { renameRecordFields, rightFieldNames } from "../../_internal/rightFieldNames.ts";
import type { CommandContext } from "../Command.ts";

const PROMPT = "match? [y]es / [n]o / [u]nsure / [q]uit ";

const ANSWERS: ReadonlyMap<string, ReviewAnswer> = new Map([
  ["y", "match"],
  ["yes", "match"],
  ["n", "distinct"],
  ["no", "distinct"],
  ["u", "unsure"],
  ["unsure", "unsure"],
  ["?", "unsure"],
  ["q", "stop"],
  ["quit", "stop"],
]);

const ENDS: Readonly<Record<ReviewResult["end"], (budget: number) => string>> = {
  budget: (budget) => `the budget of ${plural(budget, "label")} is spent`,
  stop: () => "stopped",
  exhausted: () => "no candidate pair is left to ask",
};

/** Reads `--budget`: how many new labels to collect at most. */
function parseBudget(value: unknown): number {
  if (value === undefined) return 50;
  if (typeof value !== "string" || !/^\d+$/.test(value) || Number(value) < 1) {
    throw new ConfigError(`--budget takes a number of labels, 1 or more (e.g. 50); received "${String(value)}"`, { code: "CLEANSE_USAGE" });
  }
  return Number(value);
}

/** Runs `cleanse review <file> [<right>] --id <field> --labels <labels.csv>`: labels the pairs the model is least sure of. */
export async function runReview(args: ParsedArgs, ctx: CommandContext): Promise<number> {
  const [leftArg, rightArg, ...extra] = args.positionals;
  if (!leftArg) throw new ConfigError("missing the data file: cleanse review <file> [<right>] --id <idField> --labels <labels.csv>", { code: "CLEANSE_USAGE" });
  if (extra.length > 0) throw new ConfigError(`unexpected arguments: ${extra.join(" ")}`, { code: "CLEANSE_USAGE" });
  const idField = args.values.id;
  if (typeof idField !== "string") throw new ConfigError("missing --id <idField>: the field that identifies each record", { code: "CLEANSE_USAGE" });
  const labelsArg = args.values.labels;
  if (typeof labelsArg !== "string") throw new ConfigError("missing --labels <labels.csv>: the file the answers go into", { code: "CLEANSE_USAGE" });
  if (leftArg === STDIO || rightArg === STDIO || labelsArg === STDIO) {
    throw new ConfigError('cleanse review reads its answers from standard input, so no file of it can be "-"', { code: "CLEANSE_USAGE" });
  }
  const linking = rightArg !== undefined;
  if (!linking && (args.values["right-id"] !== undefined || args.values.map !== undefined)) {
    throw new ConfigError("--right-id and --map apply to the review of a link: give two files", { code: "CLEANSE_USAGE" });
  }
  const budget = parseBudget(args.values.budget);
  const stdin = ctx.term.stdin;
  if (stdin === undefined) throw new ConfigError("cleanse review reads its answers from standard input, which this terminal does not have", { code: "CLEANSE_USAGE" });
  const shown = (arg: string) => relative(ctx.cwd, resolvePath(ctx.cwd, arg)) || arg;
  const labelsPath = resolvePath(ctx.cwd, labelsArg);
  const collision = (message: string) => new ConfigError(message, { code: "CLEANSE_OUTPUT_COLLISION" });
  checkOutputPaths([
    { path: labelsPath, label: "--labels", kind: "output", error: collision },
    ...[leftArg, ...(linking ? [rightArg] : [])].map((arg, k) => ({
      path: resolvePath(ctx.cwd, arg),
      label: linking ? (k === 0 ? "the left source" : "the right source") : "the data file",
      kind: "source" as const,
      error: collision,
    })),
  ]);
  const config = typeof args.values.config === "string" ? await loadDedupeConfig(resolvePath(ctx.cwd, args.values.config)) : "auto";
  const rename = rightFieldNames(args.values, idField);
  const out = ctx.term.out;
  const progress = createPhasedProgress(ctx.term);
  const onProgress = progress.reporter(`review ${shown(leftArg)}`);
  const reader = createLineReader(stdin, ctx.signal);
  let result: ReviewResult;
  try {
    const left = await readCommandInput(leftArg, args.values, ctx, onProgress);
    const right: DataRecord[] | undefined = linking ? (await readCommandInput(rightArg, args.values, ctx, onProgress)).map((r) => renameRecordFields(r, rename)) : undefined;
    const file = await openLabelsFile(labelsPath, shown(labelsArg), right ? { ids: idsOf(left, idField), rightIds: idsOf(right, idField) } : { ids: idsOf(left, idField) }, ctx.signal);
    const before = file.labels.length;
    let given = 0;
    result = await reviewPairs(right ? { left, right } : { records: left }, config, {
      idField,
      budget,
      labels: file.labels,
      signal: ctx.signal,
      onProgress,
      onRound: (round) => {
        progress.done();
        const trained = round.labels > 0 ? `trained with ${plural(round.labels, "label")}` : before > 0 ? "trained without labels (they hold no match or no non-match yet)" : "trained without labels";
        out(`\nround ${round.round}: ${trained}; up to ${plural(round.pairs, "pair")} to ask\n`);
      },
      ask: async (pair) => {
        progress.done();
        const width = ctx.term.columns?.();
        out(formatReviewPair(pair, { idField, labels: { given, budget }, ...(width === undefined ? {} : { width }) }));
        for (;;) {
          out(PROMPT);
          const line = await reader.next();
          if (line === undefined) {
            out("\n");
            return "stop";
          }
          // Piped answers are not echoed by a terminal: the transcript shows them.
          if (ctx.term.stdinIsTTY !== true) out(`${line}\n`);
          const answer = ANSWERS.get(line.trim().toLowerCase());
          if (answer === undefined) {
            out(`  answer y (the same entity), n (different ones), u (unsure, ask another) or q (stop here)\n`);
            continue;
          }
          if (answer === "match" || answer === "distinct") {
            await file.add({ a: pair.a, b: pair.b, match: answer === "match" });
            given++;
          }
          return answer;
        }
      },
    });
  } finally {
    progress.done();
    await reader.close();
  }
  if (!args.values.quiet) {
    const answered = result.asked.filter((p) => p.answer !== "unsure");
    const matches = answered.filter((p) => p.answer === "match").length;
    const unsure = result.asked.length - answered.length;
    const flags = [
      `--id ${idField}`,
      ...(typeof args.values["right-id"] === "string" ? [`--right-id ${args.values["right-id"]}`] : []),
      ...((args.values.map as string[] | undefined) ?? []).map((m) => `--map ${m}`),
      ...(typeof args.values.config === "string" ? [`--config ${args.values.config}`] : []),
      `--labels ${labelsArg}`,
    ];
    out(
      `\n${shown(labelsArg)}: ${plural(answered.length, "new label")} (${matches} yes, ${answered.length - matches} no)` +
        `${unsure > 0 ? `, ${plural(unsure, "unsure answer")} not saved` : ""}; ${plural(result.labels.length, "label")} in all; ${ENDS[result.end](budget)}\n` +
        `  train with them: cleanse ${linking ? `link ${leftArg} ${rightArg}` : `dedupe ${leftArg}`} ${flags.join(" ")} --out <file>\n`,
    );
  }
  return 0;
}
