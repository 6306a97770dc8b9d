import { ConfigError } from "@cleanse/core";
import { openSource, writeTextAtomic } from "@cleanse/io";
import { formatProfile, profileRecords, suggestRules } from "@cleanse/profile";
import { relative } from "node:path";
import { checkOutputPaths } from "../_internal/checkOutputPaths.ts";
import { resolvePath } from "../_internal/resolvePath.ts";
import type { Command } from "./Command.ts";

const FORMATS = ["text", "json", "markdown"] as const;

/** `cleanse profile <data>`: profiles a file's columns and can propose a starter rule file. */
export const profileCommand: Command = {
  name: "profile",
  usage: "cleanse profile <data> [--region CN] [--date-order dmy|mdy|ymd] [--suggest-rules rules.yaml] [--json out.json] [--format text|json|markdown]",
  summary:
    "Profiles a file in one pass with bounded memory: per column the inferred type and how sure it is, nulls and empties,\n" +
    "distinct values, top values, min/max, lengths, value patterns, a histogram, and the candidate keys.\n" +
    "Exit codes: 0 profiled, 2 usage, configuration or I/O error.",
  options: {
    "suggest-rules": { type: "string", value: "file", description: "write a starter rule file (YAML) proposed from the profile" },
    json: { type: "string", value: "file", description: "also write the profile as JSON here" },
    format: { type: "string", value: "format", description: "what to print: text (default), json or markdown" },
    encoding: { type: "string", value: "name", description: 'text encoding of the file, or "auto" (default)' },
    delimiter: { type: "string", value: "char", description: "CSV delimiter (default: detected)" },
    region: { type: "string", value: "code", description: "region of phone numbers written without a country code (CN, US, a country name); default: inferred from the +... numbers" },
    "date-order": { type: "string", value: "order", description: "order of day and month for dates such as 01/02/2023: dmy, mdy or ymd; default: inferred from the unambiguous ones" },
    "distinct-limit": { type: "string", value: "n", description: "different values per column counted exactly before sketches take over (default 10000)" },
  },
  async run(args, ctx) {
    const [data, ...extra] = args.positionals;
    if (!data) throw new ConfigError("missing the file to profile: cleanse profile <data>", { code: "CLEANSE_USAGE" });
    if (extra.length > 0) throw new ConfigError(`unexpected arguments: ${extra.join(" ")}`, { code: "CLEANSE_USAGE" });
    const format = (args.values.format ?? "text") as string;
    if (!(FORMATS as readonly string[]).includes(format)) {
      throw new ConfigError(`--format takes ${FORMATS.join(", ")}; received "${format}"`, { code: "CLEANSE_USAGE" });
    }
    let distinctLimit: number | undefined;
    if (typeof args.values["distinct-limit"] === "string") {
      distinctLimit = Number(args.values["distinct-limit"]);
      if (!Number.isInteger(distinctLimit) || distinctLimit < 1) {
        throw new ConfigError(`--distinct-limit takes a positive whole number; received "${args.values["distinct-limit"]}"`, { code: "CLEANSE_USAGE" });
      }
    }
    const encoding = typeof args.values.encoding === "string" ? args.values.encoding : undefined;
    const delimiter = typeof args.values.delimiter === "string" ? args.values.delimiter : undefined;
    const path = resolvePath(ctx.cwd, data);
    // A suggested rule file is the user's to edit, so it is written in place (atomically), not as a link into a run folder.
    const collision = (message: string) => new ConfigError(message, { code: "CLEANSE_OUTPUT_COLLISION" });
    checkOutputPaths([
      ...(["json", "suggest-rules"] as const).flatMap((flag) =>
        typeof args.values[flag] === "string" ? [{ path: resolvePath(ctx.cwd, args.values[flag] as string), label: `--${flag}`, kind: "output" as const, error: collision }] : [],
      ),
      { path, label: "the data file", kind: "source", error: collision },
    ]);
    const source = openSource({ path, ...(encoding === undefined ? {} : { encoding }), ...(delimiter === undefined ? {} : { delimiter }) }, { baseDir: ctx.cwd });
    const region = typeof args.values.region === "string" ? args.values.region : undefined;
    const dateOrder = typeof args.values["date-order"] === "string" ? args.values["date-order"] : undefined;
    if (dateOrder !== undefined && dateOrder !== "dmy" && dateOrder !== "mdy" && dateOrder !== "ymd") {
      throw new ConfigError(`--date-order takes dmy, mdy or ymd; received "${dateOrder}"`, { code: "CLEANSE_USAGE" });
    }
    const profile = await profileRecords(source, {
      name: relative(ctx.cwd, path) || path,
      signal: ctx.signal,
      ...(region === undefined ? {} : { phoneRegion: region }),
      ...(dateOrder === undefined ? {} : { dateOrder }),
      ...(distinctLimit === undefined ? {} : { distinctLimit }),
    });
    const written: string[] = [];
    if (typeof args.values.json === "string") {
      const file = resolvePath(ctx.cwd, args.values.json);
      await writeTextAtomic(file, `${JSON.stringify(profile, null, 2)}\n`);
      written.push(file);
    }
    if (typeof args.values["suggest-rules"] === "string") {
      const file = resolvePath(ctx.cwd, args.values["suggest-rules"]);
      await writeTextAtomic(file, suggestRules(profile));
      written.push(file);
    }
    if (!args.values.quiet) {
      if (format === "json") ctx.term.out(`${JSON.stringify(profile, null, 2)}\n`);
      else ctx.term.out(formatProfile(profile, { format: format as "text" | "markdown" }));
      for (const file of written) ctx.term.err(`wrote ${relative(ctx.cwd, file) || file}\n`);
    }
    return 0;
  },
};
