import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runPipeline } from "@cleanse/core";
import { readCsv, writeCsv, writeJsonLines } from "@cleanse/io";
import { loadRulesSteps } from "@cleanse/rules";
import { createStandardizeStep } from "@cleanse/standardize";
import { describe, expect, test } from "vitest";

// The "Use it from TypeScript" example of the README, run as written.
describe("the README's TypeScript example", () => {
  test("standardizes, validates and routes records, and its counts add up", async () => {
    const dir = await mkdtemp(join(tmpdir(), "cleanse-readme-"));
    await writeFile(join(dir, "customers.csv"), "id,phone\n1,+86-138-1234-5678\n2,12345\n3,139 1234 5678\n");
    await writeFile(join(dir, "rules.yaml"), "fields:\n  id: [required, unique]\n  phone: [{ phone: { region: CN } }]\n");

    const ctx = { baseDir: dir };
    const report = await runPipeline({
      source: readCsv(join(dir, "customers.csv"), { encoding: "auto" }),
      steps: [
        createStandardizeStep({ standardize: { phone: { phone: { region: "CN", format: "digits" } } } }, ctx),
        ...(await loadRulesSteps("rules.yaml", ctx)).steps,
      ],
      clean: writeCsv(join(dir, "out/clean.csv")),
      quarantine: writeJsonLines(join(dir, "out/quarantine.jsonl")),
    });

    expect(report.totals).toEqual({ total: 3, clean: 2, quarantined: 1, merged: 0 });
    expect(await readFile(join(dir, "out/clean.csv"), "utf8")).toBe("id,phone\n1,13812345678\n3,13912345678\n");
    const quarantined = JSON.parse((await readFile(join(dir, "out/quarantine.jsonl"), "utf8")).trim());
    expect(quarantined).toMatchObject({ id: "2", phone: "12345", _record: 2 });
    expect(quarantined._reasons).toContain("phone");
  });
});
