import { lstat, mkdir, mkdtemp, readFile, readdir, readlink, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createOutputSet, RUNS_FOLDER } from "./createOutputSet.ts";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "cleanse-set-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function publishSet(files: Record<string, string>, name = "job"): Promise<void> {
  const paths = Object.keys(files).map((f) => join(dir, f));
  const set = await createOutputSet(paths, { name });
  for (const [f, text] of Object.entries(files)) {
    const staged = set.stage(join(dir, f));
    await mkdir(join(staged, ".."), { recursive: true });
    await writeFile(staged, text);
  }
  await set.publish();
}

const read = (f: string) => readFile(join(dir, f), "utf8");

describe("createOutputSet", () => {
  it("shows nothing at the final paths until publish, then the whole set", async () => {
    const set = await createOutputSet([join(dir, "out/a.csv"), join(dir, "out/b.json")], { name: "job" });
    await mkdir(join(set.stage(join(dir, "out/a.csv")), ".."), { recursive: true });
    await writeFile(set.stage(join(dir, "out/a.csv")), "a1");
    await writeFile(set.stage(join(dir, "out/b.json")), "b1");
    await expect(read("out/a.csv")).rejects.toThrow();
    expect(await set.publish()).toEqual({ atomic: true });
    expect([await read("out/a.csv"), await read("out/b.json")]).toEqual(["a1", "b1"]);
    expect((await lstat(join(dir, "out/a.csv"))).isSymbolicLink()).toBe(true);
  });

  it("switches a second run's set with one rename and removes runs older than the previous one", async () => {
    await publishSet({ "out/a.csv": "a1", "report.json": "r1" });
    await publishSet({ "out/a.csv": "a2", "report.json": "r2" });
    await publishSet({ "out/a.csv": "a3", "report.json": "r3" });
    expect([await read("out/a.csv"), await read("report.json")]).toEqual(["a3", "r3"]);
    const runs = (await readdir(join(dir, RUNS_FOLDER, "job"))).filter((n) => n.startsWith("run-"));
    expect(runs).toHaveLength(2);
  });

  it("keeps the previous set when the run is discarded", async () => {
    await publishSet({ "a.csv": "a1", "b.csv": "b1" });
    const set = await createOutputSet([join(dir, "a.csv"), join(dir, "b.csv")], { name: "job" });
    await writeFile(set.stage(join(dir, "a.csv")), "a2");
    await set.discard();
    expect([await read("a.csv"), await read("b.csv")]).toEqual(["a1", "b1"]);
    const runs = (await readdir(join(dir, RUNS_FOLDER, "job"))).filter((n) => n.startsWith("run-"));
    expect(runs).toHaveLength(1);
  });

  it("turns existing output files into links that still show them, then publishes", async () => {
    await writeFile(join(dir, "a.csv"), "old a");
    await writeFile(join(dir, "b.csv"), "old b");
    await publishSet({ "a.csv": "new a", "b.csv": "new b" });
    expect([await read("a.csv"), await read("b.csv")]).toEqual(["new a", "new b"]);
    const base = (await readdir(join(dir, RUNS_FOLDER, "job"))).find((n) => n.startsWith("run-base-"))!;
    expect(await readFile(join(dir, RUNS_FOLDER, "job", base, "a.csv"), "utf8")).toBe("old a");
  });

  it("replaces a file saved over a link by hand, and a link of someone else's", async () => {
    await publishSet({ "a.csv": "a1", "b.csv": "b1" });
    await rm(join(dir, "a.csv"));
    await writeFile(join(dir, "a.csv"), "edited by hand");
    await writeFile(join(dir, "elsewhere.csv"), "x");
    await rm(join(dir, "b.csv"));
    await symlink(join(dir, "elsewhere.csv"), join(dir, "b.csv"));
    await publishSet({ "a.csv": "a2", "b.csv": "b2" });
    expect([await read("a.csv"), await read("b.csv"), await read("elsewhere.csv")]).toEqual(["a2", "b2", "x"]);
  });

  it("removes the link of an output the new set no longer has", async () => {
    await publishSet({ "a.csv": "a1", "b.csv": "b1" });
    await publishSet({ "a.csv": "a2" });
    await expect(lstat(join(dir, "b.csv"))).rejects.toThrow();
  });

  it("refuses two paths that are one file", async () => {
    await expect(createOutputSet([join(dir, "out/a.csv"), join(dir, "out/../out/a.csv")], { name: "job" })).rejects.toMatchObject({
      code: "CLEANSE_OUTPUT_COLLISION",
    });
  });

  it("refuses a second live run of the same set and takes over a dead one's lock", async () => {
    const first = await createOutputSet([join(dir, "a.csv")], { name: "job" });
    await expect(createOutputSet([join(dir, "a.csv")], { name: "job" })).rejects.toMatchObject({ code: "CLEANSE_RUN_IN_PROGRESS" });
    await first.discard();
    await mkdir(join(dir, RUNS_FOLDER, "job"), { recursive: true });
    // A lock held by a live process other than this one.
    await writeFile(join(dir, RUNS_FOLDER, "job", "lock"), `${process.ppid}\n`);
    await expect(createOutputSet([join(dir, "a.csv")], { name: "job" })).rejects.toMatchObject({ code: "CLEANSE_RUN_IN_PROGRESS" });
    // A lock whose process is gone, with the staged files it left.
    await writeFile(join(dir, RUNS_FOLDER, "job", "lock"), "999999999\n");
    await mkdir(join(dir, RUNS_FOLDER, "job", "run-dead"));
    const set = await createOutputSet([join(dir, "a.csv")], { name: "job" });
    expect(await readdir(join(dir, RUNS_FOLDER, "job"))).not.toContain("run-dead");
    await set.discard();
  });

  it("keeps separate sets for two names in one folder", async () => {
    await publishSet({ "a.csv": "a1" }, "one");
    await publishSet({ "b.csv": "b1" }, "two");
    await publishSet({ "b.csv": "b2" }, "two");
    expect([await read("a.csv"), await read("b.csv")]).toEqual(["a1", "b2"]);
    expect(await readlink(join(dir, "a.csv"))).toBe(join(RUNS_FOLDER, "one", "current", "a.csv"));
  });
});
