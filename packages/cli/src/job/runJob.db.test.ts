import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { collect } from "@cleanse/core";
import { openDbSource } from "@cleanse/db";
import { describe, expect, test } from "vitest";
import { loadJob } from "./loadJob.ts";
import { runJob } from "./runJob.ts";

describe("runJob with a database and an incremental watermark", () => {
  test("writes to SQLite and, on the next run, processes only records past the stored watermark", async () => {
    const dir = await mkdtemp(join(tmpdir(), "cleanse-job-db-"));
    await writeFile(join(dir, "customers.csv"), "id,name,updated_at\n1,Ann,2024-01-01T00:00:00Z\n2,Bob,2024-01-02T00:00:00Z\n");
    await writeFile(
      join(dir, "job.yaml"),
      [
        "name: nightly",
        "source: customers.csv",
        "incremental: { state: state/nightly.json, watermark: updated_at }",
        "outputs:",
        "  clean: { sqlite: { path: crm.db, table: customers, mode: upsert, key: id } }",
        "",
      ].join("\n"),
    );
    const first = await runJob(await loadJob(join(dir, "job.yaml")));
    expect(first.totals).toEqual({ total: 2, clean: 2, quarantined: 0, merged: 0 });

    await writeFile(
      join(dir, "customers.csv"),
      "id,name,updated_at\n1,Ann,2024-01-01T00:00:00Z\n2,Bobby,2024-01-03T00:00:00Z\n3,Cy,2024-01-04T00:00:00Z\n",
    );
    const second = await runJob(await loadJob(join(dir, "job.yaml")));
    expect(second.totals).toEqual({ total: 2, clean: 2, quarantined: 0, merged: 0 });

    const rows = (await collect(openDbSource({ sqlite: { path: join(dir, "crm.db"), table: "customers" } }).batches()))
      .flatMap((b) => b.records)
      .map((r) => [r.id, r.name])
      .sort();
    expect(rows).toEqual([["1", "Ann"], ["2", "Bobby"], ["3", "Cy"]]);
    const state = JSON.parse(await readFile(join(dir, "state/nightly.json"), "utf8"));
    expect(JSON.stringify(state)).toContain("2024-01-04");
  });
});
