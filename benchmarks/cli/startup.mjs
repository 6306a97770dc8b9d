// Start-up of the `cleanse` command beside a bare `node -e 0`, run alternately so that both see the same machine.
// Target: `cleanse --help` and `cleanse validate` of a 10-row file within 2x the time of `node -e 0` plus 150 ms.
// Prints one JSON object: median wall times (ms), their spread, the target per case and whether it is met, and
// the ratio to the same command run from the separate packages instead of the bundle.
// Usage: node benchmarks/cli/startup.mjs [--runs 15]
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { flag } from "../_lib.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const bin = join(root, "packages", "cli", "bin", "cleanse.js");
const runs = Number(flag("runs", "15"));
const dir = mkdtempSync(join(tmpdir(), "cleanse-startup-"));
writeFileSync(join(dir, "rules.yaml"), "fields:\n  id: [required, unique, integer]\n  email: [required, email]\n");
writeFileSync(join(dir, "ten.csv"), `id,email\n${Array.from({ length: 10 }, (_, i) => `${i + 1},user${i + 1}@example.com`).join("\n")}\n`);

// The same command run from the separate packages' dist instead of the bundle bin/ runs, for comparison.
const unbundled = `import { main } from ${JSON.stringify(pathToFileURL(join(root, "packages", "cli", "dist", "main", "main.js")).href)};
process.exitCode = await main(process.argv.slice(1));`;
const validateArgs = ["validate", "ten.csv", "--rules", "rules.yaml", "--quiet"];
const cases = {
  node: [process.execPath, ["-e", "0"]],
  help: [process.execPath, [bin, "--help"]],
  validate: [process.execPath, [bin, ...validateArgs]],
  helpUnbundled: [process.execPath, ["--input-type=module", "-e", unbundled, "--help"]],
  validateUnbundled: [process.execPath, ["--input-type=module", "-e", unbundled, ...validateArgs]],
};

function time([command, args]) {
  const start = process.hrtime.bigint();
  const run = spawnSync(command, args, { cwd: dir, encoding: "utf8" });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (run.status !== 0) throw new Error(`${args.join(" ")} exited with ${run.status}: ${run.stderr}`);
  return ms;
}

const samples = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
for (const c of Object.values(cases)) time(c); // warm the file system cache
for (let i = 0; i < runs; i++) for (const [name, c] of Object.entries(cases)) samples[name].push(time(c));
rmSync(dir, { recursive: true, force: true });

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};
const spread = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return [s[Math.floor(s.length * 0.1)], s[Math.ceil(s.length * 0.9) - 1]];
};
const node = median(samples.node);
const target = 2 * node + 150;
const out = { runs, node: { medianMs: Math.round(node), spreadMs: spread(samples.node).map(Math.round) }, targetMs: Math.round(target) };
for (const name of ["help", "validate"]) {
  const m = median(samples[name]);
  const separate = median(samples[`${name}Unbundled`]);
  out[name] = {
    medianMs: Math.round(m),
    spreadMs: spread(samples[name]).map(Math.round),
    ratioToNode: Number((m / node).toFixed(2)),
    met: m <= target,
    // from the separate packages instead of the bundle
    unbundledMedianMs: Math.round(separate),
    ratioToUnbundled: Number((m / separate).toFixed(2)),
  };
}
console.log(JSON.stringify(out, null, 2));
