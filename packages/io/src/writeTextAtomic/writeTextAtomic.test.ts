import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { writeTextAtomic } from "./writeTextAtomic.ts";

describe("writeTextAtomic", () => {
  test("writes the text, creating folders, and leaves no temporary file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "cleanse-text-"));
    await writeTextAtomic(join(dir, "a", "report.json"), '{"ok":true}\n');
    expect(readFileSync(join(dir, "a", "report.json"), "utf8")).toBe('{"ok":true}\n');
    expect(readdirSync(join(dir, "a"))).toEqual(["report.json"]);
  });

  test("keeps the previous file when the write fails", async () => {
    const dir = mkdtempSync(join(tmpdir(), "cleanse-text-"));
    writeFileSync(join(dir, "blocker"), "");
    await expect(writeTextAtomic(join(dir, "blocker", "x.json"), "{}")).rejects.toMatchObject({ code: "CLEANSE_IO" });
    expect(readFileSync(join(dir, "blocker"), "utf8")).toBe("");
  });
});
