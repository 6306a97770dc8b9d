// `cleanse reconcile` on files, wired the way the command line wires it: inputs through @cleanse/io's
// openSource, databases through @cleanse/db's openDbSource, the diff through openSink, a job file
// merged with command-line flags. Runs the demo's CRM export (GBK CSV) against its ERP export.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isDbSpec, openDbSink, openDbSource, type DbSinkSpec, type DbSourceSpec } from "../packages/db/src/index.ts";
import { openSink, openSource } from "../packages/io/src/index.ts";
import { formatReconcileSummary, reconcileJobFromArgs, reconcileJobSchema, runReconcileJob, type ReconcileInputSpec, type RunReconcileJobOptions } from "../packages/reconcile/src/index.ts";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

const demo = join(import.meta.dirname, "..", "examples", "crm-erp", "data");

/** What the command passes as openers: files through io, `sqlite:` / `postgres:` through db. */
const openers: Pick<RunReconcileJobOptions, "openSource" | "openSink"> = {
  openSource: (spec: ReconcileInputSpec, { baseDir }) =>
    isDbSpec(spec) ? openDbSource(spec as DbSourceSpec, { baseDir }) : openSource(spec as Parameters<typeof openSource>[0], { baseDir }),
  openSink: (spec: ReconcileInputSpec, { baseDir }) =>
    isDbSpec(spec) ? openDbSink(spec as DbSinkSpec, { baseDir }) : openSink(spec as Parameters<typeof openSink>[0], { baseDir }),
};

describe("reconciling the demo's files", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "cleanse-reconcile-files-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test("a job file plus flags: GBK CSV against JSON Lines, diff as CSV, the flag's report replacing the job's", async () => {
    const job = reconcileJobSchema.parse({
      left: {
        path: join(demo, "crm_customers.csv"),
        encoding: "auto",
        headerMap: { 客户编号: "customer_id", 姓名: "name", 手机: "phone", 邮箱: "email", 城市: "city", 信用额度: "credit_limit", 注册日期: "signup_date" },
      },
      right: join(demo, "erp_customers.jsonl"),
      fields: ["name", "phone", "city", "credit_limit"],
      standardize: { "*": "auto" },
      timestamps: { left: "signup_date", right: "created_at" },
      report: { json: "out/reconcile.json" },
    });
    const merged = reconcileJobFromArgs({ key: "email", map: ["phone=mobile"], report: "reconcile.md", diff: "diff.csv" }, job, (p) => join(dir, p));
    const result = await runReconcileJob(merged, { baseDir: dir, ...openers });

    const t = result.report.totals;
    expect(result.exitCode).toBe(1);
    expect(t.left).toBe(408);
    expect(t.right).toBe(261);
    expect(t.left).toBe(t.matched + t.leftOnly + result.report.left.missingKey);
    expect(t.right).toBe(t.matched + t.rightOnly + result.report.right.missingKey);
    expect(result.report.fields.map((f) => [f.field, f.standardize])).toEqual([
      ["name", "text"],
      ["phone", "phone(region=CN)"],
      ["city", "text"],
      ["credit_limit", "number"],
    ]);
    expect(result.report.left.fingerprint).toMatchObject({ encoding: "gbk" });
    expect(result.written).toEqual([join(dir, "diff.csv"), join(dir, "reconcile.md")]);

    const diff = readFileSync(join(dir, "diff.csv"), "utf8").trimEnd().split(/\r?\n/);
    expect(diff[0]).toBe("key,status,field,left_value,right_value");
    expect(diff).toHaveLength(t.diffRows + 1);
    expect(readFileSync(join(dir, "reconcile.md"), "utf8")).toContain(`| only in erp_customers.jsonl | ${t.rightOnly} |`);
    expect(formatReconcileSummary(result.report).split("\n")[0]).toBe(
      `crm_customers.csv ↔ erp_customers.jsonl: ${t.matched} matched (${t.identical} identical, ${t.mismatched} differ), ${t.leftOnly} only in crm_customers.csv, ${t.rightOnly} only in erp_customers.jsonl`,
    );
  });
});
