import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isCleanseError } from "@cleanse/core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { readConfigFile } from "../readConfigFile/readConfigFile.ts";
import { parseConfigText } from "./parseConfigText.ts";

/** "Billion laughs": nine anchors, each a list of nine aliases of the one before, expand to 9^9 strings. */
function aliasBomb(key = "fields"): string {
  const lines = [`${key}:`, '  a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
  const names = "abcdefghi";
  for (let i = 1; i < names.length; i++) lines.push(`  ${names[i]}: &${names[i]} [${Array(9).fill(`*${names[i - 1]}`).join(", ")}]`);
  return `${lines.join("\n")}\n`;
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "cleanse-config-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error("expected an error");
}

describe("parseConfigText", () => {
  test("keeps the line and column of every value", () => {
    const doc = parseConfigText("a:\n  b: [1, 2]\n", { file: "job.yaml" });
    expect(doc.value).toEqual({ a: { b: [1, 2] } });
    expect(doc.locate(["a", "b", 1])).toEqual({ file: "job.yaml", line: 2, column: 10 });
  });

  test("a billion-laughs alias bomb is a configuration error at the alias that expands most, not a crash", () => {
    const error = thrown(() => parseConfigText(aliasBomb(), { file: "rules/customers.yaml" }));
    expect(isCleanseError(error)).toBe(true);
    expect(error).toMatchObject({ name: "ConfigError", code: "CLEANSE_CONFIG_ALIASES", location: { file: "rules/customers.yaml", line: 10, column: 10 } });
    expect((error as Error).message).toMatchInlineSnapshot(
      `"Cannot parse rules/customers.yaml: rules/customers.yaml:10:10: the alias *h expands to 48,427,561 values; aliases that refer to aliases can make a small file take gigabytes (a "billion laughs"). Write the values out, or use fewer nested aliases."`,
    );
  });

  test("keeps plain aliases working", () => {
    const doc = parseConfigText("base: &base { severity: warning }\nfields:\n  email: [{ email: *base }]\n", { file: "rules.yaml" });
    expect(doc.value).toEqual({ base: { severity: "warning" }, fields: { email: [{ email: { severity: "warning" } }] } });
  });

  test("an alias to an anchor defined later is a syntax error with its location", () => {
    const error = thrown(() => parseConfigText("a: *missing\nb: &missing 1\n", { file: "job.yaml" }));
    expect(error).toMatchObject({ name: "ConfigError", location: { file: "job.yaml", line: 1 } });
  });
});

describe("readConfigFile", () => {
  test("reads a job file with an alias bomb as a configuration error naming the file and the line", async () => {
    const file = join(dir, "job.yaml");
    await writeFile(file, `name: bomb\n${aliasBomb("vars")}`);
    await expect(readConfigFile(file)).rejects.toMatchObject({ name: "ConfigError", code: "CLEANSE_CONFIG_ALIASES", location: { file, line: 11 } });
  });
});
