import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openSource } from "@cleanse/io";
import { reconcile } from "@cleanse/reconcile";
import { describe, expect, test } from "vitest";
import { parseCommandArgs } from "../_internal/parseCommandArgs.ts";
import { captureTerminal } from "../_testing/captureTerminal.ts";
import { main } from "../main/main.ts";
import { reconcileCommand } from "./reconcileCommand.ts";

const demo = join(import.meta.dirname, "..", "..", "..", "..", "examples", "crm-erp", "data");

async function run(argv: string[], cwd: string): Promise<{ code: number; out: string }> {
  let out = "";
  const term = { out: (t: string) => void (out += t), err: (t: string) => void (out += t), isTTY: false };
  const code = await reconcileCommand.run(await parseCommandArgs("reconcile", argv, reconcileCommand.options), { term, cwd, signal: new AbortController().signal });
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

  test("compares amounts as exact decimals and dates by day, read by the value kernel", async () => {
    const dir = mkdtempSync(join(tmpdir(), "cleanse-reconcile-cmd-"));
    try {
      writeFileSync(join(dir, "l.csv"), 'id,amount,signed\n1,"1,234.50",05/01/2023\n2,1.005,2023年2月1日\n');
      writeFileSync(
        join(dir, "r.jsonl"),
        '{"id":"1","amount":1234.5,"signed":"2023-01-05"}\n{"id":"2","amount":"1.01","signed":"2023-02-01T09:30:00Z"}\n',
      );
      writeFileSync(join(dir, "job.yaml"), "left: l.csv\nright: r.jsonl\nstandardize: { amount: { number: { scale: 2 } }, signed: { date: { order: dmy } } }\n");
      const { code, out } = await run(["--job", "job.yaml", "--key", "id", "--report", "r.json"], dir);
      // 1.005 rounds half-up to 1.01 in decimal; binary floating point gives 1.00.
      expect(out).toContain("2 matched (2 identical, 0 differ)");
      expect(code).toBe(0);
      const report = JSON.parse(readFileSync(join(dir, "r.json"), "utf8"));
      expect(report.fields.map((f: { field: string; mismatches: number }) => [f.field, f.mismatches])).toEqual([
        ["amount", 0],
        ["signed", 0],
      ]);
      // Without the order, 05/01/2023 is ambiguous: it is not guessed, so it is compared as written.
      writeFileSync(join(dir, "job.yaml"), "left: l.csv\nright: r.jsonl\nstandardize: { amount: { number: { scale: 2 } }, signed: date }\n");
      const unordered = await run(["--job", "job.yaml", "--key", "id", "--report", "r.json"], dir);
      expect(unordered.code).toBe(1);
      expect(JSON.parse(readFileSync(join(dir, "r.json"), "utf8")).fields[1].examples).toEqual([
        { key: "1", left: "05/01/2023", right: "2023-01-05", leftStandardized: "05/01/2023", rightStandardized: "2023-01-05" },
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("matches e-mail keys whatever their case, exactly as the TypeScript API does, and shows them as written with --show-pii", async () => {
    const dir = mkdtempSync(join(tmpdir(), "cleanse-reconcile-cmd-"));
    try {
      writeFileSync(join(dir, "crm.csv"), "email,city,credit\nHE3479@126.COM,上海,\"￥1,000\"\nWu7523@Sina.com,北京,1.005\nOnly.Crm@QQ.com,深圳,5\n");
      writeFileSync(join(dir, "erp.csv"), "email,city,credit\nhe3479@126.com,杭州,1000.00\nwu7523@sina.com,北京,1.005\nOnly.Erp@163.COM,成都,7\n");
      const masked = await run(["crm.csv", "erp.csv", "--key", "email", "--report", "m.json"], dir);
      expect(masked.code).toBe(1);
      const hidden = JSON.parse(readFileSync(join(dir, "m.json"), "utf8"));
      expect([hidden.fields[0].examples[0].key, hidden.examples.leftOnly[0].key]).toEqual(["H*****@126.COM", "O*****@QQ.com"]);
      const { code } = await run(["crm.csv", "erp.csv", "--key", "email", "--report", "r.json", "--show-pii"], dir);
      const cli = JSON.parse(readFileSync(join(dir, "r.json"), "utf8"));
      const api = JSON.parse(JSON.stringify(await reconcile(openSource(join(dir, "crm.csv")), openSource(join(dir, "erp.csv")), { key: "email", mask: false })));
      const stable = (report: Record<string, unknown>) => ({ ...report, startedAt: undefined, durationMs: undefined });
      expect(stable(cli)).toEqual(stable(api));
      expect(code).toBe(1);
      expect(cli.totals).toMatchObject({ matched: 2, identical: 1, mismatched: 1, leftOnly: 1, rightOnly: 1 });
      expect(cli.fields.map((f: { field: string; standardize: string }) => [f.field, f.standardize])).toEqual([
        ["city", "text"],
        ["credit", "number"],
      ]);
      expect(cli.fields[0].examples[0].key).toBe("HE3479@126.COM");
      expect(cli.examples.leftOnly[0].key).toBe("Only.Crm@QQ.com");
      expect(cli.examples.rightOnly[0].key).toBe("Only.Erp@163.COM");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("stops with exit code 2 when the key is a field neither input has", async () => {
    const dir = mkdtempSync(join(tmpdir(), "cleanse-reconcile-cmd-"));
    try {
      writeFileSync(join(dir, "l.csv"), "id,email\n1,a@x.com\n");
      writeFileSync(join(dir, "r.csv"), "id,mail\n1,a@x.com\n");
      const term = captureTerminal();
      expect(await main(["reconcile", "l.csv", "r.csv", "--key", "nope", "--report", "r.json"], { term, cwd: dir })).toBe(2);
      expect(term.stderr).toMatchInlineSnapshot(`
        "cleanse: error CLEANSE_RECONCILE_UNKNOWN_KEY: The key field "nope" is in neither input: l.csv has the fields id, email; r.csv has id, mail.
        hint: give --key (key: in a job file) a field both inputs have, by its left name, and --map it where the right side names it differently
        "
      `);
      expect(readdirSync(dir)).toEqual(["l.csv", "r.csv"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("says what is missing", async () => {
    await expect(run(["a.csv", "b.csv", "--report", "r.json"], tmpdir())).rejects.toMatchObject({ code: "CLEANSE_USAGE", message: expect.stringContaining("needs key") });
    await expect(run(["a.csv", "b.csv", "--key", "id"], tmpdir())).rejects.toMatchObject({ code: "CLEANSE_USAGE", message: expect.stringContaining("--report") });
  });
});
