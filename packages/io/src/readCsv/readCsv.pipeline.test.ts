import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { checkRecords, runPipeline } from "@cleanse/core";
import { afterAll, describe, expect, test } from "vitest";
import { writeCsv } from "../writeCsv/writeCsv.ts";
import { readCsv } from "./readCsv.ts";

const dir = mkdtempSync(join(tmpdir(), "cleanse-io-pipeline-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("readCsv with runPipeline", () => {
  test("routes every record to clean or quarantine files, and the counts add up", async () => {
    const input = join(dir, "customers.csv");
    const head = Buffer.from('id,name,email\n1,Ada,ada@example.com\n2,"Smith, John",\n3,Grace\n4,Zoë,zoe@example.com,extra\n5,caf');
    writeFileSync(
      input,
      Buffer.concat([
        head,
        Buffer.from([0xe9]),
        Buffer.from(",cafe@example.com\n6,=cmd,x@example.com\n"),
      ]),
    );
    const requireEmail = checkRecords("require-email", (r) =>
      typeof r.email === "string" && r.email !== ""
        ? []
        : [{ code: "missing_value", rule: "require-email", field: "email", severity: "error", dimension: "completeness", message: "email is required" }],
    );
    const report = await runPipeline({
      source: readCsv(input, { encoding: "utf-8" }),
      steps: [requireEmail],
      clean: writeCsv(join(dir, "clean.csv")),
      quarantine: writeCsv(join(dir, "quarantine.csv")),
    });
    expect(report.totals).toEqual({ total: 6, clean: 2, quarantined: 4, merged: 0 });
    expect(report.totals.total).toBe(report.totals.clean + report.totals.quarantined);
    expect(report.inputs[0]).toMatchObject({ name: "customers.csv", format: "csv", encoding: "utf-8", records: 6 });
    expect(readFileSync(join(dir, "clean.csv"), "utf8")).toBe("id,name,email\n1,Ada,ada@example.com\n6,'=cmd,x@example.com\n");
    const quarantined = readFileSync(join(dir, "quarantine.csv"), "utf8").trimEnd().split("\n");
    expect(quarantined).toHaveLength(1 + report.totals.quarantined);
    expect(quarantined[0]).toBe("id,name,email,_extra,_reasons,_record");
    expect(quarantined[3]).toBe('4,Zoë,zoe@example.com,"[""extra""]","csv-shape: Expected 3 fields, found 4; the extra values are kept in _extra",4');
    expect(quarantined.slice(1).map((row) => row.split(",")[0])).toEqual(["2", "3", "4", "5"]);
    expect(quarantined[4]).toContain(`byte offset ${head.length} is not valid utf-8`);
  });
});
