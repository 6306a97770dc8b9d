import { describe, expect, test } from "vitest";
import { dbSourceSpecSchema, isDbSpec } from "../dbSourceSpecSchema/dbSourceSpecSchema.ts";
import { isDbRecordSource } from "../DbRecordSource/DbRecordSource.ts";
import { openDbSource } from "./openDbSource.ts";

describe("openDbSource", () => {
  test("opens the job-file forms without connecting", () => {
    const sqlite = openDbSource({ sqlite: { path: "crm.db", table: "customers" } }, { baseDir: "/data" });
    expect(sqlite).toMatchObject({ dialect: "sqlite", name: "customers" });
    expect(sqlite.fingerprint()).toMatchObject({ path: "/data/crm.db", table: "customers" });
    const postgres = openDbSource({ postgres: { url_env: "PGURL", query: "select * from orders where total > 0" } }, { env: { PGURL: "postgres://u:pw@h/db" } });
    expect(postgres).toMatchObject({ dialect: "postgres", name: "query" });
    expect(postgres.fingerprint()).toMatchObject({ database: "postgres://u:***@h/db", query: "select * from orders where total > 0" });
    expect(isDbRecordSource(postgres)).toBe(true);
    expect(isDbRecordSource([{ a: 1 }])).toBe(false);
  });

  test.each([
    [{ mysql: { table: "t" } }, /received a mapping with "mysql"/],
    [{}, /received an empty mapping/],
    ["crm.db", /received "crm.db"/],
    [{ sqlite: { path: "a.db", table: "t", tabel: "x" } }, /Invalid SQLite source: .*tabel/],
    [{ postgres: { url_env: "not a name", table: "t" } }, /url_env: an environment variable name/],
    [{ postgres: { url_env: "U" } }, /give either "table" or "query"/],
  ])("rejects %j", (spec, message) => {
    expect(() => openDbSource(spec as never, { env: { U: "postgres://h/db" } })).toThrow(message);
  });

  test("validates job-file specifications with its schema", () => {
    expect(dbSourceSpecSchema.safeParse({ postgres: { url_env: "ERP_DATABASE_URL", table: "customers", read: "copy" } }).success).toBe(true);
    expect(dbSourceSpecSchema.safeParse({ postgres: { url: "postgres://u:pw@h/db", table: "customers" } }).success).toBe(false);
    expect(isDbSpec({ sqlite: {} })).toBe(true);
    expect(isDbSpec({ path: "a.csv" })).toBe(false);
  });
});
