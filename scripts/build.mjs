// Builds every workspace package (tsc -b follows project references in dependency order). Each dist holds
// exactly the compiled sources of its package's tsconfig.build.json: before the build, a package whose
// outputs are missing (dist deleted) loses its build info, which lives outside dist, so that tsc -b does not
// take it for up to date; after the build, files no source produces any more (renamed, deleted or excluded
// sources) are removed. Then the cleanse command is bundled into packages/cli/dist/bundle.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const ts = require("typescript");
const projects = readdirSync(join(root, "packages"))
  .filter((name) => existsSync(join(root, "packages", name, "src", "index.ts")))
  .map((name) => join("packages", name, "tsconfig.build.json"));
const layouts = projects.map((project) => outputLayout(join(root, project))).filter((layout) => layout !== undefined);
for (const { outputs, buildInfo } of layouts) {
  if (buildInfo !== undefined && [...outputs].some((file) => !existsSync(file))) rmSync(buildInfo, { force: true });
}
const tsc = require.resolve("typescript/bin/tsc");
const result = spawnSync(process.execPath, [tsc, "-b", ...projects, ...process.argv.slice(2)], { cwd: root, stdio: "inherit" });
for (const { outDir, outputs } of layouts) pruneOutputs(outDir, outputs);
if (result.status !== 0) process.exit(result.status ?? 1);
// The cleanse command runs from one bundle of the built packages (see bundleCli.mjs).
const bundled = spawnSync(process.execPath, [join(root, "scripts", "bundleCli.mjs")], { cwd: root, stdio: "inherit" });
process.exit(bundled.status ?? 1);

/** The project's outDir, the files its sources compile to, and its build info file. */
function outputLayout(configPath) {
  const config = ts.getParsedCommandLineOfConfigFile(configPath, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
  const { outDir, rootDir, sourceMap, declarationMap, tsBuildInfoFile } = config?.options ?? {};
  if (config === undefined || outDir === undefined || rootDir === undefined) return undefined;
  const outputs = new Set();
  for (const file of config.fileNames) {
    if (/\.d\.[cm]?ts$/.test(file)) continue;
    const out = join(outDir, relative(rootDir, file));
    const ext = /\.([cm]?)ts$/.exec(out);
    if (ext === null) {
      outputs.add(out);
      continue;
    }
    const stem = out.slice(0, ext.index);
    const m = ext[1];
    outputs.add(`${stem}.${m}js`).add(`${stem}.d.${m}ts`);
    if (sourceMap) outputs.add(`${stem}.${m}js.map`);
    if (declarationMap) outputs.add(`${stem}.d.${m}ts.map`);
  }
  return { outDir, outputs, buildInfo: tsBuildInfoFile };
}

/** Deletes every file in outDir that is not one of the outputs, then the folders left empty. */
function pruneOutputs(outDir, outputs) {
  if (!existsSync(outDir)) return;
  const entries = readdirSync(outDir, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    const path = join(entry.parentPath, entry.name);
    if (entry.isFile() && !outputs.has(path)) rmSync(path);
  }
  const dirs = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort((a, b) => b.length - a.length);
  for (const dir of dirs) if (readdirSync(dir).length === 0) rmSync(dir, { recursive: true });
}
