import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { collect } from "@cleanse/core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { compareEntries, createExternalSorter, type Entry } from "./externalSort.ts";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "cleanse-sort-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("createExternalSorter", () => {
  test.each([
    ["in memory", 1e9],
    ["in a few runs", 40_000],
    ["in more runs than one merge pass takes", 1_500],
  ])("orders entries by key, then input position (%s)", async (_label, budget) => {
    const sorter = createExternalSorter({ budgetBytes: budget, dir: () => dir, label: `t${budget}`, lastRunInMemory: budget === 40_000 });
    const input: Entry[] = Array.from({ length: 3000 }, (_, s) => ({ k: `k${(s * 7919) % 700}`, s, r: { s, text: "é\n\"x\"" } }));
    for (const e of input) sorter.add(e);
    const out = (await collect(sorter.finish())).flat();
    expect(out).toEqual([...input].sort(compareEntries));
    if (budget === 1_500) expect(sorter.stats.runs).toBeGreaterThan(48);
    expect(sorter.stats.mode).toBe(budget === 1e9 ? "memory" : "external");
  });
});
