import { describe, expect, test } from "vitest";
import { dbSinkSpecSchema } from "../dbSinkSpecSchema/dbSinkSpecSchema.ts";
import { openDbSink } from "./openDbSink.ts";

describe("openDbSink", () => {
  test("opens the job-file forms without connecting", () => {
    expect(openDbSink({ sqlite: { path: "out.db", table: "clean", mode: "replace" } })).toMatchObject({ dialect: "sqlite", table: "clean", written: 0 });
    expect(openDbSink({ postgres: { url_env: "PGURL", table: "clean_orders", mode: "replace" } }, { env: { PGURL: "postgres://h/db" } })).toMatchObject({
      dialect: "postgres",
      table: "clean_orders",
    });
  });

  test.each([
    [{ postgres: { url_env: "PGURL", table: "t", mode: "upsert" } }, /mode "upsert" needs a "key"/],
    [{ sqlite: { path: "a.db", table: "t", mode: "merge" } }, /mode/],
    [{ csv: { path: "a.csv" } }, /received a mapping with "csv"/],
  ])("rejects %j", (spec, message) => {
    expect(() => openDbSink(spec as never, { env: { PGURL: "postgres://h/db" } })).toThrow(message);
  });

  test("validates job-file outputs with its schema", () => {
    expect(dbSinkSpecSchema.safeParse({ postgres: { url_env: "PGURL", table: "c", mode: "upsert", key: ["id", "region"], columns: { id: "integer" } } }).success).toBe(true);
    expect(dbSinkSpecSchema.safeParse({ sqlite: { path: "o.db", table: "c", password: "x" } }).success).toBe(false);
  });
});
