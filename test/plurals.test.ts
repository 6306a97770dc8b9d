import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";

const root = join(import.meta.dirname, "..");

// An interpolation, then (maybe after more words or interpolations of the same literal) a word with "(s)":
// `${n} record(s)`, `${n} ${side} record(s)`. Counts go through `plural` from @cleanse/core instead.
const COUNT_WITH_S = /\$\{[^{}]*\}(?:\s+(?:\$\{[^{}]*\}|[\w-]+))*?\s+[A-Za-z]+\(s\)/;

/** Every `packages/<name>/src/**.ts` file that is not a test, relative to the root. */
function sourceFiles(): string[] {
  const files: string[] = [];
  for (const pkg of readdirSync(join(root, "packages"), { withFileTypes: true })) {
    if (!pkg.isDirectory()) continue;
    const src = join("packages", pkg.name, "src");
    let entries: string[];
    try {
      entries = readdirSync(join(root, src), { recursive: true, encoding: "utf8" });
    } catch {
      continue;
    }
    for (const entry of entries) if (/\.ts$/.test(entry) && !/\.test(-d)?\.ts$/.test(entry)) files.push(join(src, entry));
  }
  return files.sort();
}

/** `file:line: text` of each line whose literal counts something with "(s)". */
function countsWithS(file: string, text: string): string[] {
  return text.split("\n").flatMap((line, i) => (COUNT_WITH_S.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : []));
}

describe("pluralised counts", () => {
  test("the check finds a count followed by a word with (s), and nothing else", () => {
    expect(countsWithS("a.ts", "warn(`${n} record(s) have no id`);\nwarn(`${n} ${side} record(s) left`);")).toEqual([
      "a.ts:1: warn(`${n} record(s) have no id`);",
      "a.ts:2: warn(`${n} ${side} record(s) left`);",
    ]);
    expect(countsWithS("a.ts", 'f((s) => s.trim());\nconst d = "key field(s), comma-separated";\nwarn(`${plural(n, "record")} left`);')).toEqual([]);
  });

  test('no message in packages/*/src prints a count with a noun in "(s)"', () => {
    const files = sourceFiles();
    expect(files.length).toBeGreaterThan(100);
    const offending = files.flatMap((file) => countsWithS(file, readFileSync(join(root, file), "utf8")));
    expect(offending, `Use plural() from @cleanse/core for these counts:\n${offending.join("\n")}`).toEqual([]);
  });
});
