import { parseArgs } from "node:util";
import { ConfigError } from "@cleanse/core";
import { suggest } from "@cleanse/config";

/** Option definitions in node:util parseArgs form, plus a description for help. */
export type OptionSpecs = Record<string, { type: "string" | "boolean"; short?: string; multiple?: boolean; description: string; value?: string }>;

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
 * Parses a command's arguments strictly; unknown options get a "did you mean" hint.
 * @throws ConfigError (`CLEANSE_USAGE`)
 */
export function parseCommandArgs(command: string, argv: readonly string[], options: OptionSpecs): ParsedArgs {
  const all = { ...common, ...options };
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options: Object.fromEntries(
        Object.entries(all).map(([name, o]) => [name, { type: o.type, ...(o.short ? { short: o.short } : {}), ...(o.multiple ? { multiple: true } : {}) }]),
      ),
      allowPositionals: true,
      strict: true,
    });
    return { positionals, values: values as ParsedArgs["values"] };
  } catch (error) {
    const message = (error as Error).message;
    const unknown = /Unknown option '(-{1,2}[^']+)'/.exec(message)?.[1];
    if (unknown) {
      const guess = suggest(unknown.replace(/^-+/, ""), Object.keys(all));
      throw new ConfigError(`unknown option ${unknown} for "cleanse ${command}"${guess ? ` (did you mean --${guess}?)` : ""}. Run "cleanse ${command} --help".`, {
        code: "CLEANSE_USAGE",
      });
    }
    throw new ConfigError(`${message.replace(/\. To specify.*$/s, "")} (cleanse ${command}). Run "cleanse ${command} --help".`, { code: "CLEANSE_USAGE" });
  }
}

/** Renders help text for a command. */
export function formatHelp(usage: string, summary: string, options: OptionSpecs): string {
  const all = { ...options, ...common };
  const rows = Object.entries(all).map(([name, o]) => {
    const flag = `${o.short ? `-${o.short}, ` : "    "}--${name}${o.type === "string" ? ` <${o.value ?? "value"}>` : ""}`;
    return `  ${flag.padEnd(34)} ${o.description}`;
  });
  return `Usage: ${usage}\n\n${summary}\n\nOptions:\n${rows.join("\n")}\n`;
}
