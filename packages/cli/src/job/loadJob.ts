import { basename, dirname } from "node:path";
import { ConfigError, type Severity, type Step, type StepFactoryContext } from "@cleanse/core";
import { configError, readConfigFile, suggest, validateConfig, type ConfigDocument, type ConfigPath } from "@cleanse/config";
import { isDbSpec, openDbSource, type DbSinkSpec, type DbSourceSpec, type IncrementalSpec } from "@cleanse/db";
import { openSink, openSource, outputPathKey } from "@cleanse/io";
import { prepareScoreSteps } from "@cleanse/score";
import { findOutputCollisions, type PathClaim } from "../_internal/checkOutputPaths.ts";
import { resolvePath, userCwd } from "../_internal/resolvePath.ts";
import { toReaderOptions, toSinkSpec, type ResolvedSink } from "./ioOptions.ts";
import { createJobProblems, displayPath, type JobProblems } from "./jobProblems.ts";
import {
  jobFileSchema,
  salvageJobFile,
  type JobFile,
  type PartialDatasetSpec,
  type PartialJobFile,
  type ReportSpec,
  type SinkSpec,
  type SourceSpec,
} from "./jobFileSchema.ts";
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
  /** Every path the job writes or reads, to check the paths of a report given on the command line against. */
  readonly claims: readonly PathClaim[];
  /** Where a file the job reads is read from while the run is staged (an earlier dataset's output). */
  readonly reads: StagedReads;
}

/** Redirects reads of a file that an earlier dataset of the same run wrote to its staged copy. */
export interface StagedReads {
  resolve(path: string): string;
  add(path: string, staged: string): void;
  clear(): void;
}

function createStagedReads(): StagedReads {
  const staged = new Map<string, string>();
  return {
    resolve: (path) => (staged.size === 0 ? path : (staged.get(outputPathKey(path)) ?? path)),
    add: (path, to) => void staged.set(outputPathKey(path), to),
    clear: () => staged.clear(),
  };
}

/** Options of {@link loadJob}. */
export interface LoadJobOptions {
  /** The folder the user ran the command from: messages name files relative to it. Default: the process's (or pnpm's INIT_CWD). */
  readonly cwd?: string;
}

/**
 * Reads a job file, validates it, resolves its paths against its folder and builds its steps. Every problem
 * is reported at once: the schema's (unknown keys with a suggestion, wrong types, missing keys, forms of a
 * step that do not fit), unknown steps, options the readers and writers refuse, problems of the rule files
 * it uses, and every output that shares a file with an earlier one or replaces a file the job reads.
 * @param path - the job file
 * @param options - `cwd`: the folder messages name files relative to
 * @returns the loaded job
 * @throws ConfigValidationError (`CLEANSE_CONFIG_INVALID`) listing every problem as `file:line:column: message`,
 *   relative to `cwd`; a lone problem that is another error (a missing rule file) as that error; IoError when
 *   the job file cannot be read
 * @example
 * const job = await loadJob("examples/crm-erp/job.yaml");
 */
