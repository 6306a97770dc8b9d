import { cp, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { collect } from "@cleanse/core";
import { openSource } from "@cleanse/io";
import { isPersonalValue, parseEmail, parsePhone } from "@cleanse/values";
import { main } from "@cleanse/cli";

// Runs the CRM/ERP demo job on a copy of the example and looks for every personal value of its input files in
// every report it writes. The clean and quarantine files are data, not reports: they keep the values.
const example = join(import.meta.dirname, "..", "examples", "crm-erp");
const inputs = ["data/crm_customers.csv", "data/erp_customers.jsonl", "data/erp_orders.jsonl"];
let dir: string;
let personal: string[];
let reports: Map<string, string>;

/** A value as it is read, and the forms the demo's steps write it in (E.164 and dialled digits, a lower-cased e-mail). */
function formsOf(value: unknown): string[] {
  const text = String(value).trim();
  const forms = new Set([text]);
  for (const format of ["E.164", "digits"] as const) {
    const phone = parsePhone(text, { region: "CN", format });
    if (phone.ok && phone.value !== null) forms.add(phone.value);
  }
  const email = parseEmail(text);
  if (email.ok && email.value !== null) forms.add(email.value);
  forms.add(text.toUpperCase());
  return [...forms];
}

async function run(args: readonly string[]): Promise<number> {
  const term = { isTTY: false, out: () => {}, err: () => {} };
  return main([...args], { term, cwd: dir });
}

async function readReports(folder: string): Promise<Map<string, string>> {
  const files = (await readdir(folder)).filter((f) => /^report.*\.(json|md|html)$/.test(f));
  return new Map(await Promise.all(files.map(async (f) => [f, await readFile(join(folder, f), "utf8")] as const)));
}

/** The personal values of the inputs that a report shows, as `file: value`. */
function leaks(files: ReadonlyMap<string, string>): string[] {
  const found: string[] = [];
  for (const [file, text] of files) for (const value of personal) if (text.includes(value)) found.push(`${file}: ${value}`);
  return found;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "cleanse-demo-pii-"));
  await cp(example, dir, { recursive: true, filter: (src) => !src.includes(`${join(example, "out")}`) && !src.includes("node_modules") });
  const values = new Set<string>();
  for (const input of inputs) {
    const source = openSource({ path: join(dir, input), ...(input.endsWith(".csv") ? { encoding: "auto" } : {}) });
    for (const batch of await collect(source.batches())) {
      for (const record of batch.records) {
        for (const value of Object.values(record)) if (isPersonalValue(value)) for (const form of formsOf(value)) values.add(form);
      }
    }
  }
  personal = [...values];
  expect(await run(["run", "job.yaml"])).toBe(0);
  reports = await readReports(join(dir, "out"));
}, 120_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("personal data in the CRM/ERP demo's reports", () => {
  test("the inputs hold phones, e-mails and ID-card numbers to look for", () => {
    expect(personal.filter((v) => v.includes("@")).length).toBeGreaterThan(40);
    expect(personal.filter((v) => v.startsWith("+86")).length).toBeGreaterThan(40);
    expect(personal.filter((v) => /^\d{17}[\dX]$/.test(v)).length).toBeGreaterThan(20);
  });

  test("writes a JSON, a Markdown and an HTML report", () => {
    expect([...reports.keys()].sort()).toEqual(["report.html", "report.json", "report.md"]);
  });

  test("no report shows any of them in clear", () => {
    expect(leaks(reports)).toEqual([]);
  });

  test("the records written out keep them: they are data, not reports", async () => {
    const clean = await readFile(join(dir, "out", "erp_customers.clean.jsonl"), "utf8");
    expect(personal.some((v) => v.includes("@") && clean.includes(v))).toBe(true);
  });

  test("--show-pii shows them in the reports", async () => {
    expect(await run(["run", "job.yaml", "--show-pii"])).toBe(0);
    const shown = leaks(await readReports(join(dir, "out")));
    for (const ext of ["json", "md", "html"]) expect(shown.some((l) => l.startsWith(`report.${ext}:`))).toBe(true);
  });
});
