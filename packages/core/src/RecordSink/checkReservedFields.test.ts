import { describe, expect, it } from "vitest";
import { createMemorySink } from "./RecordSink.ts";
import { runPipeline } from "../runPipeline/runPipeline.ts";
import type { Step } from "../Step/Step.ts";

const flagAll: Step = {
  kind: "record",
  name: "flag",
  process(env) {
    env.issues.push({ code: "bad", rule: "flag", severity: "error", dimension: "validity", message: "flagged" } as never);
  },
} as Step;

describe("fields the quarantine output adds", () => {
  for (const name of ["_reasons", "_record"]) {
    it(`refuses an input field "${name}" instead of overwriting it, naming the record`, async () => {
      const quarantine = createMemorySink();
      const run = runPipeline({ source: [{ id: 1 }, { id: 2, [name]: "mine" }], quarantine, clean: createMemorySink() });
      await expect(run).rejects.toMatchObject({ code: "CLEANSE_RESERVED_FIELD", message: expect.stringContaining(`"${name}"`) });
      expect(quarantine.records).toEqual([]);
    });
  }

  it("checks every record, not only the quarantined ones", async () => {
    const run = runPipeline({ source: [{ id: 1, _reasons: "mine" }], quarantine: createMemorySink() });
    await expect(run).rejects.toMatchObject({ code: "CLEANSE_RESERVED_FIELD" });
  });

  it("lets the field through when there is no quarantine output, or no reasons are added", async () => {
    const clean = createMemorySink();
    await runPipeline({ source: [{ id: 1, _reasons: "mine" }], clean });
    expect(clean.records).toEqual([{ id: 1, _reasons: "mine" }]);
    const quarantine = createMemorySink();
    await runPipeline({ source: [{ id: 1, _reasons: "mine" }], steps: [flagAll], quarantine, quarantineReasons: false });
    expect(quarantine.records).toEqual([{ id: 1, _reasons: "mine" }]);
  });
});
