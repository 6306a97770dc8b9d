// Module hooks that compile .ts files with TypeScript's transpileModule (types removed, nothing checked),
// caching the output in the temp folder so repeated child processes start quickly.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const cacheDir = join(tmpdir(), "cleanse-ts-cache");
mkdirSync(cacheDir, { recursive: true });
let ts;

export async function load(url, context, nextLoad) {
  if (!url.startsWith("file:") || !url.endsWith(".ts")) return nextLoad(url, context);
  const file = fileURLToPath(url);
  const source = await readFile(file, "utf8");
  const cached = join(cacheDir, `${createHash("sha256").update(file).update("\0").update(source).digest("hex")}.mjs`);
  try {
    return { format: "module", source: readFileSync(cached, "utf8"), shortCircuit: true };
  } catch {
    // not cached yet
  }
  ts ??= (await import("typescript")).default;
  const output = ts.transpileModule(source, {
    fileName: file,
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true, sourceMap: false, inlineSourceMap: false },
  }).outputText;
  writeFileSync(cached, output);
  return { format: "module", source: output, shortCircuit: true };
}
