// The command line habits users bring from csvkit, qsv and miller: `-` for standard input and output, input
// format flags on every reading command, a way to turn formula escaping off, per-command help and --version.
import { mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeEach, describe, expect, test } from "vitest";
import { captureTerminal as capture } from "../_testing/captureTerminal.ts";
import { commands } from "../commands/commands.ts";
import { main } from "./main.ts";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "cleanse-habits-"));
  await writeFile(join(dir, "rules.yaml"), "fields:\n  email: [email]\n");
});

const crm = "id,email,phone\n1,ann@example.com,+44 20 7946 0958\n2,not-an-email,=1+2\n3,cy@example.com,@home\n";

describe("pipes through -", () => {
  test("validate reads standard input and writes the clean records to standard output, the summary to stderr", async () => {
    const term = capture(crm);
    const code = await main(["validate", "-", "--rules", "rules.yaml", "--clean", "-"], { term, cwd: dir });
    expect(code).toBe(1);
    expect(term.stdout).toBe("id,email,phone\n1,ann@example.com,'+44 20 7946 0958\n3,cy@example.com,'@home\n");
    expect(term.stderr).toContain("stdin: 3 records, 2 clean, 1 quarantined");
    expect(term.stderr).toContain("stdout");
    // Nothing but the data went to standard output, and no file was written.
    expect((await readdir(dir)).sort()).toEqual(["rules.yaml"]);
  });

  test("a file output and standard output are published together", async () => {
    const term = capture(crm);
    expect(await main(["validate", "-", "--rules", "rules.yaml", "--quarantine", "-", "--clean", "out/clean.csv", "-q"], { term, cwd: dir })).toBe(1);
    expect(term.stdout.split("\n")[0]).toBe("id,email,phone,_reasons,_record");
    expect(term.stdout).toContain("not-an-email");
    expect(await readFile(join(dir, "out/clean.csv"), "utf8")).toContain("ann@example.com");
  });

  test("a failing run prints no partial data on standard output", async () => {
    const term = capture('id,email\n1,a@b.co\n2,"unclosed\n');
    const code = await main(["validate", "-", "--rules", "rules.yaml", "--clean", "-", "--format", "csv"], { term, cwd: dir });
    expect(code).toBe(2);
    expect(term.stdout).toBe("");
    expect(term.stderr).toMatch(/cleanse: error/);
  });

  test("two outputs cannot both be standard output", async () => {
    const term = capture(crm);
    expect(await main(["validate", "-", "--rules", "rules.yaml", "--clean", "-", "--quarantine", "-"], { term, cwd: dir })).toBe(2);
    expect(term.stderr).toContain('only one output can go to standard output ("-"); --clean and --quarantine both do');
  });

  test("profile reads standard input, as JSON Lines with --format jsonl", async () => {
    const term = capture('{"id":1,"city":"Berlin"}\n{"id":2,"city":"Paris"}\n');
    expect(await main(["profile", "-", "--format", "jsonl", "--output-format", "json"], { term, cwd: dir })).toBe(0);
    const profile = JSON.parse(term.stdout);
    expect(profile.records).toBe(2);
    expect(profile.columns.map((c: { name: string }) => c.name)).toEqual(["id", "city"]);
  });

  test("profile --suggest-rules - prints the rule file instead of the table", async () => {
    const term = capture("id,email\n1,a@example.com\n2,b@example.com\n");
    expect(await main(["profile", "-", "--suggest-rules", "-"], { term, cwd: dir })).toBe(0);
    expect(term.stdout).toMatch(/^# Starter rules for stdin/);
    expect(term.stdout).toContain("\nfields:");
    expect(term.stdout).not.toContain("candidate keys");
  });

  test("--delimiter and --encoding apply to standard input", async () => {
    const gbk = Buffer.from([0x69, 0x64, 0x3b, 0xc3, 0xfb, 0xd7, 0xd6, 0x0a, 0x31, 0x3b, 0xd5, 0xc5, 0xc8, 0xfd, 0x0a]); // id;名字\n1;张三\n
    const term = capture(gbk);
    expect(await main(["profile", "-", "--delimiter", ";", "--encoding", "gbk", "--output-format", "json"], { term, cwd: dir })).toBe(0);
    const profile = JSON.parse(term.stdout);
    expect(profile.columns.map((c: { name: string }) => c.name)).toEqual(["id", "名字"]);
  });

  test("dedupe reads standard input and writes the clustered records to standard output", async () => {
    const rows = ["id,name,city"];
    for (let i = 0; i < 40; i++) rows.push(`${i},Person ${String.fromCharCode(65 + (i % 26))}${i},City ${i % 7}`);
    rows.push("40,Person A0,City 0");
    const term = capture(`${rows.join("\n")}\n`);
    expect(await main(["dedupe", "-", "--id", "id", "--out", "-"], { term, cwd: dir })).toBe(0);
    const lines = term.stdout.trim().split("\n");
    expect(lines[0]).toContain("cluster_id");
    expect(lines).toHaveLength(42);
    expect(term.stderr).toContain("stdin: 41 records");
  });

  test("reconcile reads one side from standard input; the input flags apply to both sides", async () => {
    await writeFile(join(dir, "crm.csv"), "id;name\n1;Ann\n2;Bob\n");
    const term = capture("id;name\n1;Ann\n2;Rob\n");
    expect(await main(["reconcile", "crm.csv", "-", "--key", "id", "--delimiter", ";", "--report", "r.json"], { term, cwd: dir })).toBe(1);
    const report = JSON.parse(await readFile(join(dir, "r.json"), "utf8")) as { totals: Record<string, number> };
    expect(report.totals).toMatchObject({ matched: 2, mismatched: 1 });
    expect(term.stdout).toMatch(/^crm\.csv ↔ stdin: 2 matched/);
    expect(await main(["reconcile", "-", "-", "--key", "id", "--report", "r2.json"], { term: capture(""), cwd: dir })).toBe(2);
  });

  test("--format is the input format on every reading command", () => {
    for (const name of ["validate", "profile", "dedupe", "link", "explain", "reconcile"]) {
      const command = commands.find((c) => c.name === name)!;
      expect(command.options.format?.description, name).toContain("format of the input");
      expect(command.options.delimiter, name).toBeDefined();
      expect(command.options.encoding, name).toBeDefined();
    }
  });
});

describe("--no-escape-formulas", () => {
  test("formula escaping is on by default and off with --no-escape-formulas", async () => {
    await writeFile(join(dir, "crm.csv"), crm);
    expect(await main(["validate", "crm.csv", "--rules", "rules.yaml", "--clean", "a.csv", "-q"], { term: capture(), cwd: dir })).toBe(1);
    expect(await readFile(join(dir, "a.csv"), "utf8")).toContain("'+44 20 7946 0958");
    expect(await main(["validate", "crm.csv", "--rules", "rules.yaml", "--clean", "b.csv", "--no-escape-formulas", "-q"], { term: capture(), cwd: dir })).toBe(1);
    expect(await readFile(join(dir, "b.csv"), "utf8")).toBe("id,email,phone\n1,ann@example.com,+44 20 7946 0958\n3,cy@example.com,@home\n");
  });

  test("every command that writes CSV takes it, and its help says what is escaped", async () => {
    for (const name of ["validate", "dedupe", "link", "reconcile"]) {
      const term = capture();
      expect(await main(["help", name], { term, cwd: dir }), name).toBe(0);
      expect(term.stdout, name).toContain("--no-escape-formulas");
      expect(term.stdout, name).toContain("starting with =, +, -, @");
    }
  });

  test("dedupe writes cells as they are with --no-escape-formulas", async () => {
    const rows = ["id,name,phone"];
    for (let i = 0; i < 30; i++) rows.push(`${i},Name ${i},+44 20 7946 ${String(1000 + i)}`);
    await writeFile(join(dir, "p.csv"), `${rows.join("\n")}\n`);
    expect(await main(["dedupe", "p.csv", "--id", "id", "--out", "o.csv", "--no-escape-formulas", "-q"], { term: capture(), cwd: dir })).toBe(0);
    const out = await readFile(join(dir, "o.csv"), "utf8");
    expect(out).toContain(",+44 20 7946 1000");
    expect(out).not.toContain("'+44");
  });
});

describe("help and version", () => {
  test.each(commands.map((c) => c.name))("cleanse help %s and cleanse %s --help show its options and examples", async (name) => {
    const a = capture();
    const b = capture();
    expect(await main(["help", name], { term: a, cwd: dir })).toBe(0);
    expect(await main([name, "--help"], { term: b, cwd: dir })).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).toMatch(new RegExp(`^Usage: cleanse ${name} `));
    expect(a.stdout).toContain("Options:");
    const examples = a.stdout.split("Examples:\n")[1]?.trim().split("\n") ?? [];
    expect(examples.length).toBeGreaterThanOrEqual(2);
    for (const example of examples) expect(example.trim()).toMatch(new RegExp(`(^|\\| )cleanse ${name}\\b`));
  });

  test("-V and --version print the version", async () => {
    for (const flag of ["-V", "--version"]) {
      const term = capture();
      expect(await main([flag], { term })).toBe(0);
      expect(term.stdout).toMatch(/^cleanse \d+\.\d+\.\d+/);
    }
  });

  test("an unknown flag or command suggests the nearest one", async () => {
    const a = capture();
    expect(await main(["validate", "x.csv", "--rulez", "r.yaml"], { term: a, cwd: dir })).toBe(2);
    expect(a.stderr).toContain("unknown option --rulez");
    expect(a.stderr).toContain("did you mean --rules?");
    const b = capture();
    expect(await main(["help", "valdate"], { term: b, cwd: dir })).toBe(2);
    expect(b.stderr).toContain('did you mean "validate"?');
  });
});

