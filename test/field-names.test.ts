import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { collect, renameFields, runPipeline, selectFields, type DataRecord } from "@cleanse/core";
import { readCsv, writeCsv } from "@cleanse/io";
import { buildGoldenRecords } from "@cleanse/dedupe";
import { reconcile } from "@cleanse/reconcile";
import { createRulesStep } from "@cleanse/rules";
import fc from "fast-check";
import { describe, expect, test } from "vitest";

// Field names are data: a column called like a property every object inherits is an ordinary column.
const INHERITED = [...Object.getOwnPropertyNames(Object.prototype), "__proto__"];

/** A record whose own fields are exactly the given names, also `__proto__` (as JSON.parse makes it). */
function recordOf(entries: readonly (readonly [string, string])[]): DataRecord {
  return JSON.parse(`{${entries.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(",")}}`) as DataRecord;
}

describe("field names that are built-in object properties", () => {
  test("a header id,toString,constructor,name renamed and selected keeps every column's own values", async () => {
    const dir = await mkdtemp(join(tmpdir(), "cleanse-field-names-"));
    const source = [recordOf([["id", "1"], ["toString", "t"], ["constructor", "c"], ["name", "Ada"]])];
    const report = await runPipeline({
      source,
      steps: [renameFields({ name: "full_name" }), selectFields(["id", "toString", "constructor", "full_name"])],
      clean: writeCsv(join(dir, "out.csv")),
    });
    expect(report.totals).toMatchObject({ total: 1, clean: 1 });
    expect(await readFile(join(dir, "out.csv"), "utf8")).toBe("id,toString,constructor,full_name\n1,t,c,Ada\n");
  });

  test("select keeps a field called __proto__", async () => {
    const dir = await mkdtemp(join(tmpdir(), "cleanse-field-names-"));
    await runPipeline({
      source: [recordOf([["id", "1"], ["__proto__", "p"], ["name", "Ada"]])],
      steps: [selectFields(["id", "__proto__", "name"])],
      clean: writeCsv(join(dir, "out.csv")),
    });
    const rows = (await collect(readCsv(join(dir, "out.csv")).batches())).flatMap((b) => b.records);
    expect(rows).toHaveLength(1);
    expect(Object.keys(rows[0]!)).toEqual(["id", "__proto__", "name"]);
    expect(Object.getOwnPropertyDescriptor(rows[0], "__proto__")?.value).toBe("p");
  });

  test("required on an absent toString field quarantines the record", async () => {
    const report = await runPipeline({
      source: [{ id: "1" }],
      steps: createRulesStep({ fields: { toString: ["required"] } }, { baseDir: process.cwd() }),
    });
    expect(report.totals).toMatchObject({ total: 1, clean: 0, quarantined: 1 });
  });

  test("property: renaming, selecting and requiring fields named from Object.prototype keeps every value", async () => {
    const names = fc.uniqueArray(fc.constantFrom(...INHERITED, "id", "name"), { minLength: 1, maxLength: 8 });
    await fc.assert(
      fc.asyncProperty(names, fc.array(fc.string({ maxLength: 5 }), { minLength: 8, maxLength: 8 }), async (fields, values) => {
        const entries = fields.map((f, i) => [f, `v${values[i]}`] as const);
        const record = recordOf(entries);
        const kept: DataRecord[] = [];
        const report = await runPipeline({
          source: [record],
          steps: [
            renameFields(Object.fromEntries(fields.map((f) => [f, `x_${f}`]))),
            selectFields(fields.map((f) => `x_${f}`)),
            ...createRulesStep({ fields: Object.fromEntries(fields.map((f) => [`x_${f}`, ["required"]])) }, { baseDir: process.cwd() }),
          ],
          clean: { write: (r) => void kept.push(r), close: async () => {} },
        });
        expect(report.totals).toMatchObject({ total: 1, clean: 1 });
        expect(kept).toHaveLength(1);
        expect(Object.entries(kept[0]!)).toEqual(entries.map(([f, v]) => [`x_${f}`, v]));
        expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: 200 },
    );
  });

  test("reconcile on a key called constructor counts records without it as missing the key, not as one key", async () => {
    const left: DataRecord[] = [{ constructor: "k1", v: "a" }, { v: "b" }, { v: "c" }];
    const right: DataRecord[] = [{ constructor: "k1", v: "a" }, { v: "x" }];
    const report = await reconcile(left, right, { key: "constructor" });
    expect(report.totals).toMatchObject({ left: 3, right: 2, matched: 1, identical: 1, mismatched: 0 });
    expect(report.left.missingKey).toBe(2);
    expect(report.right.missingKey).toBe(1);
  });

  test("golden records keep fields called toString and __proto__ as own values", () => {
    const records = [recordOf([["id", "a"], ["toString", "t1"], ["__proto__", "p1"]]), recordOf([["id", "b"], ["__proto__", ""]])];
    const [golden] = buildGoldenRecords(records, [{ cluster_id: "a", members: ["a", "b"] }]);
    expect(Object.getPrototypeOf(golden!.record)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(golden!.record, "__proto__")?.value).toBe("p1");
    expect(golden!.record.toString).toBe("t1");
  });
});
