import { randomBytes } from "node:crypto";
import { constants } from "node:fs";
import { copyFile, link, lstat, mkdir, open, readdir, readFile, readlink, rename, rm, rmdir, symlink, unlink, writeFile } from "node:fs/promises";
import { dirname, join, relative, sep } from "node:path";
import { ConfigError, IoError } from "@cleanse/core";
import { TEMP_PREFIX } from "../_internal/atomicFile.ts";
import { outputPathKey, resolveOutputPath } from "../outputPathKey/outputPathKey.ts";

/** Folder, beside a run's outputs, that holds the published and staged sets of outputs. */
export const RUNS_FOLDER = ".cleanse-runs";
const MANIFEST = ".cleanse-set.json";

/** Options of {@link createOutputSet}. */
export interface CreateOutputSetOptions {
  /**
   * Names the set (a job's name, a command and its first output), so that two jobs writing into one folder
   * keep separate sets. Letters, digits, `.`, `-` and `_` are kept; anything else becomes `_`.
   */
  readonly name: string;
}

/** How a set was published. */
export interface PublishResult {
  /**
   * True when the whole set was switched by one rename (the final paths are links into the published run).
   * False where the file system cannot make symbolic links: each file was then renamed into place on its
   * own, and a crash between two renames can leave a mixed set.
   */
  readonly atomic: boolean;
}

/**
 * The outputs of one run, staged in a run folder and published all at once. Writers write to
 * {@link OutputSet.stage}'s path; nothing is visible at the final paths until {@link OutputSet.publish}.
 */
export interface OutputSet {
  /** The folder the run folders live in. */
  readonly store: string;
  /**
   * Where to write the output whose final path is `path` (one of the paths the set was created with).
   * @throws IoError `CLEANSE_NOT_IN_SET` for a path the set was not created with
   */
  stage(path: string): string;
  /** Makes every staged file visible at its final path at once, then removes older runs. */
  publish(): Promise<PublishResult>;
  /** Removes the staged files; the final paths keep the previous set. */
  discard(): Promise<void>;
}

interface Entry {
  /** The final path, its folder resolved through links. */
  readonly final: string;
  /** Its path inside a run folder. */
  readonly rel: string;
}

function safeName(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9._-]/g, "_").replace(/^\.+/, "_");
  return cleaned === "" ? "_" : cleaned.slice(0, 120);
}

/** The deepest folder holding every path. */
function commonFolder(paths: readonly string[]): string {
  let parts = dirname(paths[0]!).split(sep);
  for (const p of paths.slice(1)) {
    const other = dirname(p).split(sep);
    let n = 0;
    while (n < parts.length && n < other.length && parts[n] === other[n]) n++;
    parts = parts.slice(0, n);
  }
  return parts.join(sep) || sep;
}

function errno(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

function ioError(what: string, path: string, error: unknown): IoError {
  if (error instanceof IoError) return error;
  const code = errno(error);
  const reason = code === "EACCES" || code === "EPERM" ? "no permission" : ((error as Error | undefined)?.message ?? String(error));
  return new IoError(`Cannot ${what} ${path}: ${reason}.`, {
    code: code === "EACCES" || code === "EPERM" ? "CLEANSE_FILE_PERMISSION" : "CLEANSE_IO",
    location: { file: path },
    cause: error,
  });
}

async function lstatOrUndefined(path: string) {
  try {
    return await lstat(path);
  } catch (error) {
    if (errno(error) === "ENOENT" || errno(error) === "ENOTDIR") return undefined;
    throw error;
  }
}

async function readlinkOrUndefined(path: string): Promise<string | undefined> {
  try {
    return await readlink(path);
  } catch (error) {
    if (errno(error) === "ENOENT" || errno(error) === "EINVAL") return undefined;
    throw error;
  }
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errno(error) === "EPERM";
  }
}

/** Flushes a folder's entries (renames, new links) to disk where the platform allows it. */
async function syncFolder(folder: string): Promise<void> {
  if (process.platform === "win32") return;
  const handle = await open(folder, constants.O_RDONLY).catch(() => undefined);
  if (!handle) return;
  await handle.sync().catch(() => {});
  await handle.close().catch(() => {});
}

/** Replaces `path` by a symbolic link to `target` through a temporary link and one rename. */
async function replaceWithLink(path: string, target: string): Promise<void> {
  const temp = join(dirname(path), `${TEMP_PREFIX}link-${process.pid}-${randomBytes(4).toString("hex")}`);
  await mkdir(dirname(path), { recursive: true });
  await symlink(target, temp);
  try {
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => {});
    throw error;
  }
}

async function takeLock(lockPath: string, name: string): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await writeFile(lockPath, `${process.pid}\n`, { flag: "wx" });
      return;
    } catch (error) {
      if (errno(error) !== "EEXIST") throw ioError("lock", lockPath, error);
    }
    const pid = Number((await readFile(lockPath, "utf8").catch(() => "")).trim());
    if (isAlive(pid)) {
      throw new IoError(`${pid === process.pid ? "This process" : `Another run (process ${pid})`} is writing the outputs of "${name}" right now.`, {
        code: "CLEANSE_RUN_IN_PROGRESS",
        location: { file: lockPath },
        hint: `Wait for it to finish. If no such run exists, delete ${lockPath}.`,
      });
    }
    // The run that held the lock died: its staged files are removed below.
    await rm(lockPath, { force: true });
  }
  throw new IoError(`Cannot lock ${lockPath}: it keeps reappearing.`, { code: "CLEANSE_RUN_IN_PROGRESS", location: { file: lockPath } });
}

