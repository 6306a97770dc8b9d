import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { collect, displayWidth, type DataRecord } from "@cleanse/core";
import { readCsv, writeCsv } from "@cleanse/io";
import { beforeAll, describe, expect, test } from "vitest";
import { captureTerminal as capture } from "../_testing/captureTerminal.ts";
import { main } from "../main/main.ts";

// Febrl 1 (1,000 person records, 500 originals each with one duplicate; ids rec-N-org / rec-N-dup-0).
const febrl1 = join(import.meta.dirname, "..", "..", "..", "dedupe", "test-data", "febrl1", "dataset1.csv");
// The demo's CRM (GBK CSV, Chinese headers) and ERP (JSON Lines) customers.
const demo = join(import.meta.dirname, "..", "..", "..", "..", "examples", "crm-erp", "data");

const rows = async (file: string) => (await collect(readCsv(file).batches())).flatMap((b) => b.records);
/** The pairs a review showed, in order, from the id line under each heading. */
const shownPairs = (stdout: string, idField = "rec_id") =>
  [...stdout.matchAll(new RegExp(`^ {2}${idField} +(\\S+) +(\\S+)$`, "gmu"))].map((m) => `${m[1]}|${m[2]}`);
const pairKey = (r: DataRecord) => `${String(r.a)}|${String(r.b)}`;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "cleanse-review-cli-"));
});

async function review(answers: string, labels: string, ...flags: string[]) {
  const term = capture(answers);
  const code = await main(["review", febrl1, "--id", "rec_id", "--labels", labels, ...flags], { term, cwd: dir });
  return { code, term };
}

