import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeEach, describe, expect, test } from "vitest";
import { captureTerminal as capture } from "../_testing/captureTerminal.ts";
import { main } from "../main/main.ts";


let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "cleanse-run-"));
  await writeFile(join(dir, "rules.yaml"), "fields:\n  email: [{ email: { severity: warning } }]\n");
  await writeFile(
    join(dir, "job.yaml"),
    "name: scored\nsource: in.csv\nsteps:\n  - validate: rules.yaml\n  - score: {}\nreport: { json: out/report.json, markdown: out/report.md, html: out/report.html }\n",
  );
});

describe("cleanse run --fail-under and --baseline", () => {
  test("fails when the quality score drops below the threshold", async () => {
    await writeFile(join(dir, "in.csv"), "email\na@example.com\nnot-an-email\n");
    const pass = capture();
    expect(await main(["run", "job.yaml", "--fail-under", "50"], { term: pass, cwd: dir })).toBe(0);
    const fail = capture();
    expect(await main(["run", "job.yaml", "--fail-under", "99"], { term: fail, cwd: dir })).toBe(1);
    expect(fail.stderr).toMatch(/cleanse: quality score [\d.]+ is below 99/);
    const bad = capture();
    expect(await main(["run", "job.yaml", "--fail-under", "high"], { term: bad, cwd: dir })).toBe(2);
    expect(bad.stderr).toContain("--fail-under takes a score from 0 to 100");
  });

  test("compares with a baseline report in the Markdown and HTML reports", async () => {
    await writeFile(join(dir, "in.csv"), "email\na@example.com\nb@example.com\n");
    expect(await main(["run", "job.yaml", "-q"], { term: capture(), cwd: dir })).toBe(0);
    await writeFile(join(dir, "baseline.json"), await readFile(join(dir, "out/report.json")));
    await writeFile(join(dir, "in.csv"), "email\na@example.com\nnot-an-email\n");
    const term = capture();
    expect(await main(["run", "job.yaml", "--baseline", "baseline.json", "-q"], { term, cwd: dir })).toBe(0);
    expect(term.stderr).toBe("");
    const markdown = await readFile(join(dir, "out/report.md"), "utf8");
    expect(markdown).toContain("**Since the baseline**");
    expect(markdown).toMatch(/\| score \| 100\.0 \| 50\.0 \|/);
    const html = await readFile(join(dir, "out/report.html"), "utf8");
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).toMatch(/baseline|since/i);
  });
});

describe("cleanse run with an uncertain encoding", () => {
  const stray = Buffer.concat([Buffer.from("id,name\n1,Ann\n2,B"), Buffer.of(0xff), Buffer.from("b\n3,Cy\n")]);

  test("warns in report.json and quarantines the record holding the stray byte", async () => {
    await writeFile(join(dir, "in.csv"), stray);
    await writeFile(join(dir, "job.yaml"), "source: in.csv\noutputs: { clean: out/clean.jsonl, quarantine: out/quarantine.jsonl }\nreport: out/report.json\n");
    await main(["run", "job.yaml", "-q"], { term: capture(), cwd: dir });
    const report = JSON.parse(await readFile(join(dir, "out/report.json"), "utf8"));
    expect(report.datasets[0].warnings[0]).toContain('The encoding of in.csv is uncertain: read as utf-8 with confidence 0.05');
    expect(await readFile(join(dir, "out/clean.jsonl"), "utf8")).toBe('{"id":"1","name":"Ann"}\n{"id":"3","name":"Cy"}\n');
    expect(await readFile(join(dir, "out/quarantine.jsonl"), "utf8")).toContain("not valid utf-8");
  });

  test("fails with CLEANSE_ENCODING_UNCERTAIN when the source asks for strict", async () => {
    await writeFile(join(dir, "in.csv"), stray);
    await writeFile(join(dir, "job.yaml"), "source: { path: in.csv, encoding: auto, strict: true }\noutputs: { clean: out/clean.jsonl }\n");
    const term = capture();
    expect(await main(["run", "job.yaml", "-q"], { term, cwd: dir })).toBe(2);
    expect(term.stderr).toContain("CLEANSE_ENCODING_UNCERTAIN");
    expect(term.stderr).toContain("in.csv");
  });
});
