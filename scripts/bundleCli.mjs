// Bundles the cleanse command into packages/cli/dist/bundle after the packages are built: the command then loads
// a few dozen files instead of several hundred, which is most of its start-up time. The workspace's own code and
// the packages in INLINED go into the bundle; every other package stays an import, and must be a dependency of
// @cleanse/cli so that it resolves from the bundle's folder (the build fails naming the one that is not).
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { builtinModules } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { rolldown } from "rolldown";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const cli = join(root, "packages", "cli");
const manifest = JSON.parse(readFileSync(join(cli, "package.json"), "utf8"));
const dependencies = new Set(Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies }));
const builtins = new Set(builtinModules);

/** The package a bare import names: `date-fns/parse` -> `date-fns`, `@scope/x/y` -> `@scope/x`. */
function packageOf(id) {
  const parts = id.split("/");
  return id.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
}

// Pure ES-module packages that every command loads, made of many small files (zod alone is 95): bundled too.
const INLINED = new Set(["zod", "yaml"]);

const missing = new Set();
function external(id) {
  if (id.startsWith("node:") || builtins.has(id)) return true;
  if (id.startsWith(".") || id.startsWith("/") || id.startsWith("\0")) return false;
  const name = packageOf(id);
  if (name.startsWith("@cleanse/") || INLINED.has(name)) return false;
  if (!dependencies.has(name)) missing.add(name);
  return true;
}

const out = join(cli, "dist", "bundle");
rmSync(out, { recursive: true, force: true });
const bundle = await rolldown({
  input: {
    cleanse: join(cli, "dist", "main", "main.js"),
    // dedupe starts its comparison workers from this file, next to the code that starts them
    compareWorker: join(root, "packages", "dedupe", "dist", "_internal", "compareWorker.js"),
  },
  external,
  platform: "node",
  logLevel: "warn",
});
await bundle.write({ dir: out, format: "esm", entryFileNames: "[name].js", chunkFileNames: "[name]-[hash].js" });
await bundle.close();
// Packages loaded lazily through createRequire resolve from the bundle's folder too.
for (const file of readdirSync(out)) {
  for (const [, id] of readFileSync(join(out, file), "utf8").matchAll(/\brequire\("([^".][^"]*)"\)/g)) {
    if (id.startsWith("node:") || builtins.has(id)) continue;
    if (!dependencies.has(packageOf(id))) missing.add(packageOf(id));
  }
}
if (missing.size > 0) {
  rmSync(out, { recursive: true, force: true });
  console.error(`bundleCli: the cleanse command imports packages that @cleanse/cli does not list as dependencies: ${[...missing].sort().join(", ")}`);
  process.exit(1);
}
