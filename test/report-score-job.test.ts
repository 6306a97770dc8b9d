// A job file with a `score` step: `cleanse run` puts the scorecard in the JSON report and `_score`
// in every record, and the report renders in every format.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { main } from "../packages/cli/src/main/main.ts";
import { parseReport, renderHtml, renderMarkdown } from "../packages/report/src/index.ts";
import { failUnder, readScorecard } from "../packages/score/src/index.ts";

const term = () => {
  const t = { stdout: "", stderr: "", isTTY: false, out: (s: string) => void (t.stdout += s), err: (s: string) => void (t.stderr += s) };
  return t;
};

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "cleanse-score-job-"));
  await writeFile(join(dir, "people.csv"), "id,email\n1,a@x.cn\n2,bad\n3,\n4,b@x.cn\n");
  await writeFile(
    join(dir, "job.yaml"),
    [
      "name: people",
      "source: people.csv",
      "steps:",
      "  - validate:",
      "      fields:",
      "        email: [required, { email: { severity: warning } }]",
      "  - score: { breakdown: true }",
      "outputs:",
      "  clean: out/clean.csv",
      "  quarantine: out/quarantine.csv",
      "report: out/report.json",
      "allow_quarantined: 1",
      "",
    ].join("\n"),
  );
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("a job with a score step", () => {
  test("scores every record and puts the scorecard in the report", async () => {
    const t = term();
    expect(await main(["run", "job.yaml"], { term: t, cwd: dir })).toBe(0);
    expect(t.stderr).toBe("");
    const clean = await readFile(join(dir, "out/clean.csv"), "utf8");
    expect(clean.split(/\r?\n/)[0]).toContain("_score");
    const report = parseReport(await readFile(join(dir, "out/report.json"), "utf8"));
    const card = readScorecard(report.datasets[0]!);
    expect(card).toMatchObject({ version: 2, records: 4 });
    expect(card!.score).toBeGreaterThan(0);
    expect(card!.score).toBeLessThan(100);
    expect(failUnder(report, 100).ok).toBe(false);
    expect(renderMarkdown(report)).toContain(`**Score ${card!.score.toFixed(1)}** / 100`);
    expect(renderHtml(report)).toContain(`score ${card!.score.toFixed(1)}`);
  });
});