export async function loadJob(path: string, options: LoadJobOptions = {}): Promise<LoadedJob> {
  const cwd = options.cwd ?? userCwd();
  const doc = await readConfigFile(path, { displayName: displayPath(cwd, resolvePath(cwd, path)) });
  const baseDir = dirname(path);
  const problems = createJobProblems(doc, { cwd, baseDir });
  let valid: JobFile | undefined;
  try {
    valid = validateConfig(doc, jobFileSchema);
  } catch (error) {
    problems.catch(error, []);
  }
  // With problems in the schema, the checks below still run on the parts that are valid on their own.
  const job: PartialJobFile = valid ?? salvageJobFile(doc.value);
  const written = isMapping(doc.value) ? doc.value : {};
  const reads = createStagedReads();
  const claims: PathClaim[] = [];
  // Messages name the claimed files as the user's folder sees them.
  const shown = (message: string) =>
    [...new Set(claims.map((c) => c.path))]
      .sort((a, b) => b.length - a.length)
      .reduce((m, p) => m.split(p).join(p.startsWith("sqlite:") ? `sqlite:${displayPath(cwd, p.slice(7))}` : displayPath(cwd, p)), message);
  const claim = (path: string, at: ConfigPath, kind: PathClaim["kind"], order?: number) =>
    claims.push({
      path,
      label: labelOf(at),
      kind,
      ...(order === undefined ? {} : { order }),
      error: (message) => configError(doc, at, shown(message), { code: "output_collision" }),
    });
  const named = new Map<string, SourceSpec | DbSourceSpec>();
  for (const [name, spec] of Object.entries(job.sources ?? {})) {
    const resolved = resolveSource(baseDir, spec, name);
    named.set(name, resolved);
    if (!isDbSpec(resolved)) {
      checkSource(doc, ["sources", name], resolved as SourceSpec, problems);
      // A named source may be an output of any dataset: it is read staged once that dataset ran.
      claim((resolved as SourceSpec).path, ["sources", name], "source", Number.POSITIVE_INFINITY);
    }
  }

  const hasDatasets = Object.hasOwn(written, "datasets");
  if (hasDatasets && Object.hasOwn(written, "source")) {
    problems.add(["source"], 'a job has either "datasets" or a top-level "source", not both', { key: true, code: "conflicting_keys" });
  } else if (!hasDatasets && !Object.hasOwn(written, "source") && isMapping(doc.value)) {
    problems.add([], 'a job needs a "source" (or a list of "datasets")', { code: "missing_key" });
  }
  const defaultName = basename(path).replace(/\.(ya?ml|json)$/, "");
  const specs: { spec: PartialDatasetSpec; path: ConfigPath }[] = hasDatasets
    ? (job.datasets ?? []).map((d, i) => ({ spec: d, path: ["datasets", i] }))
    : [
        {
          spec: {
            name: job.name ?? defaultName,
            source: job.source,
            outputs: job.outputs,
            quarantine_on: job.quarantine_on,
            incremental: job.incremental,
          },
          path: [],
        },
      ];

  const ctx: StepFactoryContext = {
    baseDir,
    file: doc.file,
    openSource: (spec: string | { readonly path: string; readonly [option: string]: unknown }) => {
      if (typeof spec === "string" && named.has(spec)) {
        const known = named.get(spec)!;
        if (isDbSpec(known)) return openDbSource(known as DbSourceSpec, { baseDir });
        const file = known as SourceSpec;
        return openSource(toReaderOptions({ ...file, path: reads.resolve(file.path) }));
      }
      if (isDbSpec(spec)) return openDbSource(spec as unknown as DbSourceSpec, { baseDir });
      const p = typeof spec === "string" ? spec : spec.path;
      return openSource({ ...(typeof spec === "string" ? {} : spec), path: reads.resolve(resolvePath(baseDir, p)) });
    },
  };
  const datasets: LoadedDataset[] = [];
  for (const [order, { spec, path: at }] of specs.entries()) {
    const source = spec.source === undefined ? undefined : resolveSource(baseDir, spec.source, spec.name ?? defaultName);
    if (source && !isDbSpec(source)) {
      checkSource(doc, [...at, "source"], source as SourceSpec, problems);
      claim((source as SourceSpec).path, [...at, "source"], "source", order);
    }
    const outputs = spec.outputs ?? {};
    const resolvedOutputs: { clean?: ResolvedOutput; quarantine?: ResolvedOutput; merged?: ResolvedOutput } = {};
    for (const kind of ["clean", "quarantine", "merged"] as const) {
      const output = outputs[kind];
      if (output === undefined) continue;
      const where: ConfigPath = [...at, "outputs", kind];
      const resolved = resolveOutput(baseDir, output);
      if (isDbSpec(resolved)) {
        const sqlite = (resolved as { sqlite?: { path: string; table: string } }).sqlite;
        if (sqlite) claim(`sqlite:${resolvePath(baseDir, sqlite.path)}#${sqlite.table}`, where, "output", order);
      } else {
        await checkSink(doc, where, resolved as ResolvedSink, problems);
        claim((resolved as ResolvedSink).path, where, "output", order);
      }
      resolvedOutputs[kind] = resolved;
    }
    const state = spec.incremental?.state;
    const stateFile = typeof state === "string" ? state : state && "file" in state ? (state as { file: string }).file : undefined;
    if (stateFile !== undefined) claim(resolvePath(baseDir, stateFile), [...at, "incremental", "state"], "output", order);
    // Steps are read as written, so that one bad step does not hide the problems of the others.
    const steps: Step[] = [];
    const entries = valueAt(doc.value, [...at, "steps"]);
    for (const [i, entry] of (Array.isArray(entries) ? entries : []).entries()) {
      if (isMapping(entry)) steps.push(...((await buildStep(doc, [...at, "steps", i], entry, ctx, problems)) ?? []));
    }
    if (source === undefined || spec.name === undefined) continue;
    datasets.push({
      name: spec.name,
      source,
      // A score step counts the checks of the steps before it.
      steps: prepareScoreSteps(steps),
      outputs: resolvedOutputs,
      quarantineOn: spec.quarantine_on ?? "error",
      ...(spec.incremental ? { incremental: spec.incremental } : {}),
    });
  }
  const report = resolveReport(baseDir, job.report);
  for (const format of ["json", "markdown", "html"] as const) {
    const file = report[format];
    if (file !== undefined) claim(file, typeof job.report === "string" ? ["report"] : ["report", format], "output", specs.length);
  }
  for (const collision of findOutputCollisions(claims)) problems.catch(collision.claim.error(collision.message), []);
  problems.throwIfAny();
  return {
    name: job.name ?? defaultName,
    file: path,
    baseDir,
    datasets,
    report,
    claims,
    reads,
    examplesPerRule: job.examples_per_rule,
    allowQuarantined: job.allow_quarantined ?? 0,
  };
}

