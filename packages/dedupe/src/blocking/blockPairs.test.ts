import type { DataRecord } from "@cleanse/core";
import { describe, expect, test } from "vitest";
import { toNullSet } from "../_internal/normalize.ts";
import { createTable } from "../_internal/table.ts";
import type { BlockingRule } from "../config/dedupeConfigSchema.ts";
import { resolveConfig, resolveRule } from "../config/resolveConfig.ts";
import { blockPairs, type PairMode } from "./blockPairs.ts";

const people: DataRecord[] = [
  { id: "0", first: "John", last: "Smith", dob: "1980-01-02", phone: "0412 345 678", email: "john.smith@example.com" },
  { id: "1", first: "Jon", last: "Smyth", dob: "1980-01-02", phone: "+61 412 345 678", email: "john.smith@work.org" },
  { id: "2", first: "Anna", last: "Lee", dob: "1975-05-05", phone: "0398 765 432", email: "anna@lee.net" },
  { id: "3", first: "Ana", last: "Lee", dob: "1975-05-05", phone: null, email: "ana@lee.net" },
  { id: "4", first: "Peter", last: "Brown", dob: "1990-09-09", phone: "0400 000 000", email: null },
  { id: "5", first: "Petra", last: "Braun", dob: null, phone: "0400 000 001", email: "petra@braun.de" },
];

function pairsOf(records: readonly DataRecord[], rules: readonly BlockingRule[], mode: PairMode = "dedupe", source?: Uint8Array, maxBlockSize = 100) {
  const table = createTable(records, toNullSet(undefined), source);
  const result = blockPairs(table, rules.map((rule, index) => resolveRule(rule, index)), {
    mode,
    maxBlockSize,
    oversizedWindow: 2,
    signature: (i) => String(records[i]!.first ?? ""),
  });
  const n = records.length;
  const pairs = [...result.codes].map((c) => {
    const i = Math.floor(c / n);
    return `${i}-${c - i * n}`;
  });
  return { pairs, stats: result.stats };
}

