import { readFileSync } from "node:fs";
import { toJsonSchema } from "@cleanse/config";
import { describe, expect, test } from "vitest";
import { jobFileSchema } from "./jobFileSchema.ts";

describe("jobFileSchema", () => {
  test("the shipped JSON Schema is generated from the code (run packages/cli/scripts/write-schema.mjs after a build)", () => {
    const shipped = JSON.parse(readFileSync(new URL("../../schema/job.schema.json", import.meta.url), "utf8"));
    const generated = toJsonSchema(jobFileSchema, { title: "Cleanse job file", id: "https://cleanse.dev/schema/job.schema.json" });
    expect(shipped).toEqual(JSON.parse(JSON.stringify(generated)));
  });
});
