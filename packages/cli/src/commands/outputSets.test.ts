import { existsSync, lstatSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { captureTerminal as capture } from "../_testing/captureTerminal.ts";
import { main } from "../main/main.ts";

const demo = join(import.meta.dirname, "..", "..", "..", "..", "examples", "crm-erp", "data");

const people = (suffix: string) =>
  [
    "id,name,city,born",
    ...["Ana Lima", "Bo Chen", "Carla Diaz", "Dev Patel", "Eva Novak", "Femi Ade", "Gus Berg", "Hana Sato", "Ivo Kral", "Jon Moss", "Kim Park", "Lea Roux"].map(
      (name, i) => `${i + 1},${name}${i % 3 === 0 ? suffix : ""},${["Lyon", "Oslo", "Kyiv", "Pune"][i % 4]},19${60 + i}-0${(i % 9) + 1}-1${i % 9}`,
    ),
    "",
  ].join("\n");

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), "cleanse-output-sets-"));
  writeFileSync(join(dir, "left.csv"), people(""));
  writeFileSync(join(dir, "right.csv"), people("e"));
  return dir;
}

describe("dedupe, link and reconcile write their outputs as one set", () => {
  test("dedupe refuses two outputs on one path before reading the data", async () => {
    const dir = folder();
    const term = capture();
    const code = await main(["dedupe", "missing.csv", "--id", "id", "--out", "o.csv", "--golden", "./o.csv"], { term, cwd: dir });
    expect(code).toBe(2);
    expect(term.stderr).toContain("--golden writes");
    expect(term.stderr).toContain("which --out writes too");
    expect(existsSync(join(dir, "o.csv"))).toBe(false);
  });

  test("dedupe refuses an output that replaces its own input", async () => {
    const dir = folder();
    const term = capture();
    expect(await main(["dedupe", "left.csv", "--id", "id", "--out", "LEFT.csv".toLowerCase()], { term, cwd: dir })).toBe(2);
    expect(term.stderr).toContain("left.csv");
    expect(readFileSync(join(dir, "left.csv"), "utf8")).toBe(people(""));
  });

  test("link leaves the previous pairs file when the golden records cannot be built", async () => {
    const dir = folder();
    expect(await main(["link", "left.csv", "right.csv", "--id", "id", "--out", "pairs.csv", "-q"], { term: capture(), cwd: dir })).toBe(0);
    const before = readFileSync(join(dir, "pairs.csv"), "utf8");
    expect(lstatSync(join(dir, "pairs.csv")).isSymbolicLink()).toBe(true);
    // fewer records on the right: an uninterrupted run would write fewer pairs
    writeFileSync(join(dir, "right.csv"), people("x").split("\n").slice(0, 7).join("\n"));
    const term = capture();
    // ids are on both sides, so --golden fails after the pairs were written to the staging folder
    expect(await main(["link", "left.csv", "right.csv", "--id", "id", "--out", "pairs.csv", "--golden", "golden.csv"], { term, cwd: dir })).toBe(2);
    expect(term.stderr).toContain("--golden needs ids unique across both sources");
    expect(readFileSync(join(dir, "pairs.csv"), "utf8")).toBe(before);
    expect(existsSync(join(dir, "golden.csv"))).toBe(false);
  });

  test("link refuses --golden on the path of --out", async () => {
    const dir = folder();
    const term = capture();
    expect(await main(["link", "left.csv", "right.csv", "--id", "id", "--out", "p.csv", "--golden", "sub/../p.csv"], { term, cwd: dir })).toBe(2);
    expect(term.stderr).toContain("--golden writes");
  });

  test("reconcile refuses a diff on the report's path, and a report over an input", async () => {
    const dir = folder();
    const same = capture();
    expect(await main(["reconcile", "left.csv", "right.csv", "--key", "id", "--report", "r.csv", "--diff", "r.csv"], { term: same, cwd: dir })).toBe(2);
    expect(same.stderr).toContain("--diff writes");
    const input = capture();
    expect(await main(["reconcile", "left.csv", "right.csv", "--key", "id", "--report", "right.csv"], { term: input, cwd: dir })).toBe(2);
    expect(input.stderr).toContain("the right source");
    expect(readFileSync(join(dir, "right.csv"), "utf8")).toBe(people("e"));
  });

  test("a failed reconciliation leaves the previous report and diff, both", async () => {
    const dir = folder();
    const args = ["reconcile", "left.csv", "right.csv", "--key", "id", "--report", "r.json", "--diff", "d.csv", "-q"];
    expect(await main(args, { term: capture(), cwd: dir })).toBe(1);
    const report = readFileSync(join(dir, "r.json"), "utf8");
    const diff = readFileSync(join(dir, "d.csv"), "utf8");
    expect(JSON.parse(report).totals.mismatched).toBe(4);
    // the second run fails once its diff is open: the key is on the left only
    writeFileSync(join(dir, "right.csv"), people("e").replace(/^id,/, "ref,"));
    const term = capture();
    expect(await main(args, { term, cwd: dir })).toBe(2);
    expect(readFileSync(join(dir, "r.json"), "utf8")).toBe(report);
    expect(readFileSync(join(dir, "d.csv"), "utf8")).toBe(diff);
  });

  test("reconcile publishes the report formats of a job file together", async () => {
    const dir = folder();
    writeFileSync(
      join(dir, "rec.yaml"),
      [
        "left:",
        `  path: ${join(demo, "crm_customers.csv")}`,
        "  header_map: { 邮箱: email, 手机: phone, 姓名: name, 城市: city, 信用额度: credit_limit }",
        `right: ${join(demo, "erp_customers.jsonl")}`,
        "key: email",
        "report: { json: out/r.json, markdown: out/r.md }",
        "diff: out/r.json",
        "",
      ].join("\n"),
    );
    const clash = capture();
    expect(await main(["reconcile", "--job", "rec.yaml"], { term: clash, cwd: dir })).toBe(2);
    expect(clash.stderr).toContain("rec.yaml: diff writes");
    writeFileSync(join(dir, "rec.yaml"), readFileSync(join(dir, "rec.yaml"), "utf8").replace("diff: out/r.json", "diff: out/d.jsonl"));
    expect(await main(["reconcile", "--job", "rec.yaml", "-q"], { term: capture(), cwd: dir })).toBe(1);
    for (const f of ["r.json", "r.md", "d.jsonl"]) expect(lstatSync(join(dir, "out", f)).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, "out", "r.md"), "utf8")).toContain("matched");
  });
});
