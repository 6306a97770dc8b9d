import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { validateJsonSchema } from "../../test-support/validateJsonSchema.ts";
import { reportJsonSchema } from "./reportJsonSchema.ts";

const schemaFile = new URL("../../schema/report.schema.json", import.meta.url);
const demo = JSON.parse(readFileSync(new URL("../../test-data/demo-report.json", import.meta.url), "utf8")) as Record<string, unknown>;

describe("reportJsonSchema", () => {
  test("schema/report.schema.json is current (regenerate: node scripts/build.mjs && node packages/report/scripts/write-schema.mjs)", () => {
    expect(readFileSync(schemaFile, "utf8")).toBe(`${JSON.stringify(reportJsonSchema, null, 2)}\n`);
  });

  test("the demo's job report fits it, and so does each of its dataset reports", () => {
    expect(validateJsonSchema(reportJsonSchema, demo)).toEqual([]);
    for (const d of demo.datasets as unknown[]) expect(validateJsonSchema(reportJsonSchema, d)).toEqual([]);
  });

  test("tells what is wrong with a report that does not fit", () => {
    const [first] = demo.datasets as Record<string, unknown>[];
    const broken = { ...first, totals: { total: 1, clean: 1, quarantined: 0 }, sections: { score: { ...(first!.sections as { score: object }).score, score: 140 } } };
    expect(validateJsonSchema(reportJsonSchema, broken)).toEqual(["$: fits 0 of the oneOf alternatives"]);
    const defs = reportJsonSchema.$defs as Record<string, Record<string, unknown>>;
    expect(validateJsonSchema({ ...reportJsonSchema, oneOf: undefined, ...defs.datasetReport }, broken)).toEqual(["$.sections.score.score: above 100", "$.totals: missing merged"]);
  });
});
