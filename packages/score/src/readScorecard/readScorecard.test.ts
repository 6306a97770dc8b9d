import { processRecords, collect } from "@cleanse/core";
import { describe, expect, test } from "vitest";
import { createScoreStep } from "../createScoreStep/createScoreStep.ts";
import { jobScore, readScorecard } from "./readScorecard.ts";

describe("readScorecard", () => {
  test("finds the scorecard a score step left, and nothing in a report without one", async () => {
    const run = processRecords([{ a: 1 }], [createScoreStep()], { name: "d" });
    await collect(run);
    expect(readScorecard(run.report())).toMatchObject({ version: 2, records: 1, score: 100 });
    expect(readScorecard({ sections: {} })).toBeUndefined();
    expect(readScorecard({ sections: { score: { score: "high" } } })).toBeUndefined();
  });

  test("jobScore is undefined when no dataset was scored", async () => {
    const run = processRecords([{ a: 1 }], [], { name: "d" });
    await collect(run);
    expect(jobScore(run.report())).toBeUndefined();
  });
});
