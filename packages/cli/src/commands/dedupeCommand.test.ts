import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { collect } from "@cleanse/core";
import { readCsv } from "@cleanse/io";
import { beforeAll, describe, expect, test } from "vitest";
import { captureTerminal as capture } from "../_testing/captureTerminal.ts";
import { main } from "../main/main.ts";

// Febrl 1 (1,000 person records, 500 originals each with one duplicate; ids rec-N-org / rec-N-dup-0).
const febrl1 = join(import.meta.dirname, "..", "..", "..", "dedupe", "test-data", "febrl1", "dataset1.csv");

const entity = (id: string) => id.replace(/-(org|dup-\d+)$/, "");
const rows = async (file: string) => (await collect(readCsv(file).batches())).flatMap((b) => b.records);

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "cleanse-dedupe-cli-"));
});

describe("cleanse dedupe", () => {
  test("masks the personal fields of golden records in its JSON report, unless --show-pii; the golden file keeps them", async () => {
    const dedupe = (name: string, ...flags: string[]) =>
      main(["dedupe", febrl1, "--id", "rec_id", "--out", `${name}.csv`, "--golden", `${name}.golden.csv`, "--report", `${name}.json`, ...flags], { term: capture(), cwd: dir });
    expect(await dedupe("masked")).toBe(0);
    expect(await dedupe("clear", "--show-pii")).toBe(0);
    type Report = { goldenRecords: { cluster_id: string; record: Record<string, unknown> }[] };
    const masked = JSON.parse(await readFile(join(dir, "masked.json"), "utf8")) as Report;
    const clear = JSON.parse(await readFile(join(dir, "clear.json"), "utf8")) as Report;
    const golden = await rows(join(dir, "masked.golden.csv"));
    const first = clear.goldenRecords[0]!;
    // Febrl's header puts a space before every name but the first: " surname", " soc_sec_id".
    const surname = first.record[" surname"];
    expect(typeof surname).toBe("string");
    expect(String(golden.find((g) => g.cluster_id === first.cluster_id)?.[" surname"])).toBe(String(surname));
    const hidden = masked.goldenRecords.find((g) => g.cluster_id === first.cluster_id)!.record;
    expect(hidden[" surname"]).not.toBe(surname);
    expect(hidden[" surname"]).toMatch(/\*/);
    expect(hidden[" soc_sec_id"]).not.toBe(first.record[" soc_sec_id"]);
    expect(hidden.rec_id).toBe(first.record.rec_id);
  });

  test("finds Febrl 1's duplicates with no configuration and writes every record with its cluster", async () => {
    const term = capture();
    const code = await main(["dedupe", febrl1, "--id", "rec_id", "--out", "out.csv", "--golden", "golden.csv", "--save-model", "model.json"], { term, cwd: dir });
    expect(term.stderr).toBe("");
    expect(code).toBe(0);
    expect(term.stdout).toMatch(/1,000 records, \d+ clusters of duplicates/);
    const out = await rows(join(dir, "out.csv"));
    expect(out).toHaveLength(1000);
    // pairwise precision and recall against the truth in the ids
    const byCluster = new Map<string, string[]>();
    for (const r of out) byCluster.set(String(r.cluster_id), [...(byCluster.get(String(r.cluster_id)) ?? []), String(r.rec_id)]);
    let found = 0, correct = 0;
    for (const members of byCluster.values()) {
      for (let i = 0; i < members.length; i++) for (let j = i + 1; j < members.length; j++) {
        found++;
        if (entity(members[i]!) === entity(members[j]!)) correct++;
      }
    }
    const truePairs = 500;
    const precision = correct / found, recall = correct / truePairs;
    expect((2 * precision * recall) / (precision + recall)).toBeGreaterThanOrEqual(0.99);
    for (const r of out) expect(Number(r.match_probability)).toBeGreaterThan(0);
    const golden = await rows(join(dir, "golden.csv"));
    expect(golden.length).toBe([...byCluster.values()].filter((m) => m.length > 1).length);
    expect(JSON.parse(String(golden[0]!._lineage))).toBeTypeOf("object");
  });

  test("--print-config shows what zero-config chose, as YAML that --config accepts", async () => {
    const term = capture();
    expect(await main(["dedupe", febrl1, "--id", "rec_id", "--print-config"], { term, cwd: dir })).toBe(0);
    expect(term.stdout).toContain("comparisons:");
    await writeFile(join(dir, "dedupe.yaml"), term.stdout);
    const again = capture();
    expect(await main(["dedupe", febrl1, "--id", "rec_id", "--config", "dedupe.yaml", "--out", "out2.csv", "-q"], { term: again, cwd: dir })).toBe(0);
    expect(again.stderr).toBe("");
  });

  test("prints a warning when EM stops before it converges", async () => {
    const printed = capture();
    expect(await main(["dedupe", febrl1, "--id", "rec_id", "--print-config"], { term: printed, cwd: dir })).toBe(0);
    await writeFile(join(dir, "capped.yaml"), `${printed.stdout}em: { maxIterations: 1, tolerance: 0.000000000001 }\n`);
    const term = capture();
    expect(await main(["dedupe", febrl1, "--id", "rec_id", "--config", "capped.yaml", "--out", "capped.csv"], { term, cwd: dir })).toBe(0);
    expect(term.stdout).toMatch(/\n {2}warning: EM did not converge after 1 iteration \(last change [^)]+\); match probabilities may be off\./);
  });

  test("a bad threshold and a missing --id are usage errors", async () => {
    const a = capture();
    expect(await main(["dedupe", febrl1, "--id", "rec_id", "--out", "x.csv", "--threshold", "2"], { term: a, cwd: dir })).toBe(2);
    expect(a.stderr).toContain("--threshold takes a match probability between 0 and 1");
    const b = capture();
    expect(await main(["dedupe", febrl1, "--out", "x.csv"], { term: b, cwd: dir })).toBe(2);
    expect(b.stderr).toContain("missing --id");
  });
});

