import type { ParsedArgs, OptionSpecs } from "../_internal/parseCommandArgs.ts";
import type { Terminal } from "../_internal/terminal.ts";

/** What a command gets to run with. */
export interface CommandContext {
  readonly term: Terminal;
  /** Folder relative paths on the command line resolve against. */
  readonly cwd: string;
  readonly signal: AbortSignal;
}

/** A `cleanse` subcommand. `run` returns the exit code. */
export interface Command {
  readonly name: string;
  readonly usage: string;
  readonly summary: string;
  readonly options: OptionSpecs;
  /** What an interrupted run (Ctrl-C) leaves behind, for its message. Default: "no output was changed". */
  readonly interrupted?: string;
  /** Two or three command lines that show typical uses, for `cleanse help <command>`. */
  readonly examples: readonly string[];
  /** Runs the command; its code is loaded on first use, so that `cleanse --help` loads nothing else. */
  run(args: ParsedArgs, ctx: CommandContext): Promise<number>;
}
