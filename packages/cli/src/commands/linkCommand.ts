import { basename, relative } from "node:path";
import { ConfigError, type DataRecord } from "@cleanse/core";
import { buildGoldenRecords, linkRecords } from "@cleanse/dedupe";
import { createOutputSet } from "@cleanse/io";
import { checkOutputPaths } from "../_internal/checkOutputPaths.ts";
import { loadDedupeConfig } from "../_internal/loadDedupeConfig.ts";
import { openOutput } from "../_internal/openOutput.ts";
import { readAllRecords } from "../_internal/readAllRecords.ts";
import { resolvePath } from "../_internal/resolvePath.ts";
import type { Command } from "./Command.ts";
import { parseThreshold, writeGolden } from "./dedupeShared.ts";

const fmt = new Intl.NumberFormat("en-US");

/** The columns of the pairs file, written as its header even when no pair was found. */
const PAIR_COLUMNS = ["left_id", "right_id", "match_probability"] as const;

/** `cleanse link <left> <right> --id <field> --out <pairs.csv>`: links records of two sources. */
export const linkCommand: Command = {
  name: "link",
  usage: "cleanse link <left> <right> --id <idField> --out <pairs.csv> [options]",
  summary:
    "Links the records of two sources that describe the same entity (CRM customers to ERP customers).\n" +
    "Trained without labels; writes left_id,right_id,match_probability (one-to-one unless --many).\n" +
    "Exit codes: 0 done, 2 usage, configuration or I/O error.",
  options: {
    id: { type: "string", value: "field", description: "the id field (of both sides, unless --right-id)" },
    "right-id": { type: "string", value: "field", description: "the id field of the right side, when it is named differently" },
    map: { type: "string", multiple: true, value: "right=left", description: "compare a right field as the left field of this name (repeatable)" },
    out: { type: "string", short: "o", value: "file", description: "write the matched pairs here" },
    many: { type: "boolean", description: "keep every pair above the threshold instead of the best one-to-one pairs" },
    config: { type: "string", short: "c", value: "dedupe.yaml", description: "override the zero-config choices" },
    threshold: { type: "string", value: "p", description: "match probability (0..1) above which records are linked" },
    golden: { type: "string", value: "file", description: "write one golden record per linked pair, with lineage" },
    encoding: { type: "string", value: "name", description: 'text encoding of CSV files, or "auto" (default)' },
  },
  async run(args, ctx) {
    const [leftArg, rightArg, ...extra] = args.positionals;
    if (!leftArg || !rightArg) throw new ConfigError("missing a source: cleanse link <left> <right> --id <idField> --out <pairs.csv>", { code: "CLEANSE_USAGE" });
    if (extra.length > 0) throw new ConfigError(`unexpected arguments: ${extra.join(" ")}`, { code: "CLEANSE_USAGE" });
    const idField = args.values.id;
    if (typeof idField !== "string") throw new ConfigError("missing --id <idField>: the field that identifies each record", { code: "CLEANSE_USAGE" });
    const out = typeof args.values.out === "string" ? resolvePath(ctx.cwd, args.values.out) : undefined;
    if (!out) throw new ConfigError("missing --out <file>: where the matched pairs go", { code: "CLEANSE_USAGE" });
    const rename = new Map<string, string>();
    if (typeof args.values["right-id"] === "string") rename.set(args.values["right-id"], idField);
    for (const m of (args.values.map as string[] | undefined) ?? []) {
      const [from, to] = m.split("=");
      if (!from || !to) throw new ConfigError(`--map takes right=left, received "${m}"`, { code: "CLEANSE_USAGE" });
      rename.set(from, to);
    }
    const flags = ["out", "golden"] as const;
    const outputs = flags.flatMap((flag) => (typeof args.values[flag] === "string" ? [{ flag, path: resolvePath(ctx.cwd, args.values[flag] as string) }] : []));
    const collision = (message: string) => new ConfigError(message, { code: "CLEANSE_OUTPUT_COLLISION" });
    checkOutputPaths([
      ...outputs.map((o) => ({ path: o.path, label: `--${o.flag}`, kind: "output" as const, error: collision })),
      { path: resolvePath(ctx.cwd, leftArg), label: "the left source", kind: "source", error: collision },
      { path: resolvePath(ctx.cwd, rightArg), label: "the right source", kind: "source", error: collision },
    ]);
    const encoding = typeof args.values.encoding === "string" ? { encoding: args.values.encoding } : {};
    const left = await readAllRecords(resolvePath(ctx.cwd, leftArg), encoding);
    const right = (await readAllRecords(resolvePath(ctx.cwd, rightArg), encoding)).map((r) => renameFields(r, rename));
    const config = typeof args.values.config === "string" ? await loadDedupeConfig(resolvePath(ctx.cwd, args.values.config)) : "auto";
    const threshold = parseThreshold(args.values.threshold);
    const many = args.values.many === true;
    const result = await linkRecords(left, right, config, {
      idField,
      ...(threshold === undefined ? {} : { threshold }),
      ...(many ? { oneToOne: false, many: true } : {}),
      signal: ctx.signal,
    });
    // The pairs and the golden records appear together, only when both were written.
    const set = await createOutputSet(
      outputs.map((o) => o.path),
      { name: `link-${basename(out)}` },
    );
    const written = outputs.map((o) => o.path);
    try {
      const sink = await openOutput({ path: set.stage(out) }, { fallbackColumns: PAIR_COLUMNS });
      try {
        for (const p of result.pairs) await sink.write({ left_id: p.left_id, right_id: p.right_id, match_probability: p.match_probability }, undefined as never);
        await sink.close();
      } catch (error) {
        await sink.abort?.(error);
        throw error;
      }
      if (typeof args.values.golden === "string") {
        const leftIds = new Set(left.map((r) => String(r[idField])));
        const clash = right.find((r) => leftIds.has(String(r[idField])));
        if (clash) throw new ConfigError(`--golden needs ids unique across both sources; "${String(clash[idField])}" is on both sides`, { code: "CLEANSE_USAGE" });
        const clusters = result.pairs.map((p) => ({ cluster_id: p.left_id, members: [p.left_id, p.right_id] }));
        const golden = buildGoldenRecords([...left, ...right], clusters, { idField });
        await writeGolden(set.stage(resolvePath(ctx.cwd, args.values.golden)), golden);
      }
      await set.publish();
    } catch (error) {
      await set.discard();
      throw error;
    }
    if (!args.values.quiet) {
      ctx.term.out(
        `${relative(ctx.cwd, resolvePath(ctx.cwd, leftArg))} (${fmt.format(left.length)}) <-> ${relative(ctx.cwd, resolvePath(ctx.cwd, rightArg))} (${fmt.format(right.length)}): ` +
          `${fmt.format(result.pairs.length)} linked pairs${many ? "" : " (one-to-one)"}\n` +
          result.stats.warnings.map((w) => `  warning: ${w}\n`).join("") +
          written.map((p) => `  wrote ${relative(ctx.cwd, p) || p}\n`).join(""),
      );
    }
    return 0;
  },
};

function renameFields(record: DataRecord, rename: ReadonlyMap<string, string>): DataRecord {
  if (rename.size === 0) return record;
  const out: DataRecord = {};
  for (const [k, v] of Object.entries(record)) out[rename.get(k) ?? k] = v;
  return out;
}