async function readManifest(runFolder: string): Promise<string[]> {
  try {
    const parsed = JSON.parse(await readFile(join(runFolder, MANIFEST), "utf8")) as { outputs?: unknown };
    return Array.isArray(parsed.outputs) ? parsed.outputs.filter((p): p is string => typeof p === "string") : [];
  } catch {
    return [];
  }
}

/**
 * Starts a set of outputs that are published together: a reader of the final paths sees either the whole
 * previous set or the whole new one, never a mix, even when the process is killed halfway.
 *
 * The files are written into a new run folder under `<folder>/.cleanse-runs/<name>/`, where `<folder>` is the
 * deepest folder holding every output. Each final path is a symbolic link to `current/<path>`, and `current`
 * is a link to the published run folder; publishing writes the run's manifest and switches `current` with one
 * rename. The first publication turns existing output files into links to a copy of themselves (a hard link
 * where possible), so the switch is atomic from the first run on. A run killed before the switch leaves the
 * previous set in place; its staged files are removed by the next run of the same set. One run per set at a
 * time: a lock file names the process holding it.
 * @param paths - the final output paths (distinct; see {@link outputPathKey})
 * @param options - the set's name
 * @returns the set, locked for this run until it is published or discarded
 * @throws ConfigError `CLEANSE_OUTPUT_COLLISION` when two paths name one file; IoError `CLEANSE_RUN_IN_PROGRESS`
 * when another live process holds the set's lock
 * @example
 * const set = await createOutputSet(["out/clean.csv", "out/report.json"], { name: "crm" });
 * const clean = openSink(set.stage("out/clean.csv"));
 * // ... write, close the sinks ...
 * await set.publish();
 */
export async function createOutputSet(paths: readonly string[], options: CreateOutputSetOptions): Promise<OutputSet> {
  if (paths.length === 0) {
    return { store: "", stage: (p) => { throw notInSet(p); }, publish: async () => ({ atomic: true }), discard: async () => {} };
  }
  const finals = paths.map((p) => resolveOutputPath(p));
  const keys = new Map<string, string>();
  for (const [i, p] of finals.entries()) {
    const key = outputPathKey(p);
    const other = keys.get(key);
    if (other !== undefined) {
      throw new ConfigError(`Two outputs are the same file: ${other} and ${paths[i]}.`, { code: "CLEANSE_OUTPUT_COLLISION", location: { file: paths[i]! } });
    }
    keys.set(key, paths[i]!);
  }
  const root = commonFolder(finals);
  const store = join(root, RUNS_FOLDER, safeName(options.name));
  const entries: Entry[] = finals.map((final) => ({ final, rel: relative(root, final) }));
  const byPath = new Map<string, Entry>();
  for (const [i, e] of entries.entries()) {
    byPath.set(paths[i]!, e);
    byPath.set(e.final, e);
  }
  const currentLink = join(store, "current");
  const lockPath = join(store, "lock");
  try {
    await mkdir(store, { recursive: true });
  } catch (error) {
    throw ioError("create the folder", store, error);
  }
  await takeLock(lockPath, options.name);
  const runName = `run-${Date.now().toString(36)}-${process.pid}-${randomBytes(3).toString("hex")}`;
  const runFolder = join(store, runName);
  let state: "open" | "published" | "discarded" = "open";
  try {
    await removeStale(store, await readlinkOrUndefined(currentLink), entries);
    await mkdir(runFolder);
  } catch (error) {
    await rm(lockPath, { force: true }).catch(() => {});
    throw ioError("prepare", store, error);
  }

  const release = async () => {
    await rm(lockPath, { force: true }).catch(() => {});
  };

  return {
    store,
    stage(path) {
      const e = byPath.get(path) ?? byPath.get(resolveOutputPath(path));
      if (!e) throw notInSet(path);
      return join(runFolder, e.rel);
    },
    async publish() {
      if (state !== "open") throw new IoError(`The outputs of "${options.name}" were already ${state}.`, { code: "CLEANSE_SINK_CLOSED" });
      try {
        for (const e of entries) {
          const staged = join(runFolder, e.rel);
          if (!(await lstatOrUndefined(staged))) {
            throw new IoError(`${e.final} was not written, so the run's outputs are not published.`, { code: "CLEANSE_OUTPUT_MISSING", location: { file: e.final } });
          }
        }
        await writeFile(join(runFolder, MANIFEST), `${JSON.stringify({ set: options.name, outputs: entries.map((e) => e.rel) }, null, 2)}\n`);
        const linked = await linkFinalPaths(store, currentLink, entries).catch((error: unknown) => {
          if (["EPERM", "ENOTSUP", "EINVAL", "EOPNOTSUPP"].includes(errno(error) ?? "")) return false;
          throw error;
        });
        if (!linked) {
          // No symbolic links here: rename each file into place (each one atomic, the set not).
          for (const e of entries) await rename(join(runFolder, e.rel), e.final);
          await rm(runFolder, { recursive: true, force: true });
          state = "published";
          await release();
          return { atomic: false };
        }
        const previous = await readlinkOrUndefined(currentLink);
        // The commit point: one rename switches every final path to the new run.
        await replaceWithLink(currentLink, runName);
        await syncFolder(store);
        state = "published";
        await dropRemovedOutputs(store, previous, entries);
        for (const name of await readdir(store)) {
          if (name.startsWith("run-") && name !== runName && name !== previous) await rm(join(store, name), { recursive: true, force: true });
        }
        return { atomic: true };
      } catch (error) {
        if (state === "open") {
          state = "discarded";
          await rm(runFolder, { recursive: true, force: true }).catch(() => {});
        }
        throw ioError("publish the outputs in", store, error);
      } finally {
        await release();
      }
    },
    async discard() {
      if (state !== "open") return;
      state = "discarded";
      await rm(runFolder, { recursive: true, force: true }).catch(() => {});
      await release();
      // Nothing was ever published: leave no trace of the set.
      if ((await readlinkOrUndefined(currentLink)) === undefined) {
        await rm(store, { recursive: true, force: true }).catch(() => {});
        await rmdir(dirname(store)).catch(() => {});
      }
    },
  };
}

