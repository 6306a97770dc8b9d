import { dirname, basename } from "node:path";
import type { Severity, Step, StepFactoryContext } from "@cleanse/core";
import { configError, readConfigFile, suggest, validateConfig, type ConfigDocument, type ConfigPath } from "@cleanse/config";
import { isDbSpec, openDbSource, type DbSinkSpec, type DbSourceSpec, type IncrementalSpec } from "@cleanse/db";
import { openSource } from "@cleanse/io";
import { prepareScoreSteps } from "@cleanse/score";
import { resolvePath } from "../_internal/resolvePath.ts";
import { toReaderOptions, toSinkSpec, type ResolvedSink } from "./ioOptions.ts";
import { jobFileSchema, type ReportSpec, type SinkSpec, type SourceSpec, type JobFile } from "./jobFileSchema.ts";
import { stepRegistry } from "./stepRegistry.ts";

/** A dataset of a job, ready to run. */
export interface LoadedDataset {
  readonly name: string;
  readonly source: SourceSpec | DbSourceSpec;
  readonly steps: readonly Step[];
  readonly outputs: { readonly clean?: ResolvedOutput; readonly quarantine?: ResolvedOutput; readonly merged?: ResolvedOutput };
  readonly quarantineOn: Severity;
  readonly incremental?: IncrementalSpec;
}

/** An output: a file with its path resolved, or a database sink spec. */
export type ResolvedOutput = ResolvedSink | DbSinkSpec;

/** A job file, validated, with its paths resolved and its steps built. */
export interface LoadedJob {
  readonly name: string;
  readonly file: string;
  readonly baseDir: string;
  readonly datasets: readonly LoadedDataset[];
  readonly report: { readonly json?: string; readonly markdown?: string; readonly html?: string };
  readonly examplesPerRule: number | undefined;
  readonly allowQuarantined: number;
}

/**
 * Reads a job file, validates it, resolves its paths against its folder and builds its steps.
 * @param path - the job file
 * @returns the loaded job
 * @throws ConfigError with file:line:column for any problem in the file; IoError when it cannot be read
 * @example
 * const job = await loadJob("examples/crm-erp/job.yaml");
 */
export async function loadJob(path: string): Promise<LoadedJob> {
  const doc = await readConfigFile(path);
  const job = validateConfig(doc, jobFileSchema);
  const baseDir = dirname(path);
  const named = new Map<string, SourceSpec | DbSourceSpec>();
  for (const [name, spec] of Object.entries(job.sources ?? {})) named.set(name, resolveSource(baseDir, spec, name));

  if (job.datasets && job.source !== undefined) {
    throw configError(doc, ["source"], 'a job has either "datasets" or a top-level "source", not both', { key: true });
  }
  if (!job.datasets && job.source === undefined) {
    throw configError(doc, [], 'a job needs a "source" (or a list of "datasets")');
  }
  const specs = job.datasets
    ? job.datasets.map((d, i) => ({ spec: d, path: ["datasets", i] as ConfigPath }))
    : [
        {
          spec: {
            name: job.name ?? basename(path).replace(/\.(ya?ml|json)$/, ""),
            source: job.source!,
            steps: job.steps,
            outputs: job.outputs,
            quarantine_on: job.quarantine_on,
            incremental: job.incremental,
          },
          path: [] as ConfigPath,
        },
      ];

  const ctx: StepFactoryContext = {
    baseDir,
    file: doc.file,
    openSource: (spec: string | { readonly path: string; readonly [option: string]: unknown }) => {
      if (typeof spec === "string" && named.has(spec)) {
        const known = named.get(spec)!;
        return isDbSpec(known) ? openDbSource(known as DbSourceSpec, { baseDir }) : openSource(toReaderOptions(known as SourceSpec));
      }
      if (isDbSpec(spec)) return openDbSource(spec as unknown as DbSourceSpec, { baseDir });
      const p = typeof spec === "string" ? spec : spec.path;
      return openSource({ ...(typeof spec === "string" ? {} : spec), path: resolvePath(baseDir, p) });
    },
  };
  const datasets: LoadedDataset[] = [];
  for (const { spec, path: at } of specs) {
    const steps: Step[] = [];
    for (const [i, entry] of (spec.steps ?? []).entries()) {
      steps.push(...(await buildStep(doc, [...at, "steps", i], entry, ctx)));
    }
    const outputs = spec.outputs ?? {};
    datasets.push({
      name: spec.name,
      source: resolveSource(baseDir, spec.source, spec.name),
      // A score step counts the checks of the steps before it.
      steps: prepareScoreSteps(steps),
      outputs: {
        ...(outputs.clean === undefined ? {} : { clean: resolveOutput(baseDir, outputs.clean) }),
        ...(outputs.quarantine === undefined ? {} : { quarantine: resolveOutput(baseDir, outputs.quarantine) }),
        ...(outputs.merged === undefined ? {} : { merged: resolveOutput(baseDir, outputs.merged) }),
      },
      quarantineOn: spec.quarantine_on ?? "error",
      ...(spec.incremental ? { incremental: spec.incremental } : {}),
    });
  }
  return {
    name: job.name ?? basename(path).replace(/\.(ya?ml|json)$/, ""),
    file: doc.file,
    baseDir,
    datasets,
    report: resolveReport(baseDir, job.report),
    examplesPerRule: job.examples_per_rule,
    allowQuarantined: job.allow_quarantined ?? 0,
  };
}