describe("--no-escape-formulas on run and reconcile", () => {
  test("run writes the job's CSV outputs as they are", async () => {
    await writeFile(join(dir, "in.csv"), "id,phone\n1,+44 20 7946 0958\n");
    await writeFile(join(dir, "job.yaml"), "source: in.csv\noutputs:\n  clean: out/clean.csv\n");
    expect(await main(["run", "job.yaml", "-q"], { term: capture(), cwd: dir })).toBe(0);
    expect(await readFile(join(dir, "out/clean.csv"), "utf8")).toBe("id,phone\n1,'+44 20 7946 0958\n");
    expect(await main(["run", "job.yaml", "-q", "--no-escape-formulas"], { term: capture(), cwd: dir })).toBe(0);
    expect(await readFile(join(dir, "out/clean.csv"), "utf8")).toBe("id,phone\n1,+44 20 7946 0958\n");
  });

  test("reconcile writes its CSV diff as it is", async () => {
    await writeFile(join(dir, "l.csv"), "id,phone\n1,+44 20 7946 0958\n");
    await writeFile(join(dir, "r.csv"), "id,phone\n1,=2+3\n");
    expect(await main(["reconcile", "l.csv", "r.csv", "--key", "id", "--report", "r.json", "--diff", "d.csv", "-q", "--no-escape-formulas"], { term: capture(), cwd: dir })).toBe(1);
    const diff = await readFile(join(dir, "d.csv"), "utf8");
    expect(diff).toContain("=2+3");
    expect(diff).not.toContain("'=2+3");
  });
});
