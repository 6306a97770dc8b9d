import { describe, expect, test } from "vitest";
import { hash64 } from "../hashString/hashString.ts";
import { createExactKeyTable, createHashedKeyTable } from "./keyTable.ts";

describe("key tables", () => {
  test.each([
    ["hashed with values", () => createHashedKeyTable(true, 4)],
    ["exact", () => createExactKeyTable()],
  ])("%s: put returns the stored value for known keys, -1 for new ones, across growth", (_name, make) => {
    const table = make();
    for (let i = 0; i < 5000; i++) expect(table.put(`k${i}`, i)).toBe(-1);
    for (let i = 0; i < 5000; i++) expect(table.put(`k${i}`, 99)).toBe(i);
    expect(table.get("k4999")).toBe(4999);
    expect(table.get("missing")).toBe(-1);
    table.set("k1", 7);
    expect(table.get("k1")).toBe(7);
    expect(table.size).toBe(5000);
    expect([...table.values()].length).toBe(5000);
  });

  test("a hashed set without values uses 8 bytes per slot and still answers membership", () => {
    const table = createHashedKeyTable(false, 1024);
    for (let i = 0; i < 1000; i++) table.put(String(i), 0);
    expect(table.bytes()).toBe(2048 * 8);
    expect([table.get("999"), table.get("1000")]).toEqual([0, -1]);
  });

  test.each([
    ["hashed", () => createHashedKeyTable(false, 4)],
    ["exact", () => createExactKeyTable()],
  ])("%s: forEachHash gives the hash64 lanes of every key once, across growth", (_name, make) => {
    const table = make();
    const expected = new Set<string>();
    for (let i = 0; i < 3000; i++) {
      table.put(`key-${i}`, i);
      table.put(`key-${i}`, i);
      expected.add(hash64(`key-${i}`).join(":"));
    }
    const seen: string[] = [];
    table.forEachHash((hi, lo) => seen.push(`${hi}:${lo}`));
    expect(seen).toHaveLength(3000);
    expect(new Set(seen)).toEqual(expected);
  });

  test("hash64 spreads similar keys over both lanes", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 100_000; i++) seen.add(hash64(`C${String(i).padStart(9, "0")}`).join(":"));
    expect(seen.size).toBe(100_000);
    expect(hash64("a")).not.toEqual(hash64("b"));
    expect(hash64("")).toEqual(hash64(""));
  });
});
