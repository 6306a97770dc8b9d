import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeEach, describe, expect, test } from "vitest";
import { captureTerminal as capture } from "../_testing/captureTerminal.ts";
import { main } from "../main/main.ts";


let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "cleanse-validate-"));
  await writeFile(join(dir, "customers.csv"), "id,email,status\n1,a@example.com,active\n2,not-an-email,active\n2,c@example.com,gone\n");
});

describe("cleanse validate", () => {
  test("masks failing e-mails in the JSON, Markdown and HTML reports without pii: true, and --show-pii shows them", async () => {
    await writeFile(join(dir, "people.csv"), "id,email,contact\n1,wu7523@sina,he3479@126.com\n2,xu4528@qq.com,li.wei#qq.com\n3,zhou@@126.com,yang9950@163.com\n");
    await writeFile(join(dir, "rules.yaml"), "fields:\n  email: [email]\n  contact: [email]\n");
    const reports = async (...flags: string[]) => {
      const code = await main(["validate", "people.csv", "--rules", "rules.yaml", "--report", "r.json", "--markdown", "r.md", "--html", "r.html", ...flags], { term: capture(), cwd: dir });
      expect(code).toBe(1);
      return Promise.all(["r.json", "r.md", "r.html"].map((f) => readFile(join(dir, f), "utf8")));
    };
    const failing = ["wu7523@sina", "zhou@@126.com", "li.wei#qq.com"];
    for (const text of await reports()) {
      for (const value of failing) expect(text).not.toContain(value);
      expect(text).toContain("w*****@sina");
    }
    // Markdown shows the first example of each rule, JSON and HTML all of them.
    const [json, md, html] = await reports("--show-pii");
    for (const value of failing) {
      expect(json).toContain(value);
      expect(html).toContain(value);
    }
    for (const value of ["wu7523@sina", "li.wei#qq.com"]) expect(md).toContain(value);
  });

  test("reports each rule with its failures, quarantines records with errors and exits 1", async () => {
    await writeFile(join(dir, "rules.yaml"), "fields:\n  id: [required, unique]\n  email: [email]\n  status: [{ in: [active, inactive] }]\n");
    const term = capture();
    const code = await main(
      ["validate", "customers.csv", "--rules", "rules.yaml", "--report", "out/report.json", "--quarantine", "out/q.csv", "--clean", "out/c.csv"],
      { term, cwd: dir },
    );
    expect(term.stderr).toBe("");
    expect(code).toBe(1);
    const report = JSON.parse(await readFile(join(dir, "out/report.json"), "utf8"));
    const rules = report.datasets[0].rules.map((r: { rule: string; field?: string; failed: number }) => [r.rule, r.field, r.failed]);
    expect(rules).toEqual(
      expect.arrayContaining([
        ["required", "id", 0],
        ["email", "email", 1],
        ["in", "status", 1],
      ]),
    );
    expect(report.totals.total).toBe(report.totals.clean + report.totals.quarantined);
    expect(report.datasets[0].rules.find((r: { rule: string }) => r.rule === "email").examples[0]).toMatchObject({ record: 2, line: 3, field: "email" });
    expect(await readFile(join(dir, "out/c.csv"), "utf8")).toBe("id,email,status\n1,a@example.com,active\n");
    const quarantined = await readFile(join(dir, "out/q.csv"), "utf8");
    expect(quarantined.split("\n")[0]).toBe("id,email,status,_reasons,_record");
  });

  test("exits 0 when only warnings fail", async () => {
    await writeFile(join(dir, "rules.yaml"), "fields:\n  email: [{ email: { severity: warning } }]\n");
    expect(await main(["validate", "customers.csv", "--rules", "rules.yaml", "-q"], { term: capture(), cwd: dir })).toBe(0);
  });

  test("a typo in the rule file is reported with line, column and a suggestion, exit 2, no stack trace", async () => {
    await writeFile(join(dir, "rules.yaml"), "fields:\n  email: [emial]\n");
    const term = capture();
    expect(await main(["validate", "customers.csv", "--rules", "rules.yaml"], { term, cwd: dir })).toBe(2);
    expect(term.stderr).toMatch(/rules\.yaml:2:\d+: .*"emial".*did you mean "email"/);
    expect(term.stderr).not.toMatch(/\n\s+at /);
  });

  test("asks for --rules when it is missing", async () => {
    const term = capture();
    expect(await main(["validate", "customers.csv"], { term, cwd: dir })).toBe(2);
    expect(term.stderr).toContain("missing --rules <rules.yaml>");
  });
  test("refuses two outputs in one file, and an output over the data file, before reading", async () => {
    await writeFile(join(dir, "rules.yaml"), "fields:\n  email: [email]\n");
    const term = capture();
    const code = await main(["validate", "customers.csv", "--rules", "rules.yaml", "--clean", "o.jsonl", "--quarantine", "./o.jsonl"], { term, cwd: dir });
    expect(code).toBe(2);
    expect(term.stderr).toMatch(/CLEANSE_OUTPUT_COLLISION: --quarantine writes .*o\.jsonl, which --clean writes too/);
    const over = capture();
    expect(await main(["validate", "customers.csv", "--rules", "rules.yaml", "--clean", "customers.csv"], { term: over, cwd: dir })).toBe(2);
    expect(over.stderr).toMatch(/the data file reads .*customers\.csv, which --clean replaces/);
  });

  test("publishes no output when the report cannot be written", async () => {
    await writeFile(join(dir, "rules.yaml"), "fields:\n  email: [email]\n");
    await writeFile(join(dir, "blocker"), "a file where a folder should be");
    const term = capture();
    const code = await main(["validate", "customers.csv", "--rules", "rules.yaml", "--clean", "out/c.csv", "--report", "blocker/sub/r.json"], { term, cwd: dir });
    expect(code).toBe(2);
    await expect(readFile(join(dir, "out/c.csv"), "utf8")).rejects.toThrow();
  });
});