describe("blockPairs", () => {
  test.each<[string, BlockingRule, string[]]>([
    ["an exact key", { type: "key", on: ["dob"] }, ["0-1", "2-3"]],
    ["two exact fields", { type: "key", on: ["dob", "last"] }, ["2-3"]],
    ["a soundex key", { type: "key", on: [{ field: "last", transform: "soundex" }] }, ["0-1", "2-3", "4-5"]],
    ["a double metaphone key", { type: "key", on: [{ field: "last", transform: "metaphone" }] }, ["0-1", "2-3", "4-5"]],
    ["a prefix key", { type: "key", on: [{ field: "first", transform: "prefix", length: 3 }] }, ["4-5"]],
    ["phone digits", { type: "key", on: [{ field: "phone", transform: "phoneDigits" }] }, ["0-1"]],
    ["an email local part", { type: "key", on: [{ field: "email", transform: "emailLocal" }] }, ["0-1"]],
    ["a first token and year", { type: "key", on: [{ field: "first", transform: "firstToken" }, { field: "dob", transform: "year" }] }, []],
    ["a sorted neighbourhood", { type: "sortedNeighbourhood", on: ["last", "first"], window: 2 }, ["0-1", "0-2", "2-3", "3-4", "4-5"]],
    ["MinHash LSH on names with typos", { type: "lsh", on: ["first", "last"], q: 2, bands: 20, rows: 2 }, ["0-1", "2-3"]],
  ])("pairs records sharing %s", (_, rule, expected) => {
    const { pairs } = pairsOf(people, [rule]);
    for (const p of expected) expect(pairs).toContain(p);
    if (rule.type !== "lsh") expect(pairs).toEqual(expected);
  });

  test("unions rules without repeating pairs and counts what each adds", () => {
    const { pairs, stats } = pairsOf(people, [
      { type: "key", on: ["dob"] },
      { type: "key", on: [{ field: "last", transform: "soundex" }] },
    ]);
    expect(pairs).toEqual(["0-1", "2-3", "4-5"]);
    expect(stats.rules.map((r) => [r.rule, r.candidatePairs, r.newPairs])).toEqual([
      ["dob", 2, 2],
      ["soundex(last)", 3, 1],
    ]);
    expect(stats.comparablePairs).toBe(15);
    expect(stats.candidatePairs).toBe(3);
    expect(stats.reductionRatio).toBeCloseTo(0.8, 10);
    expect(stats.rules[0]!.reductionRatio).toBeCloseTo(1 - 2 / 15, 10);
  });

  test("pairs only across sources when linking", () => {
    const source = Uint8Array.from([0, 1, 0, 0, 1, 1]);
    const { pairs, stats } = pairsOf(people, [{ type: "key", on: [{ field: "last", transform: "soundex" }] }], "link", source);
    expect(pairs).toEqual(["0-1"]);
    expect(stats.comparablePairs).toBe(9);
  });

  test("pairs new records with everything and old records not with each other in incremental mode", () => {
    const source = Uint8Array.from([0, 0, 0, 1, 0, 1]);
    const { pairs } = pairsOf(people, [{ type: "key", on: [{ field: "last", transform: "soundex" }] }], "incremental", source);
    expect(pairs).toEqual(["2-3", "4-5"]);
  });

  test("caps an exploding block to a window and warns", () => {
    const many: DataRecord[] = Array.from({ length: 50 }, (_, i) => ({ id: String(i), first: `name${String(i).padStart(2, "0")}`, city: "sydney" }));
    const { pairs, stats } = pairsOf(many, [{ type: "key", on: ["city"] }], "dedupe", undefined, 10);
    expect(pairs).toHaveLength(49);
    expect(stats.rules[0]!.oversizedBlocks).toEqual([{ key: "sydney", size: 50 }]);
    expect(stats.warnings).toEqual([
      'Blocking rule city: 1 block larger than maxBlockSize 10 was paired only within a window of 2: "sydney" (50). Add a field to the rule to split it.',
    ]);
  });

  test("counts oversized blocks in the plural when there are several", () => {
    const many: DataRecord[] = Array.from({ length: 40 }, (_, i) => ({ id: String(i), city: i % 2 === 0 ? "sydney" : "perth" }));
    const { stats } = pairsOf(many, [{ type: "key", on: ["city"] }], "dedupe", undefined, 10);
    expect(stats.warnings[0]).toMatch(/^Blocking rule city: 2 blocks larger than maxBlockSize 10 were paired only .*split them\.$/);
  });

  test("keys dates on the calendar date the value kernel reads, however they are written", () => {
    const dates: DataRecord[] = [
      { id: "a", dob: "1958-12-07" },
      { id: "b", dob: "dec 7, 1958" },
      { id: "c", dob: "1958年12月7日" },
      { id: "d", dob: "1958-12-08" },
      { id: "e", dob: "07/12/1958" },
      { id: "f", dob: "2023-02-30" },
      { id: "g", dob: "2023-02-30" },
    ];
    // 07/12/1958 is ambiguous and 2023-02-30 impossible: neither gets a key, so they pair with nothing.
    expect(pairsOf(dates, [{ type: "key", on: [{ field: "dob", transform: "date" }] }]).pairs).toEqual(["0-1", "0-2", "1-2"]);
    expect(pairsOf(dates, [{ type: "key", on: [{ field: "dob", transform: "date", order: "dmy" }] }]).pairs).toEqual(["0-1", "0-2", "0-4", "1-2", "1-4", "2-4"]);
    expect(pairsOf(dates, [{ type: "key", on: [{ field: "dob", transform: "year" }] }]).pairs).toHaveLength(6);
  });

  test("gives date keys the order of the field's date comparison", () => {
    const resolved = resolveConfig({
      blocking: { rules: [{ type: "key", on: [{ field: "dob", transform: "date" }] }] },
      comparisons: [{ field: "dob", type: "date", order: "mdy" }],
    });
    expect(resolved.rules[0]).toMatchObject({ on: [{ field: "dob", transform: "date", order: "mdy" }] });
  });

  test("skips records whose key is missing", () => {
    const { pairs } = pairsOf(
      [{ id: "a", k: null }, { id: "b", k: "" }, { id: "c", k: "x" }, { id: "d", k: "X " }],
      [{ type: "key", on: ["k"] }],
    );
    expect(pairs).toEqual(["2-3"]);
  });
});
