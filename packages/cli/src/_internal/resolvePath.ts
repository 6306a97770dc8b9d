import { isAbsolute, resolve } from "node:path";

/** Resolves a path written in a file or on the command line against a base folder. */
export function resolvePath(baseDir: string, path: string): string {
  return isAbsolute(path) ? path : resolve(baseDir, path);
}

/**
 * The folder the user ran the command from. `pnpm cleanse` runs scripts from the workspace root
 * and passes the user's folder as INIT_CWD.
 */
export function userCwd(): string {
  const env = process.env;
  if (env.INIT_CWD && env.npm_lifecycle_event === "cleanse") return env.INIT_CWD;
  return process.cwd();
}
