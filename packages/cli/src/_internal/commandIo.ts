import { createReadStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { ConfigError, type DataRecord, type ProgressEvent, type RecordSource } from "@cleanse/core";
import { createOutputSet, openSource, readCsv, readJson, readJsonLines, type OutputSet } from "@cleanse/io";
import type { ParsedArgs } from "./parseCommandArgs.ts";
import { trackReading } from "./readingProgress.ts";
import { resolvePath } from "./resolvePath.ts";
import type { Terminal } from "./terminal.ts";

/** A file argument of `-`: standard input for an input, standard output for an output. */
export const STDIO = "-";

const FORMATS = ["csv", "tsv", "jsonl", "json"] as const;
type InputFormat = (typeof FORMATS)[number];

/** What a command needs to read and write through `-`. */
interface IoContext {
  readonly cwd: string;
  readonly term: Terminal;
}

/** The input flags every reading command takes (`--format`, `--delimiter`, `--encoding`), checked. */
export function inputFlags(values: ParsedArgs["values"]): { format?: InputFormat; delimiter?: string; encoding?: string } {
  const format = values.format;
  if (format !== undefined && !(FORMATS as readonly unknown[]).includes(format)) {
    throw new ConfigError(`--format takes ${FORMATS.join(", ")}; received "${String(format)}"`, { code: "CLEANSE_USAGE" });
  }
  const delimiter = typeof values.delimiter === "string" ? values.delimiter : undefined;
  if (delimiter !== undefined && [...delimiter].length !== 1 && delimiter !== "\\t") {
    throw new ConfigError(`--delimiter takes one character (or \\t for a tab); received "${delimiter}"`, { code: "CLEANSE_USAGE" });
  }
  return {
    ...(format === undefined ? {} : { format: format as InputFormat }),
    ...(delimiter === undefined ? {} : { delimiter: delimiter === "\\t" ? "\t" : delimiter }),
    ...(typeof values.encoding === "string" ? { encoding: values.encoding } : {}),
  };
}

/**
 * Opens a command's input: a file (its format from `--format` or its extension), or standard input for `-`
 * (CSV unless `--format` says otherwise).
 * @throws ConfigError `CLEANSE_USAGE` for bad flags or `-` without standard input; the readers' own errors
 */
export function openCommandSource(arg: string, values: ParsedArgs["values"], ctx: IoContext): RecordSource {
  const { format, delimiter, encoding } = inputFlags(values);
  const csvOnly = delimiter === undefined ? {} : { delimiter };
  if (arg !== STDIO) {
    return openSource({ path: resolvePath(ctx.cwd, arg), ...(format === undefined ? {} : { format }), ...(encoding === undefined ? {} : { encoding }), ...csvOnly });
  }
  const stdin = ctx.term.stdin;
  if (stdin === undefined) throw new ConfigError(`"-" reads standard input, which this terminal does not have`, { code: "CLEANSE_USAGE" });
  const common = { name: "stdin", ...(encoding === undefined ? {} : { encoding }) };
  switch (format ?? "csv") {
    case "csv":
      return readCsv(stdin, { ...common, ...csvOnly });
    case "tsv":
      return readCsv(stdin, { delimiter: "\t", ...common, ...csvOnly });
    case "jsonl":
      if (delimiter !== undefined) throw new ConfigError("--delimiter applies to CSV input only", { code: "CLEANSE_USAGE" });
      return readJsonLines(stdin, common);
    default:
      if (delimiter !== undefined) throw new ConfigError("--delimiter applies to CSV input only", { code: "CLEANSE_USAGE" });
      return readJson(stdin, common);
  }
}

/**
 * Reads a whole input into memory, for commands that need every record at once (dedupe, link, explain).
 * @param onProgress - receives the `reading` phase
 */
export async function readCommandInput(
  arg: string,
  values: ParsedArgs["values"],
  ctx: IoContext & { readonly signal?: AbortSignal },
  onProgress?: (event: ProgressEvent) => void,
): Promise<DataRecord[]> {
  const out: DataRecord[] = [];
  for await (const batch of trackReading(openCommandSource(arg, values, ctx), onProgress).batches(ctx.signal)) for (const r of batch.records) out.push(r);
  return out;
}

/** An output flag of a command and its argument. */
export interface OutputFlag {
  readonly flag: string;
  readonly arg: string;
  /** The file name extension that picks the writer when the output is standard output (`csv`, `json`, `md`, ...). */
  readonly stdoutExtension: string;
}

/**
 * A command's outputs, staged and published together (see `createOutputSet`). At most one of them may be `-`: it is
 * staged in a temporary file and copied to standard output after the files are published, so that a failed run
 * prints no partial data either.
 */
export interface CommandOutputs {
  /** Where to write the output of this flag, or undefined when the flag was not given. */
  stage(flag: string): string | undefined;
  /** The output's name for messages: its path relative to the working folder, or `stdout`. */
  shown(flag: string): string | undefined;
  /** True when one output goes to standard output (summaries then go to standard error). */
  readonly toStdout: boolean;
  publish(): Promise<void>;
  discard(): Promise<void>;
}

/**
 * Stages a command's outputs. File outputs go into one output set named `name`; `-` goes to standard output.
 * @throws ConfigError `CLEANSE_USAGE` when more than one output is `-`
 */
export async function createCommandOutputs(outputs: readonly OutputFlag[], name: string, ctx: IoContext): Promise<CommandOutputs> {
  const toStdout = outputs.filter((o) => o.arg === STDIO);
  if (toStdout.length > 1) {
    throw new ConfigError(`only one output can go to standard output ("-"); ${toStdout.map((o) => `--${o.flag}`).join(" and ")} both do`, { code: "CLEANSE_USAGE" });
  }
  const files = outputs.filter((o) => o.arg !== STDIO).map((o) => ({ flag: o.flag, path: resolvePath(ctx.cwd, o.arg) }));
  const set: OutputSet | undefined = files.length > 0 ? await createOutputSet(files.map((f) => f.path), { name }) : undefined;
  const stdoutFlag = toStdout[0];
  const tempDir = stdoutFlag ? await mkdtemp(join(tmpdir(), "cleanse-stdout-")) : undefined;
  const tempFile = stdoutFlag && tempDir ? join(tempDir, `${stdoutFlag.flag}.${stdoutFlag.stdoutExtension}`) : undefined;
  const removeTemp = async () => {
    if (tempDir) await rm(tempDir, { recursive: true, force: true });
  };
  return {
    toStdout: stdoutFlag !== undefined,
    stage(flag) {
      if (stdoutFlag?.flag === flag) return tempFile;
      const file = files.find((f) => f.flag === flag);
      return file && set ? set.stage(file.path) : undefined;
    },
    shown(flag) {
      if (stdoutFlag?.flag === flag) return "stdout";
      const file = files.find((f) => f.flag === flag);
      return file ? relative(ctx.cwd, file.path) || file.path : undefined;
    },
    async publish() {
      await set?.publish();
      if (tempFile === undefined) return;
      try {
        const write = ctx.term.writeOut;
        if (write === undefined) throw new ConfigError(`"-" writes standard output, which this terminal does not have`, { code: "CLEANSE_USAGE" });
        for await (const chunk of createReadStream(tempFile)) await write(chunk as Uint8Array);
      } finally {
        await removeTemp();
      }
    },
    async discard() {
      await set?.discard();
      await removeTemp();
    },
  };
}
