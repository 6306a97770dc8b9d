import { ConfigError } from "@cleanse/core";
import { writeTextAtomic } from "@cleanse/io";
import { openCommandSource, STDIO } from "../../_internal/commandIo.ts";
import { formatProfile, profileRecords, suggestRules } from "@cleanse/profile";
import { relative } from "node:path";
import { checkOutputPaths } from "../../_internal/checkOutputPaths.ts";
import { createPhasedProgress } from "../../_internal/progress.ts";
import { trackReading } from "../../_internal/readingProgress.ts";
import { resolvePath } from "../../_internal/resolvePath.ts";
import type { CommandContext } from "../Command.ts";
import type { ParsedArgs } from "../../_internal/parseCommandArgs.ts";

const FORMATS = ["text", "json", "markdown"] as const;

/** Runs `cleanse profile <data>`: profiles a file's columns and can propose a starter rule file. */
export async function runProfile(args: ParsedArgs, ctx: CommandContext): Promise<number> {
  const [data, ...extra] = args.positionals;
  if (!data) throw new ConfigError("missing the file to profile: cleanse profile <data>", { code: "CLEANSE_USAGE" });
  if (extra.length > 0) throw new ConfigError(`unexpected arguments: ${extra.join(" ")}`, { code: "CLEANSE_USAGE" });
  const format = (args.values["output-format"] ?? "text") as string;
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new ConfigError(`--output-format takes ${FORMATS.join(", ")}; received "${format}"`, { code: "CLEANSE_USAGE" });
  }
  let distinctLimit: number | undefined;
  if (typeof args.values["distinct-limit"] === "string") {
    distinctLimit = Number(args.values["distinct-limit"]);
    if (!Number.isInteger(distinctLimit) || distinctLimit < 1) {
      throw new ConfigError(`--distinct-limit takes a positive whole number; received "${args.values["distinct-limit"]}"`, { code: "CLEANSE_USAGE" });
    }
  }
  const name = data === STDIO ? "stdin" : relative(ctx.cwd, resolvePath(ctx.cwd, data)) || data;
  const files = (["json", "suggest-rules"] as const).flatMap((flag) => (typeof args.values[flag] === "string" ? [{ flag, arg: args.values[flag] as string }] : []));
  const toStdout = files.filter((f) => f.arg === STDIO);
  if (toStdout.length > 1) throw new ConfigError('only one of --json and --suggest-rules can go to standard output ("-")', { code: "CLEANSE_USAGE" });
  // A suggested rule file is the user's to edit, so it is written in place (atomically), not as a link into a run folder.
  const collision = (message: string) => new ConfigError(message, { code: "CLEANSE_OUTPUT_COLLISION" });
  checkOutputPaths([
    ...files.filter((f) => f.arg !== STDIO).map((f) => ({ path: resolvePath(ctx.cwd, f.arg), label: `--${f.flag}`, kind: "output" as const, error: collision })),
    ...(data === STDIO ? [] : [{ path: resolvePath(ctx.cwd, data), label: "the data file", kind: "source" as const, error: collision }]),
  ]);
  const progress = createPhasedProgress(ctx.term);
  const source = trackReading(openCommandSource(data, args.values, ctx), progress.reporter("profile"));
  const region = typeof args.values.region === "string" ? args.values.region : undefined;
  const dateOrder = typeof args.values["date-order"] === "string" ? args.values["date-order"] : undefined;
  if (dateOrder !== undefined && dateOrder !== "dmy" && dateOrder !== "mdy" && dateOrder !== "ymd") {
    throw new ConfigError(`--date-order takes dmy, mdy or ymd; received "${dateOrder}"`, { code: "CLEANSE_USAGE" });
  }
  let profile: Awaited<ReturnType<typeof profileRecords>>;
  try {
    profile = await profileRecords(source, {
      name,
      signal: ctx.signal,
      ...(region === undefined ? {} : { phoneRegion: region }),
      ...(dateOrder === undefined ? {} : { dateOrder }),
      ...(distinctLimit === undefined ? {} : { distinctLimit }),
    });
  } finally {
    progress.done();
  }
  const texts = { json: () => `${JSON.stringify(profile, null, 2)}\n`, "suggest-rules": () => suggestRules(profile) } as const;
  const written: string[] = [];
  for (const f of files) {
    if (f.arg === STDIO) continue;
    const file = resolvePath(ctx.cwd, f.arg);
    await writeTextAtomic(file, texts[f.flag]());
    written.push(file);
  }
  // An output of "-" takes the place of the printed profile on standard output.
  if (toStdout[0]) ctx.term.out(texts[toStdout[0].flag]());
  else if (!args.values.quiet) {
    if (format === "json") ctx.term.out(texts.json());
    else ctx.term.out(formatProfile(profile, { format: format as "text" | "markdown" }));
  }
  if (!args.values.quiet) for (const file of written) ctx.term.err(`wrote ${relative(ctx.cwd, file) || file}\n`);
  return 0;
}