function notInSet(path: string): IoError {
  return new IoError(`${path} is not one of the outputs of this run.`, { code: "CLEANSE_NOT_IN_SET", location: { file: path } });
}

/**
 * Makes every final path a link to `current/<rel>`, each still showing what it showed before (the previous
 * run's file, or nothing). A final path that is an ordinary file (the first run, or a file put there by
 * hand) is first brought into the current run folder.
 * @returns false when links cannot be made here (nothing was changed then)
 */
async function linkFinalPaths(store: string, currentLink: string, entries: readonly Entry[]): Promise<boolean> {
  let current = await readlinkOrUndefined(currentLink);
  if (current === undefined) {
    current = `run-base-${Date.now().toString(36)}-${randomBytes(3).toString("hex")}`;
    await mkdir(join(store, current));
    await writeFile(join(store, current, MANIFEST), `${JSON.stringify({ outputs: [] })}\n`);
    // A link that cannot be made fails here, before any final path changed.
    await replaceWithLink(currentLink, current);
  }
  for (const e of entries) {
    const target = relative(dirname(e.final), join(store, "current", e.rel));
    const st = await lstatOrUndefined(e.final);
    if (st?.isSymbolicLink() && (await readlink(e.final)) === target) continue;
    if (st?.isDirectory()) {
      throw new IoError(`Cannot write ${e.final}: it is a folder.`, { code: "CLEANSE_IO", location: { file: e.final } });
    }
    if (st) {
      // Keep what the path shows now, so the set switches only at the commit point.
      const kept = join(store, current, e.rel);
      await mkdir(dirname(kept), { recursive: true });
      await rm(kept, { force: true });
      if (st.isSymbolicLink()) {
        // Someone else's link: keep a copy of what it points at (nothing, when it dangles).
        await copyFile(e.final, kept).catch((error: unknown) => {
          if (errno(error) !== "ENOENT") throw error;
        });
      } else {
        await link(e.final, kept).catch(() => copyFile(e.final, kept));
      }
    }
    await replaceWithLink(e.final, target);
  }
  await Promise.all([...new Set(entries.map((e) => dirname(e.final)))].map(syncFolder));
  return true;
}

/** Removes the links of outputs the previous run had and this one has not, so none is left dangling. */
async function dropRemovedOutputs(store: string, previous: string | undefined, entries: readonly Entry[]): Promise<void> {
  if (previous === undefined) return;
  const root = dirname(dirname(store));
  const kept = new Set(entries.map((e) => e.rel));
  for (const rel of await readManifest(join(store, previous))) {
    if (kept.has(rel)) continue;
    const final = join(root, rel);
    const target = relative(dirname(final), join(store, "current", rel));
    if ((await readlinkOrUndefined(final)) === target) await unlink(final).catch(() => {});
  }
}

/** Removes what runs killed before publishing left: run folders other than the published one, temporary links. */
async function removeStale(store: string, current: string | undefined, entries: readonly Entry[]): Promise<void> {
  for (const name of await readdir(store)) {
    if (name.startsWith("run-") && name !== current) await rm(join(store, name), { recursive: true, force: true });
    if (name.startsWith(TEMP_PREFIX)) await rm(join(store, name), { force: true });
  }
  for (const folder of new Set(entries.map((e) => dirname(e.final)))) {
    const names = await readdir(folder).catch(() => [] as string[]);
    for (const name of names) {
      const m = /^\.cleanse-tmp-.*-(\d+)-[0-9a-f]{8}$/.exec(name);
      if (m && !isAlive(Number(m[1]))) await rm(join(folder, name), { force: true });
    }
  }
}
