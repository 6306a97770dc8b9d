import { hash64 } from "@cleanse/values";
import { describe, expect, test } from "vitest";
import { createFrequencyCounter, createFrequentItems } from "./heavyHitters.ts";
import { createHistogram } from "./histogram.ts";
import { createHyperLogLog } from "./hyperLogLog.ts";
import { valuePattern } from "./pattern.ts";

describe("HyperLogLog", () => {
  // the profiler hashes values with the kernel's hash64, the hash its key tables keep
  test.each([1_000, 50_000, 300_000])("estimates %i distinct values within three standard errors", (n) => {
    const hll = createHyperLogLog(14);
    for (let i = 0; i < n; i++) hll.add(hash64(`value-${i}`)[0]);
    for (let i = 0; i < n; i += 3) hll.add(hash64(`value-${i}`)[0]); // repeats change nothing
    expect(Math.abs(hll.estimate() - n) / n).toBeLessThan(3 * hll.standardError);
    expect(hll.standardError).toBeCloseTo(0.0081, 4);
  });

  test("rejects a precision it cannot use", () => {
    expect(() => createHyperLogLog(3)).toThrow(RangeError);
  });
});

describe("frequent items (Misra-Gries with reverse purge)", () => {
  test("finds the heavy hitters of a skewed stream, with counts that never undercount", () => {
    const ss = createFrequentItems(128); // finds every value above about 2 * 20000 / 128 = 312 occurrences
    const truth = new Map<string, number>();
    for (let i = 0; i < 20_000; i++) {
      // value k appears about 1/k^2 of the time among a long tail
      const v = i % 4 === 0 ? "A" : i % 9 === 0 ? "B" : i % 25 === 0 ? "C" : `tail-${i}`;
      truth.set(v, (truth.get(v) ?? 0) + 1);
      ss.add(v);
    }
    const top = ss.top(3);
    expect(top.map((t) => t.value)).toEqual(["A", "B", "C"]);
    for (const t of top) {
      expect(t.count).toBeGreaterThanOrEqual(truth.get(t.value)!);
      expect(t.count - t.error).toBeLessThanOrEqual(truth.get(t.value)!);
    }
  });

  test("keeps the bound when seeded with exact counts", () => {
    const f = createFrequentItems(2, [
      ["a", 10],
      ["b", 5],
      ["c", 3],
    ]);
    f.add("c");
    // c was left out with 3: its new counter (1) plus what it may have had (3) bounds it
    expect(f.top(3)).toEqual([
      { value: "a", count: 13, error: 3 },
      { value: "b", count: 8, error: 3 },
      { value: "c", count: 4, error: 3 },
    ]);
  });

  test("a frequency counter is exact up to its limit, then switches to the sketch", () => {
    const f = createFrequencyCounter(3, 10);
    for (const v of ["a", "b", "a", "c", "a"]) f.add(v);
    expect(f.exact).toBe(true);
    expect(f.top(2)).toEqual([
      { value: "a", count: 3, error: 0 },
      { value: "b", count: 1, error: 0 },
    ]);
    f.add("d");
    expect(f.exact).toBe(false);
    expect(f.top(1)).toEqual([{ value: "a", count: 3, error: 0 }]);
    expect(f.top(4).map((t) => t.value)).toEqual(["a", "b", "c", "d"]);
  });
});

describe("streaming histogram", () => {
  test("counts every value in bins with round edges", () => {
    const h = createHistogram();
    for (let i = 0; i < 1000; i++) h.add(i);
    const bins = h.bins(20);
    expect(bins.reduce((n, b) => n + b.count, 0)).toBe(1000);
    expect(bins[0]!.from).toBe(0);
    expect(bins[bins.length - 1]!.to).toBe(1000);
    // one width for every bin, 1 or 2 times a power of ten: here 100
    for (const b of bins) expect(b.to - b.from).toBe(100);
  });

  test("widens to take values outside its range, on both sides, without losing counts", () => {
    const h = createHistogram();
    for (let i = 0; i < 300; i++) h.add(10 + (i % 10) / 10);
    h.add(-5000);
    h.add(1e6);
    const bins = h.bins(20);
    expect(bins.reduce((n, b) => n + b.count, 0)).toBe(302);
    expect(bins[0]!.from).toBeLessThanOrEqual(-5000);
    expect(bins[bins.length - 1]!.to).toBeGreaterThan(1e6);
    expect(bins.length).toBeLessThanOrEqual(20);
  });

  test("handles a few values, one repeated value, weights and no values", () => {
    const one = createHistogram();
    one.add(7, 3);
    expect(one.bins()).toEqual([{ from: expect.any(Number), to: expect.any(Number), count: 3 }]);
    expect(createHistogram().bins()).toEqual([]);
  });
});

describe("valuePattern", () => {
  test.each([
    ["138-1234-5678", "ddd-dddd-dddd"],
    ["Alice", "Aa+"],
    ["JOHN smith", "A+ a+"],
    ["C00012", "Addddd"],
    ["王小明", "C+"],
    ["王", "C"],
    ["2023年1月1日", "ddddCdCdC"],
    ["li.wei@qq.com", "a+.a+@a+.a+"],
    ["Ñandú", "Aa+"],
    ["𠀀𠀁", "C+"],
    ["", ""],
  ])("%s -> %s", (text, pattern) => {
    expect(valuePattern(text).pattern).toBe(pattern);
  });

  test("cuts long values and counts length in code points", () => {
    const long = valuePattern("1-".repeat(40));
    expect(long.pattern.endsWith("…")).toBe(true);
    expect(long.length).toBe(80);
    expect(valuePattern("𠀀𠀁").length).toBe(2);
  });
});
