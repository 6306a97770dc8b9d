import { ConfigError } from "@cleanse/core";
import { describe, expect, test } from "vitest";
import { checkOutputPaths, findOutputCollisions, type PathClaim } from "./checkOutputPaths.ts";

const claim = (label: string, path: string, kind: PathClaim["kind"] = "output", order?: number): PathClaim => ({
  path,
  label,
  kind,
  ...(order === undefined ? {} : { order }),
  error: (message) => new ConfigError(message, { code: "CLEANSE_OUTPUT_COLLISION" }),
});

describe("findOutputCollisions", () => {
  test("finds every output on a file an earlier output writes, then every source an output replaces", () => {
    const claims = [claim("source", "/d/in.csv", "source", 0), claim("--clean", "/d/o.csv"), claim("--quarantine", "/d/o.csv"), claim("--merged", "/d/in.csv"), claim("--report", "/d/./o.csv")];
    expect(findOutputCollisions(claims).map((c) => [c.claim.label, c.message])).toEqual([
      ["--quarantine", "--quarantine writes /d/o.csv, which --clean writes too; each output needs a path of its own, or the run would lose records"],
      ["--report", "--report writes /d/./o.csv, which --clean writes too; each output needs a path of its own, or the run would lose records"],
      ["source", "source reads /d/in.csv, which --merged replaces; write the output somewhere else"],
    ]);
  });

  test("lets a later dataset read what an earlier one writes", () => {
    expect(findOutputCollisions([claim("datasets[0].outputs.clean", "/d/a.csv", "output", 0), claim("datasets[1].source", "/d/a.csv", "source", 1)])).toEqual([]);
  });
});

describe("checkOutputPaths", () => {
  test("throws the first collision, built by its claim", () => {
    expect(() => checkOutputPaths([claim("--clean", "/d/o.csv"), claim("--quarantine", "/d/o.csv"), claim("--merged", "/d/o.csv")])).toThrow(
      /^--quarantine writes \/d\/o\.csv, which --clean writes too/,
    );
    expect(() => checkOutputPaths([claim("--clean", "/d/a.csv"), claim("--quarantine", "/d/b.csv")])).not.toThrow();
  });
});