describe("cleanse link", () => {
  test("links Febrl 1's originals to their duplicates one-to-one", async () => {
    const all = await rows(febrl1);
    const header = Object.keys(all[0]!);
    const csv = (rs: typeof all) => [header.join(","), ...rs.map((r) => header.map((h) => `"${String(r[h] ?? "").replace(/"/g, '""')}"`).join(","))].join("\n") + "\n";
    await writeFile(join(dir, "left.csv"), csv(all.filter((r) => String(r.rec_id).endsWith("-org"))));
    await writeFile(join(dir, "right.csv"), csv(all.filter((r) => String(r.rec_id).includes("-dup-"))));
    const term = capture();
    const code = await main(["link", "left.csv", "right.csv", "--id", "rec_id", "--out", "pairs.csv", "--golden", "golden.csv"], { term, cwd: dir });
    expect(term.stderr).toBe("");
    expect(code).toBe(0);
    const pairs = await rows(join(dir, "pairs.csv"));
    expect(Object.keys(pairs[0]!)).toEqual(["left_id", "right_id", "match_probability"]);
    const correct = pairs.filter((p) => entity(String(p.left_id)) === entity(String(p.right_id))).length;
    expect(correct / 500).toBeGreaterThanOrEqual(0.98);
    expect(correct / pairs.length).toBeGreaterThanOrEqual(0.98);
    expect(new Set(pairs.map((p) => p.right_id)).size).toBe(pairs.length);
    expect((await rows(join(dir, "golden.csv"))).length).toBe(pairs.length);
  });
});

describe("cleanse explain", () => {
  test("explains a matching pair with each comparison's contribution, as text and JSON", async () => {
    const text = capture();
    expect(await main(["explain", febrl1, "rec-0-org", "rec-0-dup-0", "--id", "rec_id"], { term: text, cwd: dir })).toBe(0);
    expect(text.stdout).toMatch(/^Records rec-0-org and rec-0-dup-0: match probability/);
    const json = capture();
    expect(await main(["explain", febrl1, "rec-0-org", "rec-0-dup-0", "--id", "rec_id", "--model", "model.json", "--json"], { term: json, cwd: dir })).toBe(0);
    const e = JSON.parse(json.stdout);
    const sum = e.prior.weight + e.comparisons.reduce((n: number, c: { total: number }) => n + c.total, 0);
    expect(sum).toBeCloseTo(e.totalWeight, 6);
  });

  test("an unknown id is reported", async () => {
    const term = capture();
    expect(await main(["explain", febrl1, "nope", "rec-0-org", "--id", "rec_id"], { term, cwd: dir })).toBe(2);
    expect(term.stderr).toContain('no record with rec_id "nope"');
  });
});
