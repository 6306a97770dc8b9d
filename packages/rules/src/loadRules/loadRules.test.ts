import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { loadRules } from "./loadRules.ts";

const dir = join(import.meta.dirname, "..", "..", "test-data", "rules");

describe("loadRules", () => {
  test("loads the YAML rule file of the documentation, resolving sources against its folder", async () => {
    const set = await loadRules(join(dir, "customers.yaml"));
    expect(set.description).toBe("Customer master data");
    expect(set.baseDir).toBe(dir);
    expect(set.rules.map((r) => `${r.id}${r.field ? `(${r.field})` : ""}`)).toEqual([
      "required(customer_id)",
      "unique(customer_id)",
      "email(email)",
      "phone(phone)",
      "in(status)",
      "range(credit_limit)",
      "decimal(credit_limit)",
      "date(signup_date)",
      "required(name)",
      "length(name)",
      "cn_id_card(id_number)",
      "url(website)",
      "ship-after-order",
      "reference(customer_id)",
      "row_count",
      "null_ratio",
    ]);
    expect(set.piiFields).toEqual(["id_number"]);
    expect(set.sources).toEqual([{ spec: join(dir, "customers.csv"), location: expect.objectContaining({ line: 20 }) }]);
  });

  test("loads JSON rule files", async () => {
    const set = await loadRules(join(dir, "customers.json"));
    expect(set.rules.map((r) => [r.id, r.severity])).toEqual([
      ["required", "error"],
      ["unique", "error"],
      ["email", "warning"],
      ["row_count", "error"],
    ]);
  });

  test("reports a missing file with its path", async () => {
    await expect(loadRules(join(dir, "missing.yaml"))).rejects.toMatchObject({ code: "CLEANSE_FILE_NOT_FOUND" });
  });
});
