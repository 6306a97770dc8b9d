import { cp, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { collect } from "@cleanse/core";
import { readCsv, readJsonLines } from "@cleanse/io";
import { main } from "@cleanse/cli";

// Runs the CRM/ERP demo job on a copy of the example, as `pnpm demo` does, and checks that nothing is lost.
const example = join(import.meta.dirname, "..", "examples", "crm-erp");
let dir: string;
let report: {
  totals: { total: number; clean: number; quarantined: number; merged: number };
  datasets: {
    dataset: string;
    totals: { total: number; clean: number; quarantined: number; merged: number };
    fields: { field: string; changed: number }[];
    dimensions: { dimension: string; score: number; basis?: string }[];
    timings: { steps: { name: string; ms: number }[] };
    sections: Record<string, Record<string, unknown>>;
  }[];
};
let exitCode: number;
let stdout = "";

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "cleanse-demo-"));
  await cp(example, dir, { recursive: true, filter: (src) => !src.includes(`${join(example, "out")}`) && !src.includes("node_modules") });
  const term = { isTTY: false, out: (s: string) => void (stdout += s), err: (s: string) => void (stdout += s) };
  exitCode = await main(["run", "job.yaml"], { term, cwd: dir });
  report = JSON.parse(await readFile(join(dir, "out", "report.json"), "utf8"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function ids(file: string, field: string): Promise<string[]> {
  const source = file.endsWith(".csv") ? readCsv(file) : readJsonLines(file);
  const batches = await collect(source.batches());
  return batches.flatMap((b) => b.records.map((r) => String(r[field])));
}

describe("the CRM/ERP demo", () => {
  test("runs and exits 0: quarantined records are what it shows", () => {
    expect(stdout).toContain("crm-erp-demo:");
    expect(exitCode).toBe(0);
  });

  test("its report's totals add up, per dataset and for the job", () => {
    let total = 0;
    for (const d of report.datasets) {
      expect(d.totals.total).toBe(d.totals.clean + d.totals.quarantined + d.totals.merged);
      total += d.totals.total;
    }
    expect(report.totals.total).toBe(total);
    expect(report.totals.total).toBe(report.totals.clean + report.totals.quarantined + report.totals.merged);
    expect(report.datasets.map((d) => d.dataset)).toEqual(["crm_customers", "erp_customers", "erp_orders"]);
    expect(report.totals.quarantined).toBeGreaterThan(0);
  });

  test.each([
    ["crm_customers", "data/crm_customers.csv", "客户编号", "out/crm_customers.clean.csv", "out/crm_customers.quarantine.csv", "customer_id"],
    ["erp_customers", "data/erp_customers.jsonl", "erp_id", "out/erp_customers.clean.jsonl", "out/erp_customers.quarantine.jsonl", "erp_id"],
    ["erp_orders", "data/erp_orders.jsonl", "order_id", "out/erp_orders.clean.jsonl", "out/erp_orders.quarantine.jsonl", "order_id"],
  ])("every %s record is in exactly one of the clean and quarantine files", async (name, input, inputId, clean, quarantine, outputId) => {
    const read = await ids(join(dir, input), inputId);
    const cleanIds = await ids(join(dir, clean), outputId);
    const quarantinedIds = await ids(join(dir, quarantine), outputId);
    expect([...cleanIds, ...quarantinedIds].sort()).toEqual([...read].sort());
    const d = report.datasets.find((x) => x.dataset === name)!;
    expect(cleanIds.length).toBe(d.totals.clean);
    expect(quarantinedIds.length).toBe(d.totals.quarantined);
  });

  test("deduplicates CRM customers and links them to ERP customers; the report shows clusters, golden records and an explained pair", () => {
    const crm = report.datasets.find((d) => d.dataset === "crm_customers")!;
    const dedupe = crm.sections.dedupe as { multiRecordClusters: number; goldenRecords: unknown[]; example?: { explanation: { comparisons: unknown[] }; text: string } };
    expect(dedupe.multiRecordClusters).toBeGreaterThan(0);
    expect(dedupe.goldenRecords.length).toBeGreaterThan(0);
    expect(dedupe.example?.explanation.comparisons.length).toBeGreaterThan(0);
    const link = crm.sections.link as { linked: number; records: number; unlinked: number };
    expect(link.linked).toBeGreaterThan(0);
    expect(link.linked + link.unlinked).toBe(link.records);
  });

  test("scores the CRM customers by what is usable: quarantined records count 0 and duplicates lower uniqueness", async () => {
    const crm = report.datasets.find((d) => d.dataset === "crm_customers")!;
    const card = crm.sections.score as { score: number; meanRecordScore: number; quarantined: number; duplicates: number };
    const dedupe = crm.sections.dedupe as { duplicates: number };
    expect(card.quarantined).toBe(crm.totals.quarantined);
    expect(card.score).toBeLessThanOrEqual(100 * (1 - crm.totals.quarantined / crm.totals.total));
    expect(card.score).toBeLessThan(card.meanRecordScore);
    expect(card.duplicates).toBe(dedupe.duplicates);
    // one set of dimension scores, the score step's; uniqueness: 1 - redundant copies / records (unique(customer_id) passes)
    expect(crm.sections.score).not.toHaveProperty("dimensions");
    expect(crm.dimensions.every((d) => d.basis === "checks")).toBe(true);
    const uniqueness = crm.dimensions.find((d) => d.dimension === "uniqueness")!;
    expect(uniqueness.score).toBeCloseTo(100 * (1 - dedupe.duplicates / crm.totals.total), 2);
    const md = await readFile(join(dir, "out", "report.md"), "utf8");
    expect(md).toContain(`## crm_customers\n\n**Score ${card.score.toFixed(1)}** / 100 (`);
    expect(md).toMatch(/## crm_customers\n\n\*\*Score [\d.]+\*\* \/ 100 \((fair|poor)\)/);
  });

  test("times every step, stream steps and steps that work in finish() included", () => {
    const crm = report.datasets.find((d) => d.dataset === "crm_customers")!;
    const ms = Object.fromEntries(crm.timings.steps.map((s) => [s.name, s.ms]));
    expect(Object.keys(ms)).toEqual(expect.arrayContaining(["standardize", "dedupe", "link"]));
    for (const name of ["standardize", "dedupe", "link"]) expect(ms[name]).toBeGreaterThan(0);
  });

  test("standardizes dates, phones and amounts, and the report counts the changes per field", async () => {
    const crm = report.datasets.find((d) => d.dataset === "crm_customers")!;
    const changed = Object.fromEntries(crm.fields.map((f) => [f.field, f.changed]));
    expect(changed.signup_date).toBeGreaterThan(0);
    expect(changed.phone).toBeGreaterThan(0);
    expect(changed.credit_limit).toBeGreaterThan(0);
    const clean = (await collect(readCsv(join(dir, "out/crm_customers.clean.csv")).batches())).flatMap((b) => b.records);
    for (const r of clean) {
      expect(r.signup_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(r.phone).toMatch(/^1\d{10}$/);
      expect(r.credit_limit).toMatch(/^\d+\.\d{2}$/);
    }
  });
});