async function buildStep(doc: ConfigDocument, at: ConfigPath, entry: Record<string, unknown>, ctx: StepFactoryContext): Promise<Step[]> {
  const keys = Object.keys(entry);
  const known = [...stepRegistry.keys()];
  const names = keys.filter((k) => stepRegistry.has(k));
  if (names.length === 0) {
    const first = keys[0];
    if (first === undefined) throw configError(doc, at, `a step is a mapping whose key is the step's name (one of: ${known.join(", ")})`);
    const guess = suggest(first, known);
    throw configError(doc, [...at, first], `unknown step "${first}"${guess ? ` (did you mean "${guess}"?)` : ""}; known steps: ${known.join(", ")}`, { key: true });
  }
  if (names.length > 1) throw configError(doc, [...at, names[1]!], `one step per list item: found ${names.join(" and ")}; write them as separate items`, { key: true });
  const name = names[0]!;
  const definition = stepRegistry.get(name)!;
  if (!definition.wholeEntry && keys.length > 1) {
    const other = keys.find((k) => k !== name)!;
    throw configError(doc, [...at, other], `step "${name}" takes no key "${other}" beside its name; put its options under "${name}:"`, { key: true });
  }
  const where: ConfigPath = definition.wholeEntry ? at : [...at, name];
  // Validate here, so problems point at the job file; factories get the value as written.
  validateConfig(doc, definition.schema, { at: where });
  const raw = where.reduce<unknown>((v, seg) => (v as Record<string | number, unknown>)[seg], doc.value);
  const built = await definition.create(raw, ctx, { document: doc, at: where });
  return Array.isArray(built) ? [...built] : [built as Step];
}

function resolveOutput(baseDir: string, spec: SinkSpec | DbSinkSpec): ResolvedOutput {
  return isDbSpec(spec) ? (spec as DbSinkSpec) : toSinkSpec(baseDir, spec as SinkSpec);
}

function resolveSource(baseDir: string, spec: string | SourceSpec | DbSourceSpec, name: string): SourceSpec | DbSourceSpec {
  if (isDbSpec(spec)) return spec as DbSourceSpec;
  const s = typeof spec === "string" ? { path: spec } : (spec as SourceSpec);
  return { ...s, path: resolvePath(baseDir, s.path), name: s.name ?? name };
}

function resolveReport(baseDir: string, spec: ReportSpec | undefined): LoadedJob["report"] {
  if (spec === undefined) return {};
  if (typeof spec === "string") return { json: resolvePath(baseDir, spec) };
  return {
    ...(spec.json ? { json: resolvePath(baseDir, spec.json) } : {}),
    ...(spec.markdown ? { markdown: resolvePath(baseDir, spec.markdown) } : {}),
    ...(spec.html ? { html: resolvePath(baseDir, spec.html) } : {}),
  };
}

export type { JobFile };
