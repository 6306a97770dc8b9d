import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { captureTerminal } from "../_testing/captureTerminal.ts";
import { main } from "../main/main.ts";
import { loadJob } from "./loadJob.ts";
import { runJob } from "./runJob.ts";

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), "cleanse-collide-"));
  dirs.push(dir);
  mkdirSync(join(dir, "data"));
  writeFileSync(join(dir, "data/a.csv"), "id,email\n1,a@example.com\n2,bad\n");
  writeFileSync(join(dir, "data/b.csv"), "id,email\n3,c@example.com\n");
  writeFileSync(join(dir, "rules.yaml"), "fields:\n  email: [email]\n");
  return dir;
}

async function loadError(dir: string, yaml: string): Promise<{ code: string; message: string } | undefined> {
  writeFileSync(join(dir, "job.yaml"), yaml);
  try {
    await loadJob(join(dir, "job.yaml"));
    return undefined;
  } catch (error) {
    return error as { code: string; message: string };
  }
}

describe("output paths that collide", () => {
  it("refuses clean and quarantine in one file, at the second one's line and column, before reading", async () => {
    const dir = folder();
    const error = await loadError(dir, "source: data/missing.csv\noutputs:\n  clean: o.jsonl\n  quarantine: o.jsonl\n");
    expect(error?.code).toBe("CLEANSE_CONFIG_INVALID");
    expect(error?.message).toMatch(/job\.yaml:4:15: outputs\.quarantine writes .*o\.jsonl, which outputs\.clean writes too/);
  });

  it("refuses two datasets with one clean file, and a clean file that is the report", async () => {
    const dir = folder();
    const two = await loadError(
      dir,
      "datasets:\n  - { name: a, source: data/a.csv, outputs: { clean: out/c.csv } }\n  - { name: b, source: data/b.csv, outputs: { clean: out/c.csv } }\n",
    );
    expect(two?.message).toMatch(/job\.yaml:3:\d+: datasets\[1\]\.outputs\.clean writes .*, which datasets\[0\]\.outputs\.clean writes too/);
    const report = await loadError(dir, "source: data/a.csv\noutputs: { clean: out/rs.json }\nreport: { json: out/rs.json }\n");
    expect(report?.message).toMatch(/job\.yaml:3:\d+: report\.json writes .*rs\.json, which outputs\.clean writes too/);
  });

  it("lists every collision of the job file in one error, each at its own line and column", async () => {
    const dir = folder();
    writeFileSync(
      join(dir, "job.yaml"),
      [
        "datasets:",
        "  - name: a",
        "    source: data/a.csv",
        "    outputs:",
        "      clean: out/a.csv",
        "      quarantine: out/a.csv",
        "  - name: b",
        "    source: data/b.csv",
        "    outputs:",
        "      clean: ./out/a.csv",
        "      quarantine: data/b.csv",
        "report: { json: out/x/../a.csv }",
        "",
      ].join("\n"),
    );
    const error = (await loadJob(join(dir, "job.yaml"), { cwd: dir }).catch((e: unknown) => e)) as { code: string; message: string; problems: unknown[] };
    expect(error.code).toBe("CLEANSE_CONFIG_INVALID");
    expect(error.problems).toHaveLength(4);
    expect(error.message).toMatchInlineSnapshot(`
      "job.yaml has 4 problems:
        job.yaml:6:19: datasets[0].outputs.quarantine writes out/a.csv, which datasets[0].outputs.clean writes too; each output needs a path of its own, or the run would lose records
        job.yaml:8:13: datasets[1].source reads data/b.csv, which datasets[1].outputs.quarantine replaces; write the output somewhere else
        job.yaml:10:14: datasets[1].outputs.clean writes out/a.csv, which datasets[0].outputs.clean writes too; each output needs a path of its own, or the run would lose records
        job.yaml:12:17: report.json writes out/a.csv, which datasets[0].outputs.clean writes too; each output needs a path of its own, or the run would lose records"
    `);
  });

  it("sees through .., ./ and a linked folder", async () => {
    const dir = folder();
    mkdirSync(join(dir, "out"));
    symlinkSync(join(dir, "out"), join(dir, "linked"));
    expect(await loadError(dir, "source: data/a.csv\noutputs: { clean: out/a.csv, quarantine: out/../out/./a.csv }\n")).toBeDefined();
    expect(await loadError(dir, "source: data/a.csv\noutputs: { clean: out/a.csv, quarantine: linked/a.csv }\n")).toBeDefined();
    expect(await loadError(dir, "source: data/a.csv\noutputs: { clean: out/a.csv, quarantine: out/b.csv }\n")).toBeUndefined();
  });

  it("refuses an output that replaces its own source, and two sinks on one SQLite table", async () => {
    const dir = folder();
    const own = await loadError(dir, "source: data/a.csv\noutputs: { clean: data/a.csv }\n");
    expect(own?.message).toMatch(/source reads .*a\.csv, which outputs\.clean replaces/);
    const table = await loadError(
      dir,
      "source: data/a.csv\noutputs:\n  clean: { sqlite: { path: o.db, table: t } }\n  quarantine: { sqlite: { path: ./o.db, table: t } }\n",
    );
    expect(table?.message).toMatch(/job\.yaml:4:\d+: outputs\.quarantine writes/);
  });

  it("refuses --report naming a file the job writes", async () => {
    const dir = folder();
    writeFileSync(join(dir, "job.yaml"), "source: data/a.csv\noutputs: { clean: out/c.csv }\n");
    const term = captureTerminal();
    const code = await main(["run", "job.yaml", "--report", "out/c.csv"], { term, cwd: dir });
    expect(code).toBe(2);
    expect(term.stderr).toMatch(/CLEANSE_OUTPUT_COLLISION: --report writes .*c\.csv, which outputs\.clean writes too/);
  });

  it("lets a later dataset read what an earlier one wrote, from the staged run", async () => {
    const dir = folder();
    writeFileSync(
      join(dir, "job.yaml"),
      "datasets:\n  - { name: a, source: data/a.csv, steps: [{ validate: rules.yaml }], outputs: { clean: out/a.csv } }\n" +
        "  - { name: b, source: out/a.csv, outputs: { clean: out/b.csv } }\n",
    );
    const report = await runJob(await loadJob(join(dir, "job.yaml")));
    expect(report.datasets.map((d) => d.totals.total)).toEqual([2, 1]);
    expect(readFileSync(join(dir, "out/b.csv"), "utf8")).toBe("id,email\n1,a@example.com\n");
  });

  it("refuses every job whose outputs share a file, however spelled, and accepts every other (fuzz)", async () => {
    const dir = folder();
    mkdirSync(join(dir, "out"), { recursive: true });
    symlinkSync(join(dir, "out"), join(dir, "alias"));
    // Each name has several spellings of one file.
    const spellings = (n: number) => [`out/f${n}.jsonl`, `./out/f${n}.jsonl`, `out/x/../f${n}.jsonl`, `alias/f${n}.jsonl`];
    const slot = fc.option(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 3 })), { nil: undefined });
    const dataset = fc.record({ clean: slot, quarantine: slot, merged: slot });
    await fc.assert(
      fc.asyncProperty(fc.array(dataset, { minLength: 1, maxLength: 3 }), slot, async (datasets, report) => {
        const used: number[] = [];
        const spell = (s: [number, number]) => {
          used.push(s[0]);
          return spellings(s[0])[s[1]]!;
        };
        const lines = ["datasets:"];
        datasets.forEach((d, i) => {
          const outs = (["clean", "quarantine", "merged"] as const).filter((k) => d[k] !== undefined).map((k) => `${k}: ${spell(d[k]!)}`);
          lines.push(`  - name: d${i}`, "    source: data/a.csv", ...(outs.length > 0 ? ["    outputs:", ...outs.map((o) => `      ${o}`)] : []));
        });
        if (report) lines.push(`report: { json: ${spell(report)} }`);
        const error = await loadError(dir, `${lines.join("\n")}\n`);
        const collides = new Set(used).size !== used.length;
        expect(error === undefined, `${lines.join("\n")}\n${error?.message ?? ""}`).toBe(!collides);
        if (error) expect(error.message).toMatch(/job\.yaml:\d+:\d+: .* writes .*, which .* writes too/);
      }),
      { numRuns: 150 },
    );
  });
});