describe("cleanse review", () => {
  test("shows each pair side by side, asks, and writes every answer to the labels file", async () => {
    const { code, term } = await review("y\nn\nu\nq\n", "first.csv");
    expect(term.stderr).toBe("");
    expect(code).toBe(0);
    expect(term.stdout).toMatch(/^\nround 1: trained without labels; up to 10 pairs to ask\n\npair 1 · match probability (?:> )?\d\.\d+ · 0 of 50 labels\n {2}rec_id +rec-\S+ +rec-\S+\n/);
    expect(term.stdout).toMatch(/\n[ ≠] {2}surname +\S/);
    // Piped answers are echoed after the prompt, so that the transcript reads like a session.
    expect(term.stdout).toContain("match? [y]es / [n]o / [u]nsure / [q]uit y\n");
    expect(term.stdout).toContain("match? [y]es / [n]o / [u]nsure / [q]uit q\n");
    expect(shownPairs(term.stdout)).toHaveLength(4);
    expect(term.stdout).toContain("\nfirst.csv: 2 new labels (1 yes, 1 no), 1 unsure answer not saved; 2 labels in all; stopped\n");
    expect(term.stdout).toContain(`  train with them: cleanse dedupe ${febrl1} --id rec_id --labels first.csv --out <file>\n`);
    const text = await readFile(join(dir, "first.csv"), "utf8");
    expect(text.split("\n")[0]).toBe("a,b,match");
    const saved = await rows(join(dir, "first.csv"));
    expect(saved.map((r) => r.match)).toEqual(["yes", "no"]);
    expect(saved.map(pairKey)).toEqual(shownPairs(term.stdout).slice(0, 2));
  });

  test("starts again where the labels file ends: no pair it holds is asked again, and its rows are kept", async () => {
    // A label written by hand, with a note, and a pair the model is sure about: it must never come up.
    await writeFile(join(dir, "resume.csv"), "a,b,match,note\nrec-0-org,rec-0-dup-0,yes,checked by phone\n");
    const first = await review("y\nn\ny\n", "resume.csv");
    expect(first.code).toBe(0);
    expect(first.term.stdout).toContain("resume.csv: 3 new labels (2 yes, 1 no); 4 labels in all; stopped\n");
    const second = await review("n\ny\nq\n", "resume.csv");
    expect(second.code).toBe(0);
    expect(second.term.stdout).toContain("round 1: trained with 4 labels; up to 10 pairs to ask");
    // The review asked three pairs, then showed a fourth when the input ended: that one is not in the file.
    expect(shownPairs(first.term.stdout)).toHaveLength(4);
    const labelled = new Set([...["rec-0-org|rec-0-dup-0"], ...shownPairs(first.term.stdout).slice(0, 3)]);
    expect(shownPairs(second.term.stdout).filter((p) => labelled.has(p) || labelled.has(p.split("|").reverse().join("|")))).toEqual([]);
    const saved = await rows(join(dir, "resume.csv"));
    expect(saved).toHaveLength(6);
    expect(saved[0]).toEqual({ a: "rec-0-org", b: "rec-0-dup-0", match: "yes", note: "checked by phone" });
    expect(new Set(saved.map((r) => [r.a, r.b].sort().join("|"))).size).toBe(6);
    expect(saved.slice(1, 4).map(pairKey)).toEqual(shownPairs(first.term.stdout).slice(0, 3));
  });

  test("stops when the budget of new labels is spent; unsure answers do not count", async () => {
    const { code, term } = await review("u\ny\nn\ny\n", "budget.csv", "--budget", "2");
    expect(code).toBe(0);
    expect(term.stdout).toContain("budget.csv: 2 new labels (1 yes, 1 no), 1 unsure answer not saved; 2 labels in all; the budget of 2 labels is spent\n");
    expect(shownPairs(term.stdout)).toHaveLength(3);
  });

  test("asks again after an answer it does not know, and stops at the end of the input", async () => {
    const { code, term } = await review("maybe\nY\n", "again.csv");
    expect(code).toBe(0);
    expect(term.stdout).toContain("[q]uit maybe\n  answer y (the same entity), n (different ones), u (unsure, ask another) or q (stop here)\nmatch?");
    expect(shownPairs(term.stdout)).toHaveLength(2);
    expect(term.stdout).toContain("again.csv: 1 new label (1 yes, 0 no); 1 label in all; stopped\n");
  });

  test("keeps every answer given when the run is aborted", async () => {
    const controller = new AbortController();
    const term = capture();
    // One answer, then the run is aborted while it waits for the second.
    const stdin = (async function* () {
      yield new TextEncoder().encode("n\n");
      controller.abort();
      await new Promise(() => {});
    })();
    const code = await main(["review", febrl1, "--id", "rec_id", "--labels", "aborted.csv"], { term: { ...term, stdin }, cwd: dir, signal: controller.signal, signals: [] });
    expect(code).toBe(2);
    expect((await rows(join(dir, "aborted.csv"))).map((r) => r.match)).toEqual(["no"]);
  });

  test("dedupe trains with the labels a review wrote, and says how many", async () => {
    const { code } = await review("y\nn\ny\nn\nq\n", "trip.csv");
    expect(code).toBe(0);
    const term = capture();
    expect(await main(["dedupe", febrl1, "--id", "rec_id", "--labels", "trip.csv", "--out", "trip.out.csv"], { term, cwd: dir })).toBe(0);
    expect(term.stderr).toBe("");
    expect(term.stdout).toMatch(/^febrl1\/dataset1\.csv|1,000 records/m);
    expect(term.stdout).toContain("\n  trained with 4 labels from trip.csv\n");
  });

  test("reviews a link: a is the left id, b the right one, and link trains with them", async () => {
    const all = await rows(febrl1);
    const write = async (name: string, records: readonly DataRecord[]) => {
      const sink = writeCsv(join(dir, name));
      for (const r of records) await sink.write(r, undefined as never);
      await sink.close();
    };
    await write("left.csv", all.filter((r) => String(r.rec_id).endsWith("-org")));
    await write("right.csv", all.filter((r) => String(r.rec_id).includes("-dup-")).map(({ rec_id, ...r }) => ({ dup_id: rec_id, ...r })));
    const term = capture("y\nn\nq\n");
    const code = await main(["review", "left.csv", "right.csv", "--id", "rec_id", "--right-id", "dup_id", "--labels", "link-labels.csv"], { term, cwd: dir });
    expect(term.stderr).toBe("");
    expect(code).toBe(0);
    expect(term.stdout).toContain("  train with them: cleanse link left.csv right.csv --id rec_id --right-id dup_id --labels link-labels.csv --out <file>\n");
    const saved = await rows(join(dir, "link-labels.csv"));
    expect(saved).toHaveLength(2);
    for (const r of saved) {
      expect(r.a).toMatch(/-org$/);
      expect(r.b).toMatch(/-dup-/);
    }
    const linked = capture();
    expect(await main(["link", "left.csv", "right.csv", "--id", "rec_id", "--right-id", "dup_id", "--labels", "link-labels.csv", "--out", "pairs.csv"], { term: linked, cwd: dir })).toBe(0);
    expect(linked.stdout).toContain("\n  trained with 2 labels from link-labels.csv\n");
  });

  test("aligns the CJK names and values of the demo's CRM and ERP customers", async () => {
    const term = capture("n\nq\n");
    const code = await main(
      ["review", join(demo, "crm_customers.csv"), join(demo, "erp_customers.jsonl"), "--id", "客户编号", "--right-id", "erp_id", "--map", "name=姓名", "--map", "mobile=手机", "--map", "email=邮箱", "--labels", "cjk.csv"],
      { term, cwd: dir },
    );
    expect(term.stderr).toBe("");
    expect(code).toBe(0);
    const block = term.stdout.slice(term.stdout.indexOf("\npair 1"), term.stdout.indexOf("match?"));
    const lines = block.split("\n").slice(2, -1);
    expect(lines[0]).toMatch(/^ {2}客户编号 +C\d+ +E\d+$/);
    expect(lines.some((l) => l.includes("姓名"))).toBe(true);
    // The second value of every line starts in the same terminal column.
    const starts = lines.map((l) => displayWidth(l) - displayWidth(l.split(/ {2,}/u).at(-1)!));
    expect(new Set(starts).size).toBe(1);
  });
});

