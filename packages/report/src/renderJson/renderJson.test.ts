import { describe, expect, test } from "vitest";
import { datasetReport, demoReport } from "../../test-support/fixtures.ts";
import { renderJson } from "./renderJson.ts";

describe("renderJson", () => {
  test("puts the version and names first, then every key in code-point order, at every level", () => {
    const json = renderJson({ ...datasetReport(), sections: {} });
    const top = Object.keys(JSON.parse(json) as object);
    expect(top).toEqual(["schemaVersion", "dataset", "datasetIssues", "dimensions", "fields", "finishedAt", "inputs", "rules", "sections", "startedAt", "timings", "totals", "warnings"]);
    expect(json).toContain('"totals": {\n    "clean": 150,\n    "merged": 0,\n    "quarantined": 50,\n    "total": 200\n  }');
    expect(json.endsWith("}\n")).toBe(true);
  });

  test("gives the same bytes whatever order the keys were added in", () => {
    const a = datasetReport();
    const b = Object.fromEntries(Object.entries(datasetReport()).reverse()) as typeof a;
    expect(renderJson(b)).toBe(renderJson(a));
  });

  test("keeps every value of a report: parsing it back gives the same report", () => {
    const demo = demoReport();
    expect(JSON.parse(renderJson(demo))).toEqual(demo);
  });

  test("writes numbers JSON cannot hold as null and leaves out undefined", () => {
    const r = { ...datasetReport(), sections: { odd: { nan: Number.NaN, inf: Infinity, gone: undefined, list: [undefined, 1] } } };
    expect(JSON.parse(renderJson(r)).sections.odd).toEqual({ inf: null, list: [null, 1], nan: null });
  });
});
