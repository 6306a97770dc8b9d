import { mkdtemp, readFile, writeFile, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeEach, describe, expect, test } from "vitest";
import { captureTerminal as capture } from "../_testing/captureTerminal.ts";
import { main } from "./main.ts";


let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "cleanse-cli-"));
});

describe("cleanse run", () => {
  test("runs a job, writes clean, quarantine and report, and exits 1 when records are quarantined", async () => {
    await writeFile(join(dir, "in.csv"), "id,name\n1,Ann\n2,Bob,extra\n3,Cy\n");
    await writeFile(
      join(dir, "job.yaml"),
      "name: t\nsource: in.csv\nsteps:\n  - rename: { name: full_name }\noutputs:\n  clean: out/clean.csv\n  quarantine: out/quarantine.csv\nreport: out/report.json\n",
    );
    const term = capture();
    const code = await main(["run", "job.yaml"], { term, cwd: dir });
    expect(term.stderr).toBe("");
    expect(code).toBe(1);
    const report = JSON.parse(await readFile(join(dir, "out/report.json"), "utf8"));
    expect(report.schemaVersion).toBe(1);
    expect(report.totals).toEqual({ total: 3, clean: 2, quarantined: 1, merged: 0 });
    expect(await readFile(join(dir, "out/clean.csv"), "utf8")).toBe("id,full_name\n1,Ann\n3,Cy\n");
    const quarantine = await readFile(join(dir, "out/quarantine.csv"), "utf8");
    expect(quarantine.split("\n")[0]).toContain("_reasons");
    expect(quarantine).toContain("csv-shape");
    expect(term.stdout).toContain("t: 3 records, 2 clean, 1 quarantined");
    // The outputs are published as one set: links into the run folder kept in out/.cleanse-runs.
    expect((await readdir(join(dir, "out"))).sort()).toEqual([".cleanse-runs", "clean.csv", "quarantine.csv", "report.json"]);
  });

  test("exits 0 when quarantined records stay within --allow-quarantined", async () => {
    await writeFile(join(dir, "in.csv"), "id\n1\n2,x\n");
    await writeFile(join(dir, "job.yaml"), "source: in.csv\n");
    expect(await main(["run", "job.yaml", "--allow-quarantined", "50%", "--quiet"], { term: capture(), cwd: dir })).toBe(0);
    expect(await main(["run", "job.yaml", "--allow-quarantined", "0.4", "--quiet"], { term: capture(), cwd: dir })).toBe(1);
  });

  test("a misspelt key and an unknown step are reported with line and column, exit 2, no stack trace", async () => {
    await writeFile(join(dir, "job.yaml"), "source:\n  path: in.csv\n  encodng: gbk\nsteps:\n  - renam: { a: b }\n");
    const term = capture();
    expect(await main(["run", "job.yaml"], { term, cwd: dir })).toBe(2);
    expect(term.stderr).toContain('job.yaml:3:3: unknown key "encodng" (did you mean "encoding"?)');
    expect(term.stderr).not.toMatch(/\n\s+at /);
  });

  test("an alias bomb in a rule file or a job file is a configuration error naming the file and line, exit 2", async () => {
    // "billion laughs": nine anchors, each a list of nine aliases of the one before
    const names = "abcdefghi";
    const bomb = ['  a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
    for (let i = 1; i < names.length; i++) bomb.push(`  ${names[i]}: &${names[i]} [${Array(9).fill(`*${names[i - 1]}`).join(", ")}]`);
    await writeFile(join(dir, "in.csv"), "id\n1\n");
    await writeFile(join(dir, "rules.yaml"), `fields:\n  id: [required]\nvars:\n${bomb.join("\n")}\n`);
    await writeFile(join(dir, "job.yaml"), "source: in.csv\nsteps:\n  - validate: rules.yaml\n");
    const term = capture();
    expect(await main(["run", "job.yaml"], { term, cwd: dir })).toBe(2);
    expect(term.stderr).toMatch(/^cleanse: error CLEANSE_CONFIG_ALIASES: Cannot parse \S*rules\.yaml: \S*rules\.yaml:12:10: the alias \*h expands to 48,427,561 values/);
    expect(term.stderr).not.toContain("unexpected error");

    await writeFile(join(dir, "bomb.yaml"), `source: in.csv\nvars:\n${bomb.join("\n")}\n`);
    const term2 = capture();
    expect(await main(["run", "bomb.yaml"], { term: term2, cwd: dir })).toBe(2);
    expect(term2.stderr).toMatch(/^cleanse: error CLEANSE_CONFIG_ALIASES: Cannot parse \S*bomb\.yaml: \S*bomb\.yaml:11:10: the alias \*h/);
  });

  test("a job or rule file that is not UTF-8 is a configuration error at its first bad byte, exit 2", async () => {
    await writeFile(join(dir, "in.csv"), "id\n1\n");
    // "姓名" in GBK as a field name
    await writeFile(join(dir, "rules.yaml"), Buffer.concat([Buffer.from("fields:\n  "), Buffer.from([0xd0, 0xd5, 0xc3, 0xfb]), Buffer.from(": [required]\n")]));
    await writeFile(join(dir, "job.yaml"), "source: in.csv\nsteps:\n  - validate: rules.yaml\n");
    const term = capture();
    expect(await main(["run", "job.yaml"], { term, cwd: dir })).toBe(2);
    expect(term.stderr).toMatch(/^cleanse: error CLEANSE_CONFIG_ENCODING: \S*rules\.yaml:2:3: The rule file is not valid UTF-8: byte 0xD0/);

    await writeFile(join(dir, "latin1.yaml"), Buffer.concat([Buffer.from("source: in.csv\nname: caf"), Buffer.from([0xe9]), Buffer.from("\n")]));
    const term2 = capture();
    expect(await main(["run", "latin1.yaml"], { term: term2, cwd: dir })).toBe(2);
    expect(term2.stderr).toMatch(/^cleanse: error CLEANSE_CONFIG_ENCODING: \S*latin1\.yaml:2:10: The file is not valid UTF-8: byte 0xE9/);
  });

  test("an unknown step is reported at its key with a suggestion", async () => {
    await writeFile(join(dir, "in.csv"), "id\n1\n");
    await writeFile(join(dir, "job.yaml"), "source: in.csv\nsteps:\n  - renam: { a: b }\n");
    const term = capture();
    expect(await main(["run", "job.yaml"], { term, cwd: dir })).toBe(2);
    expect(term.stderr).toContain('job.yaml:3:5: unknown step "renam" (did you mean "rename"?)');
  });

  test("a missing input file is an I/O error naming the file, and no output is left behind", async () => {
    await writeFile(join(dir, "job.yaml"), "source: nope.csv\noutputs: { clean: out/clean.csv }\n");
    const term = capture();
    expect(await main(["run", "job.yaml"], { term, cwd: dir })).toBe(2);
    expect(term.stderr).toMatch(/cleanse: error CLEANSE_FILE_NOT_FOUND: .*nope\.csv/);
    const left = await readdir(join(dir, "out")).catch(() => []);
    expect(left).toEqual([]);
  });

  test("a missing job file is reported, not thrown", async () => {
    const term = capture();
    expect(await main(["run", "missing.yaml"], { term, cwd: dir })).toBe(2);
    expect(term.stderr).toContain("File not found");
  });
});

describe("cleanse", () => {
  test("an unknown command gets a suggestion", async () => {
    const term = capture();
    expect(await main(["rn"], { term, cwd: dir })).toBe(2);
    expect(term.stderr).toBe('cleanse: unknown command "rn" (did you mean "run"?). Run "cleanse --help" for the list.\n');
  });

  test("an unknown option gets a suggestion", async () => {
    const term = capture();
    expect(await main(["run", "job.yaml", "--reprt", "x"], { term, cwd: dir })).toBe(2);
    expect(term.stderr).toContain('unknown option --reprt for "cleanse run" (did you mean --report?)');
  });

  test("--help lists the commands and --version prints the version", async () => {
    const term = capture();
    expect(await main(["--help"], { term })).toBe(0);
    expect(term.stdout).toContain("run ");
    const v = capture();
    expect(await main(["--version"], { term: v })).toBe(0);
    expect(v.stdout).toMatch(/^cleanse \d+\.\d+\.\d+\n$/);
  });
});
