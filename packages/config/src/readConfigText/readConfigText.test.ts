import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { readConfigText } from "./readConfigText.ts";

const dir = mkdtempSync(join(tmpdir(), "cleanse-config-text-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, bytes: Uint8Array | string): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

async function refusal(path: string): Promise<{ code: string; message: string; location: unknown }> {
  try {
    await readConfigText(path, { what: "rule file" });
  } catch (error) {
    return error as { code: string; message: string; location: unknown };
  }
  throw new Error("expected a refusal");
}

describe("readConfigText", () => {
  test("reads UTF-8 text, Chinese included, without its byte order mark", async () => {
    expect(await readConfigText(file("ok.yaml", "\ufefffields:\n  姓名: [required]\n"))).toBe("fields:\n  姓名: [required]\n");
  });

  test("refuses a GBK rule file at the line and column of its first byte that is not UTF-8", async () => {
    const error = await refusal(file("gbk.yaml", Buffer.concat([Buffer.from("fields:\n  "), Buffer.from([0xd0, 0xd5, 0xc3, 0xfb]) /* 姓名 in GBK */, Buffer.from(": [required]\n")])));
    expect(error.code).toBe("CLEANSE_CONFIG_ENCODING");
    expect(error.location).toEqual({ file: join(dir, "gbk.yaml"), line: 2, column: 3 });
    expect(error.message).toMatch(/^The rule file is not valid UTF-8: byte 0x[0-9A-F]{2} at byte offset 10 begins no valid character\. Save it as UTF-8/);
  });

  test("refuses a stray byte and a character cut short at the end", async () => {
    const stray = await refusal(file("stray.yaml", Buffer.concat([Buffer.from("a: 1\nb: x"), Buffer.from([0xff]), Buffer.from("y\n")])));
    expect(stray.location).toEqual({ file: join(dir, "stray.yaml"), line: 2, column: 5 });
    const cut = await refusal(file("cut.yaml", Buffer.concat([Buffer.from("name: 张"), Buffer.from("三").subarray(0, 2)])));
    expect(cut.location).toEqual({ file: join(dir, "cut.yaml"), line: 1, column: 8 });
  });

  test("says a missing file is missing", async () => {
    await expect(readConfigText(join(dir, "nope.yaml"), { what: "rule file" })).rejects.toMatchObject({ code: "CLEANSE_FILE_NOT_FOUND", message: `Rule file not found: ${join(dir, "nope.yaml")}` });
  });
});
