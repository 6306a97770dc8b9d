import { parseArgs } from "node:util";
import { ConfigError } from "@cleanse/core";

/** Option definitions in node:util parseArgs form, plus a description for help. */
export type OptionSpecs = Record<
  string,
  {
    type: "string" | "boolean";
    short?: string;
    multiple?: boolean;
    description: string;
    value?: string;
    /** A boolean that is on by default: help shows it as `--no-<name>`, the form that turns it off. */
    negatable?: boolean;
  }
>;

/** Parsed arguments. */
export interface ParsedArgs {
  readonly positionals: readonly string[];
  readonly values: Readonly<Record<string, string | boolean | string[] | undefined>>;
}

const common: OptionSpecs = {
  help: { type: "boolean", short: "h", description: "show help for this command" },
  debug: { type: "boolean", description: "show stack traces of unexpected errors" },
  quiet: { type: "boolean", short: "q", description: "print nothing but errors" },
};

/**
 * Parses a command's arguments strictly; unknown options get a "did you mean" hint. `--no-<flag>` turns a boolean
 * option off (`--no-escape-formulas`); a lone `-` is a positional or an option value meaning standard input/output.
 * @throws ConfigError (`CLEANSE_USAGE`)
 */
export async function parseCommandArgs(command: string, argv: readonly string[], options: OptionSpecs): Promise<ParsedArgs> {
  const all = { ...common, ...options };
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options: Object.fromEntries(
        Object.entries(all).map(([name, o]) => [name, { type: o.type, ...(o.short ? { short: o.short } : {}), ...(o.multiple ? { multiple: true } : {}) }]),
      ),
      allowPositionals: true,
      allowNegative: true,
      strict: true,
    });
    return { positionals, values: values as ParsedArgs["values"] };
  } catch (error) {
    const message = (error as Error).message;
    const unknown = /Unknown option '(-{1,2}[^']+)'/.exec(message)?.[1];
    if (unknown) {
      const { suggest } = await import("@cleanse/config");
      const guess = suggest(unknown.replace(/^-+/, ""), Object.keys(all));
      throw new ConfigError(`unknown option ${unknown} for "cleanse ${command}"${guess ? ` (did you mean --${guess}?)` : ""}. Run "cleanse ${command} --help".`, {
        code: "CLEANSE_USAGE",
      });
    }
    throw new ConfigError(`${message.replace(/\. To specify.*$/s, "")} (cleanse ${command}). Run "cleanse ${command} --help".`, { code: "CLEANSE_USAGE" });
  }
}

/** Renders help text for a command: usage, summary, every option and a few examples. */
export function formatHelp(usage: string, summary: string, options: OptionSpecs, examples: readonly string[] = []): string {
  const all = { ...options, ...common };
  const rows = Object.entries(all).map(([name, o]) => {
    const flag = `${o.short ? `-${o.short}, ` : "    "}--${o.negatable ? `no-${name}` : name}${o.type === "string" ? ` <${o.value ?? "value"}>` : ""}`;
    return `  ${flag.padEnd(34)} ${o.description}`;
  });
  const shown = examples.length === 0 ? "" : `\nExamples:\n${examples.map((e) => `  ${e}`).join("\n")}\n`;
  return `Usage: ${usage}\n\n${summary}\n\nOptions:\n${rows.join("\n")}\n${shown}`;
}
