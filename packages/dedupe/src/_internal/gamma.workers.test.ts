import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import ts from "typescript";
import { afterAll, describe, expect, test } from "vitest";
import type { ComparisonConfig } from "../config/dedupeConfigSchema.ts";
import { computeGamma, type GammaInput } from "./gamma.ts";

// Worker threads run compiled JavaScript, so this test transpiles the sources into a temporary folder
// inside the package (where its dependencies resolve) and runs the comparisons there. The workspace packages
// the comparisons import (@cleanse/values and @cleanse/core) are transpiled beside them, since this process
// resolves those packages to their TypeScript sources.
const src = join(dirname(fileURLToPath(import.meta.url)), "..");
const packages = join(src, "..", "..");
const out = mkdtempSync(join(src, "..", ".worker-test-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));

function transpileAll(from: string, to: string): void {
  for (const name of readdirSync(from)) {
    const path = join(from, name);
    if (statSync(path).isDirectory()) {
      if (name !== "_testing") transpileAll(path, join(to, name));
      continue;
    }
    if (!name.endsWith(".ts") || name.endsWith(".test.ts") || name.endsWith(".test-d.ts")) continue;
    const js = ts.transpileModule(readFileSync(path, "utf8"), {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, rewriteRelativeImportExtensions: true, verbatimModuleSyntax: true },
    }).outputText;
    const target = join(to, relative(from, path)).replace(/\.ts$/, ".js");
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, js);
  }
}

/** Transpiles a workspace package into out/node_modules/@cleanse/<name>, its third-party dependencies linked. */
function transpilePackage(name: string): void {
  const home = join(packages, name);
  const target = join(out, "node_modules", "@cleanse", name);
  transpileAll(join(home, "src"), join(target, "src"));
  writeFileSync(join(target, "package.json"), JSON.stringify({ name: `@cleanse/${name}`, type: "module", exports: { ".": "./src/index.js" } }));
  const manifest = JSON.parse(readFileSync(join(home, "package.json"), "utf8")) as { dependencies?: Record<string, string> };
  for (const dep of Object.keys(manifest.dependencies ?? {})) {
    if (dep.startsWith("@cleanse/")) continue;
    const link = join(target, "node_modules", dep);
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync(join(home, "node_modules", dep), link, "dir");
  }
}

describe("computeGamma in worker threads", () => {
  test("gives the same comparison vectors as the calling thread", async () => {
    transpileAll(src, out);
    transpilePackage("core");
    transpilePackage("values");
    writeFileSync(join(out, "package.json"), '{ "type": "module" }');
    const compiled = (await import(pathToFileURL(join(out, "_internal", "gamma.js")).href)) as typeof import("./gamma.ts");
    const names = ["alpha", "beta", "gamma", "delta", "epsilon"];
    const n = 400;
    const configs: ComparisonConfig[] = [
      { field: "name", type: "jaroWinkler" },
      { field: "dob", type: "date" },
      { field: "phone", type: "phone" },
    ];
    const input: GammaInput = {
      configs,
      names: ["name", "dob", "phone"],
      nullValues: undefined,
      texts: [
        Array.from({ length: n }, (_, i) => (i % 17 === 0 ? null : `${names[i % 5]} ${names[(i * 7) % 5]}${i % 3}`)),
        Array.from({ length: n }, (_, i) => `19${50 + (i % 40)}-0${1 + (i % 9)}-1${i % 10}`),
        Array.from({ length: n }, (_, i) => `04${String(10_000_000 + ((i * 37) % 500)).padStart(8, "0")}`),
      ],
      n,
    };
    const codes: number[] = [];
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j += 3) codes.push(i * n + j);
    const pairs = Float64Array.from(codes);
    const inThread = await computeGamma(input, pairs, { workers: 0 });
    const threaded = await compiled.computeGamma(input, pairs, { workers: 2 });
    expect(threaded.workers).toBe(2);
    const one = await compiled.computeGamma(input, pairs, { workers: 1 });
    expect(Buffer.from(one.gamma).equals(Buffer.from(inThread.gamma))).toBe(true);
    expect(compiled.plannedWorkers(1_000_000, "auto")).toBe(Math.min(2, availableParallelism()) - 1);
    expect(compiled.plannedWorkers(1_000, "auto")).toBe(0);
    expect(Buffer.from(threaded.gamma).equals(Buffer.from(inThread.gamma))).toBe(true);
    // Progress adds up the pairs every thread has compared, never going back, and ends at every pair.
    const counts: number[] = [];
    const reported = await compiled.computeGamma(input, pairs, { workers: 2, onProgress: (done) => counts.push(done) });
    expect(Buffer.from(reported.gamma).equals(Buffer.from(inThread.gamma))).toBe(true);
    expect(counts.length).toBeGreaterThan(1);
    expect(counts.every((c, i) => c >= (counts[i - 1] ?? 0) && c <= pairs.length)).toBe(true);
    expect(counts.at(-1)).toBe(pairs.length);
  });
});
