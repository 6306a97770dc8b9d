import { readFileSync } from "node:fs";
import { AbortedError, formatLocation, isCleanseError } from "@cleanse/core";
import { formatHelp, parseCommandArgs } from "../_internal/parseCommandArgs.ts";
import { userCwd } from "../_internal/resolvePath.ts";
import { processTerminal, type Terminal } from "../_internal/terminal.ts";
import type { Command } from "../commands/Command.ts";
import { commands } from "../commands/commands.ts";

/** Options of {@link main}, for embedding and tests. */
export interface MainOptions {
  readonly term?: Terminal;
  readonly cwd?: string;
  readonly signal?: AbortSignal;
  /** Signals that interrupt a run (default SIGINT and SIGTERM); an empty list leaves them to the embedder. */
  readonly signals?: readonly NodeJS.Signals[];
}

/** 128 + the signal's number, as shells report a process stopped by it. */
function exitCodeOf(signal: NodeJS.Signals): number {
  return signal === "SIGINT" ? 130 : signal === "SIGTERM" ? 143 : 1;
}

/**
 * Runs the `cleanse` command line and returns its exit code. Never throws: errors are printed with
 * where they happened, without a stack trace unless `--debug` is given.
 * @param argv - the arguments after the program name
 * @param options - terminal, working folder and signal
 * @returns 0 clean, 1 records quarantined or rules failed, 2 usage/configuration/I-O error, 3 internal error,
 *   130 / 143 interrupted by SIGINT / SIGTERM
 * @example
 * process.exitCode = await main(["run", "job.yaml"]);
 */
export async function main(argv: readonly string[], options: MainOptions = {}): Promise<number> {
  const term = options.term ?? processTerminal();
  const debug = argv.includes("--debug");
  const [name, ...rest] = argv;
  try {
    if (name === "help" && rest[0] !== undefined && !rest[0].startsWith("-")) {
      const command = await findCommand(term, rest[0]);
      if (!command) return 2;
      term.out(formatHelp(command.usage, command.summary, command.options, command.examples));
      return 0;
    }
    if (name === undefined || name === "--help" || name === "-h" || name === "help") {
      term.out(generalHelp());
      return name === undefined ? 2 : 0;
    }
    if (name === "--version" || name === "-V" || name === "-v") {
      term.out(`${version()}\n`);
      return 0;
    }
    const command = await findCommand(term, name);
    if (!command) return 2;
    const args = await parseCommandArgs(command.name, rest, command.options);
    if (args.values.help) {
      term.out(formatHelp(command.usage, command.summary, command.options, command.examples));
      return 0;
    }
    const controller = new AbortController();
    // Ctrl-C or a TERM signal stops the run: sinks are aborted, staged outputs removed, nothing published.
    // A second signal exits at once (the next run removes what is left).
    let interrupted: NodeJS.Signals | undefined;
    const onSignal = (signal: NodeJS.Signals) => {
      if (interrupted) process.exit(exitCodeOf(signal));
      interrupted = signal;
      controller.abort(new AbortedError(`interrupted by ${signal}`));
    };
    const signals = options.signals ?? ["SIGINT", "SIGTERM"];
    for (const signal of signals) process.on(signal, onSignal);
    options.signal?.addEventListener("abort", () => controller.abort(options.signal?.reason), { once: true });
    try {
      return await command.run(args, { term, cwd: options.cwd ?? userCwd(), signal: controller.signal });
    } catch (error) {
      if (!interrupted) throw error;
      term.err(`\ncleanse: interrupted by ${interrupted}; ${command.interrupted ?? "no output was changed"}.\n`);
      if (debug && error instanceof Error && error.stack) term.err(`${error.stack}\n`);
      return exitCodeOf(interrupted);
    } finally {
      for (const signal of signals) process.off(signal, onSignal);
    }
  } catch (error) {
    return reportError(term, error, debug);
  }
}

/** The command of this name, or undefined after printing "unknown command" with the nearest name. */
async function findCommand(term: Terminal, name: string): Promise<Command | undefined> {
  const command = commands.find((c) => c.name === name);
  if (command) return command;
  const { suggest } = await import("@cleanse/config");
  const guess = suggest(name, commands.map((c) => c.name));
  term.err(`cleanse: unknown command "${name}"${guess ? ` (did you mean "${guess}"?)` : ""}. Run "cleanse --help" for the list.\n`);
  return undefined;
}

function reportError(term: Terminal, error: unknown, debug: boolean): number {
  if (isCleanseError(error)) {
    const where = formatLocation(error.location);
    const message = error.message.includes(where) ? error.message : `${where ? `${where}: ` : ""}${error.message}`;
    term.err(`cleanse: error ${error.code}: ${message}\n${error.hint ? `hint: ${error.hint}\n` : ""}`);
    if (debug && error.stack) term.err(`${error.stack}\n`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  term.err(`cleanse: unexpected error: ${message}\n`);
  term.err(debug && error instanceof Error && error.stack ? `${error.stack}\n` : "Run again with --debug to see where it happened, and report it as a bug.\n");
  return 3;
}

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
  return `cleanse ${pkg.version}`;
}

function firstSentence(text: string): string {
  const flat = text.replace(/\s*\n\s*/g, " ");
  const end = flat.search(/[.:](\s|$)/);
  return end < 0 ? flat : flat.slice(0, end + 1).replace(/:$/, ".");
}

function generalHelp(): string {
  const rows = commands.map((c: Command) => `  ${c.name.padEnd(12)} ${firstSentence(c.summary)}`);
  return (
    `Usage: cleanse <command> [options]\n\nCommands:\n${rows.join("\n")}\n\n` +
    `Run "cleanse help <command>" or "cleanse <command> --help" for a command's options and examples,\n` +
    `"cleanse --version" (-V) for the version. A file argument of "-" means standard input or output.\n`
  );
}
