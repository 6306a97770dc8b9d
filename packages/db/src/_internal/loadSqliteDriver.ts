import { createRequire } from "node:module";
import { SqliteDriverMissingError } from "../SqliteDriverMissingError/SqliteDriverMissingError.ts";
import { createBetterSqlite3Driver } from "./betterSqlite3Driver.ts";
import { createNodeSqliteDriver } from "./nodeSqliteDriver.ts";
import type { SqliteDriver } from "./sqliteDriver.ts";

/** Where the drivers come from; tests pass stand-ins. */
export interface SqliteDriverLoaders {
  /** `process.getBuiltinModule`: the built-in module, or undefined. */
  builtin(id: string): unknown;
  /** `require` from this package's folder, where an installed better-sqlite3 resolves. */
  require: { (id: string): unknown; resolve(id: string): string };
}

/** The driver, or why there is none: `cause` is the load error of an installed but broken better-sqlite3. */
export type SqliteDriverResolution = { readonly driver: SqliteDriver } | { readonly driver: undefined; readonly cause: unknown };

/**
 * Picks the SQLite driver: node:sqlite when this Node.js has a usable one (22.13 and later), else the
 * optional better-sqlite3 package when it is installed and its native addon loads.
 */
export function resolveSqliteDriver(loaders: SqliteDriverLoaders): SqliteDriverResolution {
  const builtin = createNodeSqliteDriver(quietly(() => loaders.builtin("node:sqlite")));
  if (builtin) return { driver: builtin };
  try {
    loaders.require.resolve("better-sqlite3");
  } catch {
    return { driver: undefined, cause: undefined };
  }
  try {
    return { driver: createBetterSqlite3Driver(loaders.require("better-sqlite3")) };
  } catch (error) {
    return { driver: undefined, cause: error };
  }
}

/**
 * Loading node:sqlite prints "ExperimentalWarning: SQLite is an experimental feature" (before Node.js 24.15);
 * the user did not choose the module, Cleanse did, so that one warning is dropped. Any other passes.
 */
function quietly(load: () => unknown): unknown {
  const emitWarning = process.emitWarning;
  process.emitWarning = function (this: unknown, warning: string | Error, ...rest: unknown[]) {
    const message = typeof warning === "string" ? warning : warning.message;
    if (/^SQLite is an experimental feature/.test(message)) return;
    return (emitWarning as (...args: unknown[]) => void).call(process, warning, ...rest);
  } as typeof process.emitWarning;
  try {
    return load();
  } catch {
    return undefined;
  } finally {
    process.emitWarning = emitWarning;
  }
}

let resolved: SqliteDriverResolution | undefined;

/**
 * The SQLite driver of this process, loaded the first time a SQLite source, sink or state is opened, so that
 * nobody who never touches SQLite needs one.
 * @param file - the database being opened, for the error's location
 * @throws SqliteDriverMissingError (`CLEANSE_SQLITE_DRIVER_MISSING`) when there is no driver
 */
export function loadSqliteDriver(file?: string): SqliteDriver {
  resolved ??= resolveSqliteDriver({ builtin: (id) => process.getBuiltinModule?.(id), require: createRequire(import.meta.url) });
  if (resolved.driver) return resolved.driver;
  throw new SqliteDriverMissingError({
    ...(resolved.cause === undefined ? {} : { cause: resolved.cause }),
    ...(file === undefined ? {} : { location: { file } }),
  });
}
