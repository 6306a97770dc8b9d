import { describe, expect, test } from "vitest";
import { maskConnectionString } from "./maskConnectionString.ts";

describe("maskConnectionString", () => {
  test.each([
    ["postgres://erp:s3cret@db.local:5432/erp", "postgres://erp:***@db.local:5432/erp"],
    ["postgresql://erp@db.local/erp", "postgresql://erp@db.local/erp"],
    ["connect failed for postgres://a:p%40ss@h/db and postgres://b:x@h2/db", "connect failed for postgres://a:***@h/db and postgres://b:***@h2/db"],
    ["host=h user=u password=secret dbname=d", "host=h user=u password=*** dbname=d"],
    ["password='it\\'s a secret' host=h", "password=*** host=h"],
  ])("%s", (input, expected) => {
    expect(maskConnectionString(input)).toBe(expected);
  });
});
