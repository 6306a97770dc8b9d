import { basename, relative } from "node:path";
import { ConfigError, type DataRecord } from "@cleanse/core";
import { autoConfigure, dedupeRecords, saveModel } from "@cleanse/dedupe";
import { loadDedupeConfig } from "../_internal/loadDedupeConfig.ts";
import { openOutput } from "../_internal/openOutput.ts";
import { readAllRecords } from "../_internal/readAllRecords.ts";
import { resolvePath } from "../_internal/resolvePath.ts";
import { toYaml } from "../_internal/toYaml.ts";
import { createOutputSet, writeTextAtomic } from "@cleanse/io";
import { checkOutputPaths } from "../_internal/checkOutputPaths.ts";
import type { Command } from "./Command.ts";
import { maskDedupeReport, parseThreshold, writeGolden } from "./dedupeShared.ts";
import { reportMask, SHOW_PII_OPTION } from "../_internal/reportMask.ts";

const fmt = new Intl.NumberFormat("en-US");

/** `cleanse dedupe <file> --id <field> --out <out.csv>`: finds the records that describe the same entity. */
export const dedupeCommand: Command = {
  name: "dedupe",
  usage: "cleanse dedupe <file> --id <idField> --out <out.csv> [options]",
  summary:
    "Finds records that describe the same entity, with no configuration needed: profiles the columns, chooses\n" +
    "blocking rules and comparisons, trains a Fellegi-Sunter model by EM, and writes every input record with\n" +
    "cluster_id and match_probability. Exit codes: 0 done, 2 usage, configuration or I/O error.",
  options: {
    id: { type: "string", value: "field", description: "the field holding record ids (required)" },
    out: { type: "string", short: "o", value: "file", description: "write every record with cluster_id and match_probability here" },
    config: { type: "string", short: "c", value: "dedupe.yaml", description: "override the zero-config choices (see --print-config)" },
    "print-config": { type: "boolean", description: "print the configuration zero-config chooses, as YAML, and stop" },
    threshold: { type: "string", value: "p", description: "match probability (0..1) above which records are linked" },
    golden: { type: "string", value: "file", description: "write one golden record per cluster of duplicates, with lineage" },
    report: { type: "string", value: "file", description: "write the statistics, clusters and model as JSON" },
    "save-model": { type: "string", value: "file", description: "save the trained model, to match new records later" },
    encoding: { type: "string", value: "name", description: 'text encoding of a CSV file, or "auto" (default)' },
    "show-pii": SHOW_PII_OPTION,
  },
  async run(args, ctx) {
    const [file, ...extra] = args.positionals;
    if (!file) throw new ConfigError("missing the data file: cleanse dedupe <file> --id <idField> --out <out.csv>", { code: "CLEANSE_USAGE" });
    if (extra.length > 0) throw new ConfigError(`unexpected arguments: ${extra.join(" ")}`, { code: "CLEANSE_USAGE" });
    const idField = args.values.id;
    if (typeof idField !== "string") throw new ConfigError("missing --id <idField>: the field that identifies each record", { code: "CLEANSE_USAGE" });
    const path = resolvePath(ctx.cwd, file);
    const flags = ["out", "golden", "report", "save-model"] as const;
    const outputs = flags.flatMap((flag) => (typeof args.values[flag] === "string" ? [{ flag, path: resolvePath(ctx.cwd, args.values[flag] as string) }] : []));
    const collision = (message: string) => new ConfigError(message, { code: "CLEANSE_OUTPUT_COLLISION" });
    checkOutputPaths([
      ...outputs.map((o) => ({ path: o.path, label: `--${o.flag}`, kind: "output" as const, error: collision })),
      { path, label: "the data file", kind: "source", error: collision },
    ]);
    const records = await readAllRecords(path, typeof args.values.encoding === "string" ? { encoding: args.values.encoding } : {});
    if (args.values["print-config"]) {
      ctx.term.out(toYaml(autoConfigure(records, { idField })));
      return 0;
    }
    const out = typeof args.values.out === "string" ? resolvePath(ctx.cwd, args.values.out) : undefined;
    if (!out) throw new ConfigError("missing --out <file>: where the records with their cluster_id go", { code: "CLEANSE_USAGE" });
    const config = typeof args.values.config === "string" ? await loadDedupeConfig(resolvePath(ctx.cwd, args.values.config)) : "auto";
    const threshold = parseThreshold(args.values.threshold);
    const result = await dedupeRecords(records, config, {
      idField,
      ...(threshold === undefined ? {} : { threshold }),
      signal: ctx.signal,
    });
    // The records, golden records, report and model appear together, only when all of them were written.
    const set = await createOutputSet(
      outputs.map((o) => o.path),
      { name: `dedupe-${basename(out)}` },
    );
    const written = outputs.map((o) => o.path);
    try {
      const sink = await openOutput({ path: set.stage(out) }, { varyingFields: true });
      try {
        for (const r of result.records as DataRecord[]) await sink.write(r, undefined as never);
        await sink.close();
      } catch (error) {
        await sink.abort?.(error);
        throw error;
      }
      if (typeof args.values.golden === "string") await writeGolden(set.stage(resolvePath(ctx.cwd, args.values.golden)), result.goldenRecords);
      if (typeof args.values.report === "string") {
        const { records: _records, model: _model, ...rest } = result;
        await writeTextAtomic(set.stage(resolvePath(ctx.cwd, args.values.report)), `${JSON.stringify(maskDedupeReport(rest, records, reportMask(args.values)), null, 2)}\n`);
      }
      if (typeof args.values["save-model"] === "string") {
        await writeTextAtomic(set.stage(resolvePath(ctx.cwd, args.values["save-model"])), saveModel(result.model));
      }
      await set.publish();
    } catch (error) {
      await set.discard();
      throw error;
    }
    if (!args.values.quiet) {
      const multi = result.clusters.filter((c) => c.members.length > 1);
      const duplicates = multi.reduce((n, c) => n + c.members.length - 1, 0);
      ctx.term.out(
        `${relative(ctx.cwd, path) || path}: ${fmt.format(records.length)} records, ${fmt.format(multi.length)} clusters of duplicates, ` +
          `${fmt.format(duplicates)} duplicate records, ${fmt.format(result.pairs.length)} matched pairs ` +
          `(${fmt.format(result.stats.candidatePairs)} candidate pairs, threshold ${result.stats.threshold})\n` +
          result.stats.warnings.map((w) => `  warning: ${w}\n`).join("") +
          written.map((p) => `  wrote ${relative(ctx.cwd, p) || p}\n`).join(""),
      );
    }
    return 0;
  },
};
