// Builds every workspace package (tsc -b follows project references in dependency order).
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const projects = readdirSync(join(root, "packages"))
  .filter((name) => existsSync(join(root, "packages", name, "src", "index.ts")))
  .map((name) => join("packages", name, "tsconfig.build.json"));
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
const result = spawnSync(process.execPath, [tsc, "-b", ...projects, ...process.argv.slice(2)], { cwd: root, stdio: "inherit" });
process.exit(result.status ?? 1);
