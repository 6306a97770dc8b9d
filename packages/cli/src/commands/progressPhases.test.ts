import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { captureTerminal } from "../_testing/captureTerminal.ts";
import { main } from "../main/main.ts";

// Febrl 1 (1,000 person records with duplicates).
const febrl1 = join(import.meta.dirname, "..", "..", "..", "dedupe", "test-data", "febrl1", "dataset1.csv");
const demo = join(import.meta.dirname, "..", "..", "..", "..", "examples", "crm-erp");

/** A terminal whose stderr is a TTY: the commands draw their progress into it. */
const tty = () => Object.assign(captureTerminal(), { isTTY: true, columns: () => 200 });

const PHASE = /^(reading|standardizing|validating|blocking|comparing|training|scoring|clustering|golden records|linking|writing)\b/;

/** The phases drawn on the progress line under `label`, in the order they first appear (`label · phase ...`). */
function phases(stderr: string, label: string): string[] {
  const seen: string[] = [];
  for (const frame of stderr.split(/\r\x1b\[2K|\n/)) {
    const line = frame.startsWith("✓ ") ? frame.slice(2) : frame;
    if (!line.startsWith(`${label} · `)) continue;
    const phase = PHASE.exec(line.slice(label.length + 3))?.[1];
    if (phase !== undefined && !seen.includes(phase)) seen.push(phase);
  }
  return seen;
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "cleanse-progress-"));
});

describe("progress on a terminal", () => {
  test("dedupe draws each phase with its own counter, then clears the line before its summary", async () => {
    const term = tty();
    expect(await main(["dedupe", febrl1, "--id", "rec_id", "--out", "out.csv", "--golden", "golden.csv"], { term, cwd: dir })).toBe(0);
    const drawn = phases(term.stderr, "dedupe");
    expect(drawn.slice(0, 2)).toEqual(["reading", "blocking"]);
    for (const phase of ["comparing", "training", "scoring", "clustering", "golden records"]) expect(drawn).toContain(phase);
    expect(term.stderr).toContain("dedupe · reading dataset1.csv 1,000 records ✓");
    expect(term.stderr).toMatch(/dedupe · clustering [\d,]+ pairs, 500 clusters ✓/);
    // The last thing on stderr clears the progress line, and no progress reaches stdout.
    expect(term.stderr.endsWith("\r\x1b[2K")).toBe(true);
    expect(term.stdout).not.toContain("\x1b");
    expect(term.stdout).toMatch(/^.*: 1,000 records, /);
  });

  test("link, explain, profile, validate, reconcile and run each show their phases", async () => {
    await writeFile(join(dir, "left.csv"), "id,name,city\n1,Ann Lee,Oslo\n2,Bob Ray,Rome\n3,Cy Dee,Bonn\n");
    await writeFile(join(dir, "right.csv"), "id,name,city\n7,Ann Lee,Oslo\n8,Bob Ray,Rome\n9,Cy Day,Bonn\n");
    await writeFile(join(dir, "rules.yaml"), "fields:\n  id: [required, unique]\n");
    const cases: { argv: string[]; label: string; expected: string[] }[] = [
      { argv: ["link", "left.csv", "right.csv", "--id", "id", "--out", "pairs.csv"], label: "link", expected: ["reading", "blocking", "comparing", "training", "linking"] },
      { argv: ["explain", febrl1, "rec-1-org", "rec-1-dup-0", "--id", "rec_id"], label: "explain", expected: ["reading", "blocking", "training"] },
      { argv: ["profile", "left.csv"], label: "profile", expected: ["reading"] },
      { argv: ["validate", "left.csv", "--rules", "rules.yaml"], label: "left.csv", expected: ["reading"] },
      { argv: ["reconcile", "left.csv", "right.csv", "--key", "id", "--report", "r.json"], label: "reconcile", expected: ["reading", "comparing", "writing"] },
    ];
    for (const c of cases) {
      const term = tty();
      await main(c.argv, { term, cwd: dir });
      const drawn = phases(term.stderr, c.label);
      for (const phase of c.expected) expect(drawn, `${c.argv[0]}: ${JSON.stringify(term.stderr.slice(0, 400))}`).toContain(phase);
      expect(term.stderr.endsWith("\r\x1b[2K"), c.argv[0]).toBe(true);
    }
  });

  test("a job run draws its datasets' phases under their names", async () => {
    const term = tty();
    const out = join(dir, "demo-out");
    await main(["run", join(demo, "job.yaml"), "--report", join(out, "report.json"), "-q"], { term, cwd: dir });
    expect(term.stderr).toMatch(/· reading [\d,]+ records/);
    // The customers dataset is deduplicated and linked: its matching phases are drawn, not a frozen "100%".
    // Standardizing and validating happen record by record as the file is read, so they are part of "reading".
    const labels = new Set([...term.stderr.matchAll(/(?:^|\r\x1b\[2K|\n)(?:✓ )?([^·\r\n]+) · /g)].map((m) => m[1]!.trim()));
    const all = [...labels].flatMap((label) => phases(term.stderr, label));
    for (const phase of ["reading", "blocking", "comparing", "training", "scoring", "clustering", "golden records", "linking", "writing"]) expect(all).toContain(phase);
  });

  test("nothing is drawn when stderr is not a terminal", async () => {
    const term = captureTerminal();
    expect(await main(["dedupe", febrl1, "--id", "rec_id", "--out", "quiet.csv", "-q"], { term, cwd: dir })).toBe(0);
    expect(term.stderr).toBe("");
  });
});
