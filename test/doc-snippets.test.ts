import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { checkDocSnippets, docFiles, extractSnippets, formatFailure } from "../scripts/check-doc-snippets.mjs";

const root = join(import.meta.dirname, "..");

describe("the TypeScript snippets of the docs and READMEs", () => {
  test("type-check against the sources under the repository's strict settings", () => {
    const result = checkDocSnippets({ root });
    expect(result.checked).toBeGreaterThan(40);
    // Each failure reads `docs/file.md:LINE: message`; run `node scripts/check-doc-snippets.mjs` to see them.
    expect(result.failures.map(formatFailure)).toEqual([]);
  }, 180_000);

  test("are the ts and typescript fences, at their line, unless they opt out with no-check", () => {
    const markdown = [
      "# Title", //                                  1
      "```ts", //                                    2
      "const a = 1;", //                             3
      "```", //                                      4
      "```sh", //                                    5
      "pnpm test", //                                6
      "```", //                                      7
      "- a list item", //                            8
      "  ```typescript", //                          9
      "  const b: number = a;", //                   10
      "  ```", //                                    11
      "```ts no-check", //                           12
      "const c: number = 'c';", //                   13
      "```", //                                      14
      "<!-- no-check -->", //                        15
      "", //                                         16
      "~~~ts", //                                    17
      "throw new Error();", //                       18
      "~~~", //                                      19
      "````md", //                                   20
      "```ts", //                                    21
      "not a snippet: inside another fence", //      22
      "```", //                                      23
      "````", //                                     24
    ].join("\n");
    expect(extractSnippets(markdown, "docs/x.md")).toEqual([
      { file: "docs/x.md", line: 3, code: "const a = 1;\n", skip: false },
      { file: "docs/x.md", line: 10, code: "const b: number = a;\n", skip: false },
      { file: "docs/x.md", line: 13, code: "const c: number = 'c';\n", skip: true },
      { file: "docs/x.md", line: 18, code: "throw new Error();\n", skip: true },
    ]);
  });

  test("come from the root README, every guide and every package README", () => {
    const files = docFiles(root);
    expect(files).toContain("README.md");
    expect(files).toContain("docs/standardize.md");
    expect(files).toContain("docs/1.guide/1.getting-started.md");
    expect(files).toContain("packages/standardize/README.md");
  });
});

describe("package READMEs", () => {
  test("link outside their package with absolute URLs, which also work on the npm page", () => {
    const relative = /\]\(\s*<?\.\.\/|^\s*\[[^\]]+\]:\s*<?\.\.\/|href="\.\.\//;
    const offending = docFiles(root)
      .filter((file) => file.startsWith("packages/"))
      .flatMap((file) =>
        readFileSync(join(root, file), "utf8")
          .split("\n")
          .flatMap((line, i) => (relative.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
      );
    expect(offending).toEqual([]);
  });
});
