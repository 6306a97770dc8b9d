import { isCleanseError } from "@cleanse/core";
import { describe, expect, test } from "vitest";
import { SqliteDriverMissingError } from "./SqliteDriverMissingError.ts";

const message = (error: Error): string => error.message.replace(process.version, "v20.19.0");

describe("SqliteDriverMissingError", () => {
  test("says which package to install, or which Node.js to use, when better-sqlite3 is not installed", () => {
    const error = new SqliteDriverMissingError({ location: { file: "/data/crm.db" } });
    expect(isCleanseError(error)).toBe(true);
    expect(error).toMatchObject({ code: "CLEANSE_SQLITE_DRIVER_MISSING", exitCode: 2, location: { file: "/data/crm.db" } });
    expect(message(error)).toMatchInlineSnapshot(
      `"SQLite needs a driver, and none is available: Node.js v20.19.0 has no built-in node:sqlite that Cleanse can use, and the optional package better-sqlite3 is not installed. Install better-sqlite3 (npm install better-sqlite3) or use Node.js 22.13 or later."`,
    );
  });

  test("gives the first line of the load error when better-sqlite3 is installed but its addon does not load", () => {
    const cause = new Error("Could not locate the bindings file. Tried:\n → /app/node_modules/better-sqlite3/build/better_sqlite3.node");
    const error = new SqliteDriverMissingError({ cause });
    expect(error.cause).toBe(cause);
    expect(message(error)).toMatchInlineSnapshot(
      `"SQLite needs a driver, and none is available: Node.js v20.19.0 has no built-in node:sqlite that Cleanse can use, and better-sqlite3 is installed but cannot be loaded (Could not locate the bindings file). Reinstall or rebuild it (npm rebuild better-sqlite3) or use Node.js 22.13 or later."`,
    );
  });
});
