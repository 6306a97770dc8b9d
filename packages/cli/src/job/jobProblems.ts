import { isAbsolute, relative, resolve } from "node:path";
import { formatLocation, isCleanseError, type CleanseError, type SourceLocation } from "@cleanse/core";
import { ConfigValidationError, type ConfigDocument, type ConfigPath, type ConfigProblem } from "@cleanse/config";

/** Collects the problems of a job file, and of the files it uses, so that one run reports them all. */
export interface JobProblems {
  /** Adds a problem at a node of the job file (at its key with `key: true`). */
  add(path: ConfigPath, message: string, options?: { readonly key?: boolean; readonly code?: string }): void;
  /**
   * Adds what a Cleanse error says: each problem of a ConfigValidationError, or the error itself at its own
   * line and column, else at `at` in the job file. Any other error is a bug and is thrown again.
   */
  catch(error: unknown, at: ConfigPath): void;
  /** Runs `fn` and adds what it throws (see {@link JobProblems.catch}); returns its result, or undefined when it threw. */
  attempt<T>(at: ConfigPath, fn: () => Promise<T>): Promise<T | undefined>;
  readonly count: number;
  /**
   * Throws when there is a problem: one ConfigValidationError (`CLEANSE_CONFIG_INVALID`) listing them all,
   * those of the job file by line, then those of each other file. A lone error that has no list of problems
   * (a rule file that is missing: `CLEANSE_FILE_NOT_FOUND`) is thrown as it is, with its own code.
   */
  throwIfAny(): void;
}

/**
 * Creates the problem list of a job file.
 * @param doc - the job file, named as the user's folder sees it
 * @param options - `cwd`: the folder paths in messages are relative to; `baseDir`: the job file's folder,
 *   which the names of the files it uses (rule files) are relative to
 */
export function createJobProblems(doc: ConfigDocument, options: { readonly cwd: string; readonly baseDir: string }): JobProblems {
  const problems: ConfigProblem[] = [];
  const errors: CleanseError[] = [];
  let added = 0;
  const shown = (file: string): string => (file === doc.file ? file : displayPath(options.cwd, isAbsolute(file) ? file : resolve(options.baseDir, file)));
  const located = (location: SourceLocation): SourceLocation => (location.file === undefined ? location : { ...location, file: shown(location.file) });
  const self: JobProblems = {
    add(path, message, addOptions = {}) {
      added++;
      problems.push({ path, location: doc.locate(path, { key: addOptions.key ?? false }), message, ...(addOptions.code ? { code: addOptions.code } : {}) });
    },
    catch(error, at) {
      if (!isCleanseError(error)) throw error;
      errors.push(error);
      const listed = (error as { problems?: unknown }).problems;
      if (Array.isArray(listed)) {
        for (const p of listed as ConfigProblem[]) problems.push({ ...p, location: located(p.location) });
        return;
      }
      const own = error.location;
      const where = own?.line !== undefined ? located(own) : doc.locate(at);
      let message = own?.line !== undefined ? error.message.replace(`${formatLocation(own)}: `, "") : error.message;
      if (own?.file !== undefined && isAbsolute(own.file)) message = message.split(own.file).join(shown(own.file));
      problems.push({ path: where.file === doc.file ? at : [], location: where, message, code: error.code });
    },
    async attempt(at, fn) {
      try {
        return await fn();
      } catch (error) {
        self.catch(error, at);
        return undefined;
      }
    },
    get count() {
      return problems.length;
    },
    throwIfAny() {
      if (problems.length === 0) return;
      const lone = added === 0 && errors.length === 1 ? errors[0]! : undefined;
      if (lone && !Array.isArray((lone as { problems?: unknown }).problems)) throw lone;
      const files = [...new Set(problems.map((p) => p.location.file ?? doc.file))];
      const rank = (p: ConfigProblem) => (p.location.file === doc.file ? -1 : files.indexOf(p.location.file ?? doc.file));
      const sorted = problems
        .map((p, i) => ({ p, i }))
        .sort(
          (a, b) =>
            rank(a.p) - rank(b.p) ||
            (a.p.location.line ?? 0) - (b.p.location.line ?? 0) ||
            (a.p.location.column ?? 0) - (b.p.location.column ?? 0) ||
            a.i - b.i,
        )
        .map(({ p }) => p);
      throw new ConfigValidationError(files.length === 1 ? files[0]! : doc.file, sorted);
    },
  };
  return self;
}

/**
 * A path as the user's folder sees it: relative to `cwd` (`job.yaml`, `../jobs/job.yaml`), or absolute when
 * it is on another drive.
 * @param cwd - the folder the user ran the command from
 * @param path - an absolute path
 */
export function displayPath(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  return rel === "" || isAbsolute(rel) ? path : rel;
}
