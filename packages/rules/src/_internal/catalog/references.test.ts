import { readFileSync } from "node:fs";
import { join } from "node:path";
import { processRecords, toRecordSource, type DataRecord } from "@cleanse/core";
import { describe, expect, test } from "vitest";
import { compileRules } from "../../compileRules/compileRules.ts";
import { loadRulesSteps } from "../../loadRulesSteps/loadRulesSteps.ts";
import { parseRules } from "../../parseRules/parseRules.ts";

const dir = join(import.meta.dirname, "..", "..", "..", "test-data", "references");

/** A minimal CSV reader for the fixture (no quotes in it). */
function readCsv(path: string): DataRecord[] {
  const [header, ...lines] = readFileSync(path, "utf8").trim().split("\n");
  const keys = header!.split(",");
  return lines.map((line) => Object.fromEntries(line.split(",").map((v, i) => [keys[i]!, v])));
}

const orders = [
  { order_id: "O1", customer_id: "C001", region: "north" },
  { order_id: "O2", customer_id: "C999", region: "north" },
  { order_id: "O3", customer_id: "C002", region: "north" },
  { order_id: "O4", customer_id: "", region: "east" },
];

describe("references", () => {
  test("checks keys from a source file opened through openSource, relative to the rule file", async () => {
    const opened: unknown[] = [];
    const openSource = (spec: string | { readonly path: string }) => {
      opened.push(spec);
      return toRecordSource(readCsv(typeof spec === "string" ? spec : spec.path), { name: "customers.csv" });
    };
    const { steps, sources } = await loadRulesSteps("orders.rules.yaml", { baseDir: dir, openSource });
    expect(sources.map((s) => s.spec)).toEqual([join(dir, "customers.csv"), join(dir, "customers.csv")]);
    const run = processRecords(orders, steps, { name: "orders" });
    const statuses: string[] = [];
    const reasons: string[][] = [];
    for await (const env of run) {
      statuses.push(env.status!);
      reasons.push(env.issues.map((i) => `${i.rule}: ${i.message}`));
    }
    expect(opened).toEqual([join(dir, "customers.csv"), join(dir, "customers.csv")]);
    expect(statuses).toEqual(["clean", "quarantine", "clean", "quarantine"]);
    expect(reasons[1]).toEqual([
      'reference: customer_id "C999" not found in customers.csv (id)',
      'customer-region: customer_id, region ["C999","north"] not found in customers.csv (id, region)',
    ]);
    expect(reasons[2]).toEqual(['customer-region: customer_id, region ["C002","north"] not found in customers.csv (id, region)']);
    const report = run.report();
    expect(report.totals).toEqual({ total: 4, clean: 2, quarantined: 2, merged: 0 });
    expect(report.rules.find((r) => r.rule === "reference")).toMatchObject({ field: "customer_id", failed: 1, dimension: "integrity" });
    expect(report.sections.rules).toEqual({
      references: [
        { rule: "reference", field: "customer_id", keys: 4, bytes: 8192 },
        { rule: "customer-region", keys: 4, bytes: 8192 },
      ],
    });
  });

  test("a reference can also be written under its field", async () => {
    const { steps, sources } = await loadRulesSteps("orders.rules.yaml", { baseDir: dir, openSource: () => toRecordSource([]) });
    expect(steps).toHaveLength(1);
    const set = parseRules("fields:\n  customer_id: [{ reference: { in: { source: c.csv, field: id } } }]\n", { file: join(dir, "x.yaml") });
    expect(set.sources.map((s) => s.spec)).toEqual([join(dir, "c.csv")]);
    expect(set.rules[0]).toMatchObject({ id: "reference", field: "customer_id" });
    expect(sources).toHaveLength(2);
  });

  test("takes the keys from records given in TypeScript, exactly or hashed", async () => {
    for (const exact of [false, true]) {
      const checker = compileRules({ references: [{ field: "customer_id", in: { field: "id", records: [{ id: "C001" }, { id: 7 }] }, exact }] });
      await checker.prepare();
      expect([{ customer_id: "C001" }, { customer_id: "7" }, { customer_id: "C002" }].map((r) => checker.check(r).length)).toEqual([0, 0, 1]);
    }
  });

  test("explains that a source file needs a way to be opened", async () => {
    const checker = compileRules({ references: [{ field: "customer_id", in: { source: "customers.csv", field: "id" } }] });
    await expect(checker.prepare()).rejects.toThrow(/needs a way to open that file/);
  });
});
