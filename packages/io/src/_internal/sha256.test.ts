import { createHash } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { hashFileInWorker, startSha256 } from "./sha256.ts";

const dir = mkdtempSync(join(tmpdir(), "cleanse-io-sha-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("sha256", () => {
  const content = Buffer.from("id,name\n1,张伟\n".repeat(200000));
  const expected = createHash("sha256").update(content).digest("hex");

  test("hashes a file on a worker thread, reading it on its own", async () => {
    const file = join(dir, "a.csv");
    writeFileSync(file, content);
    const hash = hashFileInWorker(file);
    expect(await hash?.result()).toEqual({ hex: expected, bytes: content.length });
  });

  test("resolves to undefined when the worker cannot read the file", async () => {
    expect(await hashFileInWorker(join(dir, "missing.csv"))?.result()).toBeUndefined();
  });

  test("hashes chunks on the calling thread", () => {
    const hash = startSha256();
    hash.update(content.subarray(0, 1000));
    hash.update(content.subarray(1000));
    expect(hash.digest()).toBe(expected);
  });
});
