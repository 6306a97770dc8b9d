import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ConfigValidationError } from "@cleanse/config";
import { afterAll, afterEach, describe, expect, test, vi } from "vitest";
import { captureTerminal } from "../_testing/captureTerminal.ts";
import { main } from "../main/main.ts";
import { loadJob } from "./loadJob.ts";

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
afterEach(() => {
  vi.unstubAllEnvs();
});

function folder(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), "cleanse-load-job-"));
  dirs.push(dir);
  for (const [name, text] of Object.entries({ "data/customers.csv": "id,phone\n1,13812345678\n", ...files })) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

async function loadError(dir: string, file: string): Promise<ConfigValidationError> {
  try {
    await loadJob(join(dir, file), { cwd: dir });
  } catch (error) {
    return error as ConfigValidationError;
  }
  throw new Error("expected the job to be refused");
}

describe("loadJob", () => {
  test("reports three mistakes at three depths in one run, each at its line and column with a hint", async () => {
    const dir = folder({
      "job.yaml": [
        "name: customers",
        "source: { path: data/customers.csv, header: yes }",
        "outptus:",
        "  clean: out/clean.csv",
        "steps:",
        "  - standardize:",
        "      phone: { phon: { region: CN } }",
        "",
      ].join("\n"),
    });
    const error = await loadError(dir, "job.yaml");
    expect(error.code).toBe("CLEANSE_CONFIG_INVALID");
    expect(error.message).toMatchInlineSnapshot(`
      "job.yaml has 3 problems:
        job.yaml:2:45: expected boolean, received "yes"
        job.yaml:3:1: unknown key "outptus" (did you mean "outputs"?)
        job.yaml:7:16: unknown key "phon" (did you mean "phone"?)"
    `);
    expect(error.problems.map(({ code, path, location }) => ({ code, path, ...location }))).toEqual([
      { code: "invalid_type", path: ["source", "header"], file: "job.yaml", line: 2, column: 45 },
      { code: "unknown_key", path: ["outptus"], file: "job.yaml", line: 3, column: 1 },
      { code: "unknown_key", path: ["steps", 0, "standardize", "phone", "phon"], file: "job.yaml", line: 7, column: 16 },
    ]);
  });

  test("adds unknown steps, the problems of the rule files it uses and outputs that share a file, the job file's first", async () => {
    const dir = folder({
      "rules/customers.yaml": "fields:\n  phone: [requird]\n",
      "jobs/job.yaml": [
        "datasets:",
        "  - name: customers",
        "    source: ../data/customers.csv",
        "    steps:",
        "      - validate: ../rules/customers.yaml",
        "      - renam: { id: customer_id }",
        "    outputs: { clean: ../out/c.csv, quarantine: ../out/c.csv }",
        "  - nam: orders",
        "    source: ../data/customers.csv",
        "",
      ].join("\n"),
    });
    const error = await loadError(dir, "jobs/job.yaml");
    expect(error.message).toMatchInlineSnapshot(`
      "jobs/job.yaml has 4 problems:
        jobs/job.yaml:6:9: unknown step "renam" (did you mean "rename"?); known steps: rename, select, drop, standardize, validate, dedupe, link, score
        jobs/job.yaml:7:49: datasets[0].outputs.quarantine writes out/c.csv, which datasets[0].outputs.clean writes too; each output needs a path of its own, or the run would lose records
        jobs/job.yaml:8:5: unknown key "nam" (did you mean "name"?)
        rules/customers.yaml:2:11: unknown rule "requird" (did you mean "required"?)"
    `);
    expect(error.problems.map((p) => p.code)).toEqual(["unknown_step", "output_collision", "unknown_key", "invalid"]);
  });

  test("options a reader or a writer refuses are reported beside the schema's problems", async () => {
    const dir = folder({
      "job.yaml": "source: { path: data/customers.csv, delimiter: '\"' }\noutputs: { clean: { path: out/clean.csv, delimiter: '\"' } }\nallow_quarantined: -1\n",
    });
    const error = await loadError(dir, "job.yaml");
    expect(error.message).toMatchInlineSnapshot(`
      "job.yaml has 3 problems:
        job.yaml:1:48: Invalid delimiter "\\"": expected one character other than a quote or a line break, e.g. "," ";" "\\t" "|"
        job.yaml:2:53: Invalid delimiter "\\"": expected one character other than a quote or a line break
        job.yaml:3:20: too small: expected number to be >=0"
    `);
    expect(error.problems.map((p) => p.code)).toEqual(["invalid_option", "invalid_option", "too_small"]);
  });

  test("a missing rule file among other problems is one of them, at the step that names it", async () => {
    const dir = folder({ "job.yaml": "source: data/customers.csv\nsteps:\n  - validate: rules.yaml\n  - drop: id\n" });
    const error = await loadError(dir, "job.yaml");
    expect(error.message).toMatchInlineSnapshot(`
      "job.yaml has 2 problems:
        job.yaml:3:15: Rule file not found: rules.yaml
        job.yaml:4:11: expected array, received "id""
    `);
    expect(error.problems[0]?.code).toBe("CLEANSE_FILE_NOT_FOUND");
  });

  test("a missing rule file alone keeps its own error and code", async () => {
    const dir = folder({ "job.yaml": "source: data/customers.csv\nsteps:\n  - validate: rules.yaml\n" });
    const error = await loadError(dir, "job.yaml");
    expect(error).toMatchObject({ name: "IoError", code: "CLEANSE_FILE_NOT_FOUND" });
  });

  test("lists the first 50 problems and counts the rest", async () => {
    const steps = Array.from({ length: 60 }, (_, i) => `  - step${i}: {}`);
    const dir = folder({ "job.yaml": `source: data/customers.csv\nsteps:\n${steps.join("\n")}\n` });
    const error = await loadError(dir, "job.yaml");
    const lines = error.message.split("\n");
    expect(lines[0]).toBe("job.yaml has 60 problems:");
    expect(lines).toHaveLength(52);
    expect(lines.at(-1)).toBe("  ... and 10 more");
    expect(error.problems).toHaveLength(60);
  });
});

describe("cleanse run with a job file that has problems", () => {
  test("prints them all, named relative to the folder the command ran in, and exits 2", async () => {
    const dir = folder({
      "jobs/nightly.yaml": "source: ../data/customers.csv\nrepot: out/report.json\nsteps:\n  - standardize:\n      phone: { phon: {} }\n  - drop: id\n",
    });
    // `pnpm cleanse run jobs/nightly.yaml`, run in `dir`: pnpm passes the user's folder as INIT_CWD
    vi.stubEnv("INIT_CWD", dir);
    vi.stubEnv("npm_lifecycle_event", "cleanse");
    const term = captureTerminal();
    expect(await main(["run", "jobs/nightly.yaml"], { term, cwd: dir })).toBe(2);
    expect(term.stderr).toMatchInlineSnapshot(`
      "cleanse: error CLEANSE_CONFIG_INVALID: jobs/nightly.yaml has 3 problems:
        jobs/nightly.yaml:2:1: unknown key "repot" (did you mean "report"?)
        jobs/nightly.yaml:5:16: unknown key "phon" (did you mean "phone"?)
        jobs/nightly.yaml:6:11: expected array, received "id"
      "
    `);
    expect(term.stderr).not.toContain(dir);
  });
});
