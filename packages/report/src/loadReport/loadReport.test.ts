import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { datasetReport, demoReport } from "../../test-support/fixtures.ts";
import { loadReport, parseReport } from "./loadReport.ts";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "load-report-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("loadReport", () => {
  test("reads a job report, and a dataset report as a job of one dataset", async () => {
    const job = join(dir, "job.json");
    await writeFile(job, JSON.stringify(demoReport()));
    expect((await loadReport(job)).datasets.map((d) => d.dataset)).toEqual(["crm_customers", "erp_customers", "erp_orders"]);
    const one = join(dir, "one.json");
    await writeFile(one, JSON.stringify(datasetReport()));
    expect(await loadReport(one)).toMatchObject({ job: "people", totals: datasetReport().totals, datasets: [{ dataset: "people" }] });
  });

  test("says when the file is missing", async () => {
    await expect(loadReport(join(dir, "none.json"))).rejects.toMatchObject({ code: "CLEANSE_FILE_NOT_FOUND", location: { file: join(dir, "none.json") } });
  });

  test.each([
    ["{", "prev.json is not valid JSON"],
    ["[]", "prev.json is not a Cleanse report: expected a JSON object"],
    ['{"job":"x"}', "prev.json is not a Cleanse report: it has no schemaVersion"],
    ['{"schemaVersion":2,"job":"x"}', "prev.json has report schema version 2; this version of Cleanse reads up to 1"],
    ['{"schemaVersion":1,"datasets":[{"dataset":"d"}],"totals":{}}', "prev.json is not a Cleanse report: datasets[0] lacks dataset, totals or rules"],
  ])("refuses %s", (text, message) => {
    expect(() => parseReport(text, { file: "prev.json" })).toThrowError(expect.objectContaining({ code: "CLEANSE_BAD_REPORT", message: expect.stringContaining(message) }));
  });

  test("fills in the parts an older report may lack", () => {
    const { fields, warnings, sections, ...old } = datasetReport();
    const job = parseReport(JSON.stringify(old));
    expect(job.datasets[0]).toMatchObject({ fields: [], warnings: [], sections: {} });
    expect([fields, warnings, sections].length).toBe(3);
  });
});