/** Builds the steps of one entry of `steps`, or adds its problems and returns undefined. */
async function buildStep(
  doc: ConfigDocument,
  at: ConfigPath,
  entry: Record<string, unknown>,
  ctx: StepFactoryContext,
  problems: JobProblems,
): Promise<Step[] | undefined> {
  const keys = Object.keys(entry);
  const known = [...stepRegistry.keys()];
  const names = keys.filter((k) => stepRegistry.has(k));
  if (names.length === 0) {
    const first = keys[0];
    if (first === undefined) {
      problems.add(at, `a step is a mapping whose key is the step's name (one of: ${known.join(", ")})`, { code: "missing_key" });
      return undefined;
    }
    const guess = suggest(first, known);
    problems.add([...at, first], `unknown step "${first}"${guess ? ` (did you mean "${guess}"?)` : ""}; known steps: ${known.join(", ")}`, {
      key: true,
      code: "unknown_step",
    });
    return undefined;
  }
  if (names.length > 1) {
    problems.add([...at, names[1]!], `one step per list item: found ${names.join(" and ")}; write them as separate items`, { key: true, code: "conflicting_keys" });
    return undefined;
  }
  const name = names[0]!;
  const definition = stepRegistry.get(name)!;
  if (!definition.wholeEntry && keys.length > 1) {
    for (const other of keys.filter((k) => k !== name)) {
      problems.add([...at, other], `step "${name}" takes no key "${other}" beside its name; put its options under "${name}:"`, { key: true, code: "unknown_key" });
    }
    return undefined;
  }
  const where: ConfigPath = definition.wholeEntry ? at : [...at, name];
  // Validate here, so problems point at the job file; factories get the value as written.
  try {
    validateConfig(doc, definition.schema, { at: where });
  } catch (error) {
    problems.catch(error, where);
    return undefined;
  }
  const raw = valueAt(doc.value, where);
  const built = await problems.attempt(where, async () => definition.create(raw, ctx, { document: doc, at: where }));
  if (built === undefined) return undefined;
  return Array.isArray(built) ? [...built] : [built as Step];
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function valueAt(value: unknown, path: ConfigPath): unknown {
  return path.reduce<unknown>((v, seg) => (v !== null && typeof v === "object" && Object.hasOwn(v, seg) ? (v as Record<string | number, unknown>)[seg] : undefined), value);
}

/** `datasets[0].outputs.clean`: a place in the job file as the user reads it. */
function labelOf(at: ConfigPath): string {
  return at.map((seg, i) => (typeof seg === "number" ? `[${seg}]` : i === 0 ? seg : `.${seg}`)).join("") || "the job";
}

/** Points an option error of the io readers and writers at the job file: the option's key, or the spec. */
function locateOptionError(doc: ConfigDocument, at: ConfigPath, spec: unknown, error: unknown): unknown {
  if (!(error instanceof ConfigError)) return error;
  const named = /option "(\w+)"|Invalid (\w+)|format "/.exec(error.message);
  const option = named?.[1] ?? named?.[2] ?? (named ? "format" : undefined);
  const snake = option?.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
  const key = typeof spec === "object" && spec !== null && snake !== undefined && Object.hasOwn(spec, snake) ? snake : undefined;
  const where = key !== undefined ? [...at, key] : typeof spec === "object" && spec !== null && Object.hasOwn(spec, "path") ? [...at, "path"] : at;
  return configError(doc, where, error.message.replace(/\.$/, ""), { code: "invalid_option" });
}

/** Checks a file source's options the way the reader will, so a mistake points at the job file. */
function checkSource(doc: ConfigDocument, at: ConfigPath, spec: SourceSpec, problems: JobProblems): void {
  try {
    openSource(toReaderOptions(spec));
  } catch (error) {
    if ((error as { code?: string }).code === "CLEANSE_FILE_NOT_FOUND") return; // said when the run reads it
    problems.catch(locateOptionError(doc, at, valueAt(doc.value, at), error), at);
  }
}

/** Checks a file output's options the way the writer will (nothing is written). */
async function checkSink(doc: ConfigDocument, at: ConfigPath, spec: ResolvedSink, problems: JobProblems): Promise<void> {
  try {
    await openSink(spec).abort?.();
  } catch (error) {
    problems.catch(locateOptionError(doc, at, valueAt(doc.value, at), error), at);
  }
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
