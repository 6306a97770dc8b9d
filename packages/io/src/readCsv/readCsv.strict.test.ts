// readCsv where generating code from strings is forbidden (a strict content security policy, or Node's
// --disallow-code-generation-from-strings): it must read the file without trying to.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";

const dir = mkdtempSync(join(tmpdir(), "cleanse-io-strict-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const child = join(import.meta.dirname, "..", "_testing", "readCsvChild.ts");
const register = join(import.meta.dirname, "..", "..", "..", "..", "test", "db-ts-register.mjs");

describe("readCsv without code generation", () => {
  test("reads fields named __proto__, toString and constructor as own fields, and generates no code", () => {
    const file = join(dir, "names.csv");
    writeFileSync(file, "__proto__,toString,constructor,id\np1,t1,c1,1\np2,t2,c2,2\n");
    const out = spawnSync(process.execPath, ["--disallow-code-generation-from-strings", "--conditions=@cleanse/source", "--import", register, child, file], {
      encoding: "utf8",
    });
    expect(out.stderr).toBe("");
    expect(out.status).toBe(0);
    const ownKeys = ["__proto__", "toString", "constructor", "id"];
    expect(JSON.parse(out.stdout)).toEqual({
      attempts: 0,
      records: [
        { entries: [["__proto__", "p1"], ["toString", "t1"], ["constructor", "c1"], ["id", "1"]], ownKeys, plainPrototype: true },
        { entries: [["__proto__", "p2"], ["toString", "t2"], ["constructor", "c2"], ["id", "2"]], ownKeys, plainPrototype: true },
      ],
    });
  });
});
