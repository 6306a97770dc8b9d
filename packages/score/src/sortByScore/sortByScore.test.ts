import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { collect } from "@cleanse/core";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { sortByScore } from "./sortByScore.ts";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "sort-test-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("sortByScore", () => {
  test("puts the worst records first, keeps input order for ties, and unscored records last", async () => {
    const records = [
      { id: "a", _score: 90 },
      { id: "b", _score: "40.5" },
      { id: "c" },
      { id: "d", _score: 40.5 },
      { id: "e", _score: 100 },
    ];
    expect((await collect(sortByScore(records))).map((r) => r.id)).toEqual(["b", "d", "a", "e", "c"]);
    expect((await collect(sortByScore(records, { order: "desc" }))).map((r) => r.id)).toEqual(["e", "a", "b", "d", "c"]);
  });

  test("merges sorted chunks from temp files when there are more records than a chunk, and cleans up", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.option(fc.integer({ min: 0, max: 20 }), { nil: undefined }), { maxLength: 60 }), fc.integer({ min: 1, max: 7 }), async (scores, chunkSize) => {
        const records = scores.map((s, i) => (s === undefined ? { i } : { i, _score: s }));
        const sorted = await collect(sortByScore(records, { chunkSize, tempDir: dir }));
        const expected = [...records].sort((a, b) => (a._score ?? Infinity) - (b._score ?? Infinity) || a.i - b.i);
        expect(sorted).toEqual(expected);
      }),
      { numRuns: 60 },
    );
    expect(await readdir(dir)).toEqual([]);
  });

  test("cleans up its temp files when the consumer stops early", async () => {
    const records = Array.from({ length: 50 }, (_, i) => ({ i, _score: 50 - i }));
    for await (const r of sortByScore(records, { chunkSize: 10, tempDir: dir })) {
      expect(r.i).toBe(49);
      break;
    }
    expect(await readdir(dir)).toEqual([]);
  });
});