describe("cleanse review and --labels: bad labels files", () => {
  const cases = [
    ["a column is missing", "a,b,matched\nrec-0-org,rec-0-dup-0,yes\n", 'CLEANSE_LABELS_MISSING_COLUMN: bad.csv:1: the header has no column "match" (found "a", "b", "matched"); expected a,b,match.'],
    ["a match value is not yes or no", "a,b,match\nrec-0-org,rec-0-dup-0,yes\nrec-1-org,rec-1-dup-0,maybe\n", 'CLEANSE_LABELS_BAD_VALUE: bad.csv:3: field "match" is "maybe"; expected yes or no.'],
    ["an id is unknown", "a,b,match\nrec-0-org,rec-9999-dup-0,no\n", 'CLEANSE_LABELS_UNKNOWN_ID: bad.csv:2: field "b" is "rec-9999-dup-0", which no record has as its id.'],
  ] as const;

  test.each(cases)("%s: review and dedupe name the file, the line and the field, and exit 2", async (_, content, message) => {
    await writeFile(join(dir, "bad.csv"), content);
    for (const argv of [
      ["review", febrl1, "--id", "rec_id", "--labels", "bad.csv"],
      ["dedupe", febrl1, "--id", "rec_id", "--labels", "bad.csv", "--out", "bad.out.csv"],
    ]) {
      const term = capture("y\n");
      expect(await main(argv, { term, cwd: dir })).toBe(2);
      expect(term.stderr.split("\n")[0]).toBe(`cleanse: error ${message}`);
      expect(term.stderr).toMatch(/^hint: /m);
      expect(term.stderr).not.toMatch(/^\s+at /m);
      expect(term.stdout).toBe("");
    }
    // The file is left as it was.
    expect(await readFile(join(dir, "bad.csv"), "utf8")).toBe(content);
  });

  test("the whole message of a bad match value", async () => {
    await writeFile(join(dir, "bad.csv"), cases[1][1]);
    const term = capture("");
    expect(await main(["review", febrl1, "--id", "rec_id", "--labels", "bad.csv"], { term, cwd: dir })).toBe(2);
    expect(term.stderr).toMatchInlineSnapshot(`
      "cleanse: error CLEANSE_LABELS_BAD_VALUE: bad.csv:3: field "match" is "maybe"; expected yes or no.
      hint: A labels file is CSV with a header a,b,match: two record ids and yes or no (cleanse review writes one).
      "
    `);
  });

  test.each([
    [["review", "-", "--id", "rec_id", "--labels", "l.csv"], 'cleanse review reads its answers from standard input, so no file of it can be "-"'],
    [["review", febrl1, "--id", "rec_id", "--labels", "l.csv", "--right-id", "x"], "--right-id and --map apply to the review of a link: give two files"],
    [["review", febrl1, "--id", "rec_id", "--labels", "l.csv", "--budget", "0"], '--budget takes a number of labels, 1 or more (e.g. 50); received "0"'],
    [["review", febrl1, "--id", "rec_id"], "missing --labels <labels.csv>: the file the answers go into"],
  ])("%j is a usage error", async (argv, message) => {
    const term = capture("");
    expect(await main(argv, { term, cwd: dir })).toBe(2);
    expect(term.stderr).toBe(`cleanse: error CLEANSE_USAGE: ${message}\n`);
  });
});
