import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { captureTerminal as capture } from "../_testing/captureTerminal.ts";
import { main } from "../main/main.ts";


const csv = ["id,name,phone,signup,status", ...Array.from({ length: 30 }, (_, i) => `C${100 + i},王${i},1380000${String(1000 + i)},2024-01-${String((i % 28) + 1).padStart(2, "0")},${i % 3 ? "active" : "inactive"}`)].join("\n");

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "cleanse-profile-"));
  await writeFile(join(dir, "customers.csv"), `${csv}\n`);
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("cleanse profile", () => {
  test("refuses --suggest-rules over the data file or on the path of --json, before reading", async () => {
    const over = capture();
    expect(await main(["profile", "customers.csv", "--suggest-rules", "./customers.csv"], { term: over, cwd: dir })).toBe(2);
    expect(over.stderr).toContain("--suggest-rules");
    expect(over.stderr).toContain("the data file");
    expect(await readFile(join(dir, "customers.csv"), "utf8")).toBe(`${csv}\n`);
    const both = capture();
    expect(await main(["profile", "customers.csv", "--json", "p.out", "--suggest-rules", "p.out"], { term: both, cwd: dir })).toBe(2);
    expect(both.stderr).toContain("--suggest-rules writes");
  });

  test("prints a table per column and exits 0", async () => {
    const term = capture();
    expect(await main(["profile", "customers.csv", "--region", "CN"], { term, cwd: dir })).toBe(0);
    expect(term.stderr).toBe("");
    const lines = term.stdout.split("\n");
    expect(lines.slice(0, 2)).toEqual(["customers.csv: 30 records, 5 columns", "candidate keys: id, name, phone"]);
    expect(term.stdout).toMatch(/phone\s+phone \(CN\)\s+100\.0%\s+0\.0%\s+0\.0%\s+30/);
    expect(term.stdout).toContain("signup (date)");
  });

  test("writes the profile as JSON and a starter rule file", async () => {
    const term = capture();
    expect(await main(["profile", "customers.csv", "--region", "CN", "--json", "out/profile.json", "--suggest-rules", "rules.yaml", "--output-format", "markdown"], { term, cwd: dir })).toBe(0);
    expect(term.stdout.startsWith("# Profile: customers.csv")).toBe(true);
    expect(term.stderr).toBe("wrote out/profile.json\nwrote rules.yaml\n");
    const profile = JSON.parse(await readFile(join(dir, "out/profile.json"), "utf8"));
    expect(profile).toMatchObject({ schemaVersion: 1, dataset: "customers.csv", records: 30, candidateKeys: ["id", "name", "phone"] });
    const rules = parse(await readFile(join(dir, "rules.yaml"), "utf8"));
    expect(rules.fields.phone).toEqual(["required", { phone: { region: "CN" } }]);
    expect(rules.fields.status).toEqual(["required", { in: ["active", "inactive"] }]);
  });

  test("takes bare national numbers for phones only when told their region", async () => {
    const term = capture();
    expect(await main(["profile", "customers.csv", "--output-format", "json"], { term, cwd: dir })).toBe(0);
    const phone = JSON.parse(term.stdout).columns.find((c: { name: string }) => c.name === "phone");
    expect(phone.type).not.toBe("phone");
  });

  test("prints JSON with --output-format json", async () => {
    const term = capture();
    expect(await main(["profile", "customers.csv", "--output-format", "json"], { term, cwd: dir })).toBe(0);
    expect(JSON.parse(term.stdout).columns.map((c: { name: string }) => c.name)).toEqual(["id", "name", "phone", "signup", "status"]);
  });

  test.each([
    [["profile"], "cleanse: error CLEANSE_USAGE: missing the file to profile: cleanse profile <data>\n"],
    [["profile", "customers.csv", "--output-format", "html"], 'cleanse: error CLEANSE_USAGE: --output-format takes text, json, markdown; received "html"\n'],
    [["profile", "customers.csv", "--format", "html"], 'cleanse: error CLEANSE_USAGE: --format takes csv, tsv, jsonl, json; received "html"\n'],
    [["profile", "customers.csv", "--date-order", "ydm"], 'cleanse: error CLEANSE_USAGE: --date-order takes dmy, mdy or ymd; received "ydm"\n'],
    [["profile", "customers.csv", "--distinct-limit", "0"], 'cleanse: error CLEANSE_USAGE: --distinct-limit takes a positive whole number; received "0"\n'],
  ])("refuses bad arguments with exit code 2: %j", async (argv, message) => {
    const term = capture();
    expect(await main(argv, { term, cwd: dir })).toBe(2);
    expect(term.stderr).toBe(message);
  });

  test("reports a missing file with exit code 2 and no stack trace", async () => {
    const term = capture();
    expect(await main(["profile", "nope.csv"], { term, cwd: dir })).toBe(2);
    expect(term.stderr).toMatch(/^cleanse: error CLEANSE_FILE_NOT_FOUND: .*nope\.csv/);
    expect(term.stderr).not.toContain("    at ");
  });
});
