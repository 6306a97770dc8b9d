import { CleanseError, type CleanseErrorOptions } from "@cleanse/core";

/**
 * Thrown when a SQLite source, sink or state is opened and no SQLite driver is available: the Node.js
 * running has no usable built-in `node:sqlite` (it needs 22.13 or later), and the optional package
 * `better-sqlite3` is not installed, or is installed but its native addon cannot be loaded. Pass the
 * addon's load error as `cause` for the second case.
 * @example
 * try { await collect(openSqliteSource({ path: "crm.db", table: "customers" }).batches()) } catch (e) { e.code } //=> "CLEANSE_SQLITE_DRIVER_MISSING"
 */
export class SqliteDriverMissingError extends CleanseError {
  constructor(options: CleanseErrorOptions = {}) {
    const why =
      options.cause === undefined
        ? "the optional package better-sqlite3 is not installed. Install better-sqlite3 (npm install better-sqlite3)"
        : `better-sqlite3 is installed but cannot be loaded (${firstSentence(options.cause)}). Reinstall or rebuild it (npm rebuild better-sqlite3)`;
    super(`SQLite needs a driver, and none is available: Node.js ${process.version} has no built-in node:sqlite that Cleanse can use, and ${why} or use Node.js 22.13 or later.`, {
      ...options,
      code: "CLEANSE_SQLITE_DRIVER_MISSING",
    });
  }
}

/** The first sentence of the load error: bindings' "Could not locate the bindings file" lists a dozen paths after it. */
function firstSentence(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n", 1)[0]!.split(/(?<=\.)\s/, 1)[0]!.trim().replace(/[.:]$/, "");
}
