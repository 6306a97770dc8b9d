// Every CSV output has its header, also when no record goes to it.
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeEach, describe, expect, test } from "vitest";
import { captureTerminal as capture } from "../_testing/captureTerminal.ts";
import { main } from "../main/main.ts";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "cleanse-empty-"));
  await writeFile(
    join(dir, "job.yaml"),
    "source: in.csv\nsteps:\n  - rename: { name: full_name }\n  - validate: { fields: { full_name: [required] } }\noutputs:\n  clean: out/clean.csv\n  quarantine: out/quarantine.csv\nallow_quarantined: 1\n",
  );
});

const read = (name: string) => readFile(join(dir, "out", name), "utf8");

describe("CSV outputs without records", () => {
  test("the clean file of a dataset whose every record was quarantined has the records' header", async () => {
    await writeFile(join(dir, "in.csv"), "id,name\n1,\n2,\n");
    expect(await main(["run", "job.yaml", "-q"], { term: capture(), cwd: dir })).toBe(0);
    expect(await read("clean.csv")).toBe("id,full_name\n");
    expect((await read("quarantine.csv")).split("\n")[0]).toBe("id,full_name,_reasons,_record");
  });

  test("the quarantine file of a dataset without a quarantined record has the header it would have", async () => {
    await writeFile(join(dir, "in.csv"), "id,name\n1,Ann\n");
    expect(await main(["run", "job.yaml", "-q"], { term: capture(), cwd: dir })).toBe(0);
    expect(await read("clean.csv")).toBe("id,full_name\n1,Ann\n");
    expect(await read("quarantine.csv")).toBe("id,full_name,_reasons,_record\n");
  });

  test("an input without records gives outputs with the source's header", async () => {
    await writeFile(join(dir, "in.csv"), "id,name\n");
    expect(await main(["run", "job.yaml", "-q"], { term: capture(), cwd: dir })).toBe(0);
    expect(await read("clean.csv")).toBe("id,name\n");
    expect(await read("quarantine.csv")).toBe("id,name,_reasons,_record\n");
  });

  test("cleanse validate writes the header of an empty clean file too", async () => {
    await writeFile(join(dir, "in.csv"), "id,email\n1,\n");
    await writeFile(join(dir, "rules.yaml"), "fields:\n  email: [required]\n");
    const code = await main(["validate", "in.csv", "--rules", "rules.yaml", "--clean", "out/clean.csv", "--quarantine", "out/quarantine.csv", "-q"], { term: capture(), cwd: dir });
    expect(code).toBe(1);
    expect(await read("clean.csv")).toBe("id,email\n");
  });

  test("cleanse link that finds no pair writes the header of the pairs file", async () => {
    const people = (prefix: string, names: readonly string[]) => `id,name,city\n${names.map((n, i) => `${prefix}${i},${n},${prefix === "l" ? "Shanghai" : "Lanzhou"}`).join("\n")}\n`;
    await writeFile(join(dir, "left.csv"), people("l", ["Wang Fang", "Li Na", "Zhang Wei", "Liu Yang", "Chen Jie", "Yang Min"]));
    await writeFile(join(dir, "right.csv"), people("r", ["Olga Petrova", "Hans Becker", "Maria Rossi", "John Smith", "Aiko Tanaka", "Pierre Dubois"]));
    const term = capture();
    expect(await main(["link", "left.csv", "right.csv", "--id", "id", "--out", "out/pairs.csv"], { term, cwd: dir })).toBe(0);
    expect(term.stdout).toContain(": 0 linked pairs");
    expect(await read("pairs.csv")).toBe("left_id,right_id,match_probability\n");
  });
});
