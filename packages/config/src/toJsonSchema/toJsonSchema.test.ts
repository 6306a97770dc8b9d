import { describe, expect, test } from "vitest";
import { z } from "zod";
import { toJsonSchema } from "./toJsonSchema.ts";

describe("toJsonSchema", () => {
  test("describes properties, required keys and enums for editors", () => {
    const schema = toJsonSchema(z.strictObject({ source: z.string(), mode: z.enum(["a", "b"]).optional() }), { title: "Job", id: "https://example.org/job.json" });
    expect(schema).toMatchObject({
      title: "Job",
      $id: "https://example.org/job.json",
      type: "object",
      required: ["source"],
      additionalProperties: false,
      properties: { source: { type: "string" }, mode: { enum: ["a", "b"] } },
    });
    expect(String(schema.$schema)).toContain("json-schema.org");
  });
});
