// Runs every benchmark script (benchmarks/<package>/<topic>.mjs) one after another and prints one JSON
// document with all their results. Extra arguments are passed to each script (e.g. --full).
// Usage: pnpm bench [--only io,rules] [-- <args for the scripts>]
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..");
const argv = process.argv.slice(2);
const onlyAt = argv.indexOf("--only");
const only = onlyAt >= 0 ? new Set(argv[onlyAt + 1].split(",")) : undefined;
const passAt = argv.indexOf("--");
const pass = passAt >= 0 ? argv.slice(passAt + 1) : [];

if (!existsSync(join(root, "packages", "core", "dist", "index.js"))) {
  console.error("The packages are not built: run `pnpm build` (or `pnpm install`) first.");
  process.exit(2);
}

const scripts = readdirSync(here)
  .filter((d) => statSync(join(here, d)).isDirectory() && d !== "node_modules" && !d.startsWith("."))
  .filter((d) => !only || only.has(d))
  .flatMap((d) =>
    readdirSync(join(here, d))
      .filter((f) => f.endsWith(".mjs") && !f.startsWith("_"))
      .map((f) => join(here, d, f)),
  )
  .sort();

const results = {};
let failed = 0;
for (const script of scripts) {
  const name = relative(here, script);
  process.stderr.write(`running ${name} ...\n`);
  const run = spawnSync(process.execPath, [script, ...pass], { cwd: root, encoding: "utf8", maxBuffer: 64 * 1024 * 1024, stdio: ["ignore", "pipe", "inherit"] });
  if (run.status !== 0) {
    failed++;
    results[name] = { error: `exited with ${run.status}` };
    continue;
  }
  try {
    results[name] = JSON.parse(run.stdout);
  } catch {
    failed++;
    results[name] = { error: "did not print JSON", output: run.stdout.slice(-2000) };
  }
}
console.log(JSON.stringify({ node: process.version, date: new Date().toISOString(), results }, null, 2));
process.exit(failed > 0 ? 1 : 0);
