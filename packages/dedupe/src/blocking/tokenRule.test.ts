import { describe, expect, test } from "vitest";
import { createTable } from "../_internal/table.ts";
import { toNullSet } from "../_internal/normalize.ts";
import { resolveRule } from "../config/resolveConfig.ts";
import { blockPairs } from "./blockPairs.ts";

function pairsOf(records: { id: number; name: string; side?: number }[], neighbours: number, mode: "dedupe" | "link" = "dedupe", maxBlockSize?: number): string[] {
  const source = mode === "link" ? Uint8Array.from(records.map((r) => r.side ?? 0)) : undefined;
  const table = createTable(records, toNullSet(undefined), source);
  const rule = resolveRule({ type: "tokens", on: ["name"], neighbours, ...(maxBlockSize === undefined ? {} : { maxBlockSize }) }, 0);
  const { codes, stats } = blockPairs(table, [rule], { mode, maxBlockSize: 1000, oversizedWindow: 10, signature: () => "" });
  expect(stats.rules[0]!.rule).toBe(`tokens(name; ${neighbours} per record)`);
  const n = records.length;
  return [...codes].map((c) => `${records[Math.floor(c / n)]!.id}-${records[c % n]!.id}`);
}

describe("tokens blocking rule", () => {
  const records = [
    { id: 0, name: "Sony KDL-46V5100 LCD TV" },
    { id: 1, name: "sony kdl46v5100 46in lcd" },
    { id: 2, name: "Samsung LN46B650 LCD TV" },
    { id: 3, name: "Samsung LN-46B650 46 inch" },
    { id: 4, name: "LG 42LH20 LCD TV" },
  ];

  test("pairs records sharing a word, keeping each record's closest", () => {
    // kdl46v5100 and ln46b650 are rare and shared: each record's best neighbour is its twin. The LG record
    // keeps its one closest record too, by "lcd" and "tv".
    expect(pairsOf(records, 1)).toEqual(["0-1", "0-4", "2-3"]);
    expect(pairsOf(records, 10).length).toBeGreaterThan(2);
  });

  test("words held by more records than maxBlockSize make no block", () => {
    // With at most 2 records per word, "lcd", "tv", "sony" and "samsung" (3 or 4 records) are no blocks.
    const pairs = pairsOf(records, 10, "dedupe", 2);
    expect(pairs).toContain("0-1");
    expect(pairs).toContain("2-3");
    expect(pairs).not.toContain("0-4");
  });

  test("pairs only across the sources when linking", () => {
    const linked = records.map((r, i) => ({ ...r, side: i % 2 }));
    for (const p of pairsOf(linked, 10, "link")) {
      const [a, b] = p.split("-").map(Number);
      expect(a! % 2).not.toBe(b! % 2);
    }
  });
});
