import { createRequire } from "node:module";
import { describe, expect, test } from "vitest";
import { createNodeSqliteShim } from "../_testing/nodeSqliteShim.ts";
import { loadSqliteDriver, resolveSqliteDriver, type SqliteDriverLoaders } from "./loadSqliteDriver.ts";

const realRequire = createRequire(import.meta.url);
const notInstalled = Object.assign(
  (id: string): unknown => {
    throw Object.assign(new Error(`Cannot find module '${id}'`), { code: "MODULE_NOT_FOUND" });
  },
  {
    resolve(id: string): string {
      throw Object.assign(new Error(`Cannot find module '${id}'`), { code: "MODULE_NOT_FOUND" });
    },
  },
);
const withoutNodeSqlite = (): undefined => undefined;
const loaders = (builtin: SqliteDriverLoaders["builtin"], require: SqliteDriverLoaders["require"] = realRequire): SqliteDriverLoaders => ({ builtin, require });

describe("resolveSqliteDriver", () => {
  test("takes node:sqlite when this Node.js has it, without looking for better-sqlite3", () => {
    const resolution = resolveSqliteDriver(loaders(() => createNodeSqliteShim(), notInstalled));
    expect(resolution.driver?.name).toBe("node:sqlite");
  });

  test.each([
    ["has no node:sqlite", withoutNodeSqlite],
    ["has a node:sqlite that cannot stream rows (before 22.13)", () => createNodeSqliteShim({ withoutIterate: true })],
    ["refuses to load node:sqlite", () => {
      throw new Error("No such built-in module: node:sqlite");
    }],
  ])("takes better-sqlite3 when this Node.js %s", (_, builtin) => {
    expect(resolveSqliteDriver(loaders(builtin)).driver?.name).toBe("better-sqlite3");
  });

  test("finds no driver, and no cause, when better-sqlite3 is not installed", () => {
    expect(resolveSqliteDriver(loaders(withoutNodeSqlite, notInstalled))).toEqual({ driver: undefined, cause: undefined });
  });

  test("keeps the load error of a better-sqlite3 whose native addon is missing", () => {
    const addonMissing = new Error("Could not locate the bindings file. Tried:\n → /x/build/better_sqlite3.node");
    const broken = Object.assign(
      () =>
        function Database() {
          throw addonMissing;
        },
      { resolve: () => "/x/lib/index.js" },
    );
    expect(resolveSqliteDriver(loaders(withoutNodeSqlite, broken))).toEqual({ driver: undefined, cause: addonMissing });
  });

  test("drops node:sqlite's experimental warning while loading it", async () => {
    const warnings: Error[] = [];
    const listener = (warning: Error) => warnings.push(warning);
    process.on("warning", listener);
    const { emitWarning } = process;
    try {
      const resolution = resolveSqliteDriver(
        loaders(() => {
          process.emitWarning("SQLite is an experimental feature and might change at any time", "ExperimentalWarning");
          return createNodeSqliteShim();
        }),
      );
      expect(resolution.driver?.name).toBe("node:sqlite");
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off("warning", listener);
    }
    expect(warnings).toEqual([]);
    expect(process.emitWarning).toBe(emitWarning);
  });
});

describe("loadSqliteDriver", () => {
  test("gives node:sqlite where this Node.js has it, else the workspace's better-sqlite3", () => {
    const driver = loadSqliteDriver();
    const hasNodeSqlite = typeof (process.getBuiltinModule?.("node:sqlite") as { DatabaseSync?: unknown } | undefined)?.DatabaseSync === "function";
    if (!hasNodeSqlite) expect(driver.name).toBe("better-sqlite3");
    expect(loadSqliteDriver("other.db")).toBe(driver);
  });
});
