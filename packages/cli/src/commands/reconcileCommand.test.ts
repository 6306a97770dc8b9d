import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { parseCommandArgs } from "../_internal/parseCommandArgs.ts";
import { reconcileCommand } from "./reconcileCommand.ts";

const demo = join(import.meta.dirname, "..", "..", "..", "..", "examples", "crm-erp", "data");

async function run(argv: string[], cwd: string): Promise<{ code: number; out: string }> {
  let out = "";
  const term = { out: (t: string) => void (out += t), err: (t: string) => void (out += t), isTTY: false };
  const code = await reconcileCommand.run(parseCommandArgs("reconcile", argv, reconcileCommand.options), { term, cwd, signal: new AbortController().signal });
  return { code, out };
}

describe("cleanse reconcile", () => {
  test("reconciles two files with a job file and flags, and exits 1 on differences", async () => {
    const dir = mkdtempSync(join(tmpdir(), "cleanse-reconcile-cmd-"));
    try {
      writeFileSync(
        join(dir, "reconcile.yaml"),
        [
          "left:",
          `  path: ${join(demo, "crm_customers.csv")}`,
          "  header_map: { 邮箱: email, 手机: phone, 姓名: name, 城市: city, 信用额度: credit_limit }",
          `right: ${join(demo, "erp_customers.jsonl")}`,
          "standardize: { phone: { phone: { region: CN } }, email: email, '*': auto }",
          "",
        ].join("\n"),
      );
      const { code, out } = await run(["--job", "reconcile.yaml", "--key", "email", "--map", "phone=mobile", "--report", "r.html", "--diff", "d.csv"], dir);
      expect(code).toBe(1);
      expect(out).toMatch(/^crm_customers\.csv ↔ erp_customers\.jsonl: 243 matched/);
      expect(out).toContain("wrote d.csv, r.html");
      expect(readFileSync(join(dir, "r.html"), "utf8")).toContain("<!doctype html>");
      expect(readFileSync(join(dir, "d.csv"), "utf8").split("\n")[0]).toBe("key,status,field,left_value,right_value");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("compares amounts as exact decimals and dates by day, with the standardize package", async () => {
    const dir = mkdtempSync(join(tmpdir(), "cleanse-reconcile-cmd-"));
    try {
      writeFileSync(join(dir, "l.csv"), 'id,amount,signed\n1,"1,234.50",05/01/2023\n2,1.005,2023年2月1日\n');
      writeFileSync(
        join(dir, "r.jsonl"),
        '{"id":"1","amount":1234.5,"signed":"2023-01-05"}\n{"id":"2","amount":"1.01","signed":"2023-02-01T09:30:00Z"}\n',
      );
      writeFileSync(join(dir, "job.yaml"), "left: l.csv\nright: r.jsonl\nstandardize: { amount: { number: { scale: 2 } }, signed: date }\n");
      const { code, out } = await run(["--job", "job.yaml", "--key", "id", "--report", "r.json"], dir);
      // 1.005 rounds half-up to 1.01 in decimal; binary floating point gives 1.00.
      expect(out).toContain("2 matched (2 identical, 0 differ)");
      expect(code).toBe(0);
      const report = JSON.parse(readFileSync(join(dir, "r.json"), "utf8"));
      expect(report.fields.map((f: { field: string; mismatches: number }) => [f.field, f.mismatches])).toEqual([
        ["amount", 0],
        ["signed", 0],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("says what is missing", async () => {
    await expect(run(["a.csv", "b.csv", "--report", "r.json"], tmpdir())).rejects.toMatchObject({ code: "CLEANSE_USAGE", message: expect.stringContaining("needs key") });
    await expect(run(["a.csv", "b.csv", "--key", "id"], tmpdir())).rejects.toMatchObject({ code: "CLEANSE_USAGE", message: expect.stringContaining("--report") });
  });
});
