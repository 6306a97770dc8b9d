import { execFile } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

// Packs every package as `pnpm publish` would, checks what the tarballs hold, then installs them into a
// project outside the workspace, type-checks it and runs it there, as a user of the npm packages would.
const run = promisify(execFile);
const root = join(import.meta.dirname, "..");
const repository = "https://github.com/cleanse-data/cleanse";

interface Manifest {
  name: string;
  version: string;
  private?: boolean;
  files?: string[];
  exports?: unknown;
  bin?: Record<string, string>;
  publishConfig?: Record<string, unknown>;
  repository?: { type: string; url: string; directory?: string };
  homepage?: string;
  bugs?: { url: string };
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  optionalDependencies?: Record<string, string>;
}

interface Packed {
  dir: string;
  tarball: string;
  files: string[];
  manifest: Manifest;
  readme: string;
}

const packageDirs = readdirSync(join(root, "packages")).filter((name) => {
  const file = join(root, "packages", name, "package.json");
  return existsSync(file) && (JSON.parse(readFileSync(file, "utf8")) as Manifest).private !== true;
});
const packed = new Map<string, Packed>();
let work: string;
/** Node.js 22.13 and 23.4 brought node:sqlite without a flag; with it, SQLite needs no package. */
const [major = 0, minor = 0] = process.versions.node.split(".").map(Number);
const hasNodeSqlite = major >= 24 || (major === 23 && minor >= 4) || (major === 22 && minor >= 13);

/**
 * The environment for npm, pnpm and node children, without the settings the running package manager exported:
 * pnpm's NODE_PATH would let the consumer resolve packages from the workspace.
 */
function childEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(npm_|NODE_PATH$)/i.test(key)));
}

async function extract(tarball: string, file: string): Promise<string> {
  const { stdout } = await run("tar", ["-xzOf", tarball, `package/${file}`], { maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "cleanse-pack-"));
  // `tsc -b` is incremental: this costs a few seconds when dist is current. Type errors are the type
  // check's business; what matters here is that every package has its compiled entry point.
  await run(process.execPath, [join(root, "scripts", "build.mjs")], { cwd: root }).catch(() => undefined);
  const tarballs = join(work, "tarballs");
  await mkdir(tarballs);
  await Promise.all(
    packageDirs.map(async (dir) => {
      const { stdout } = await run("pnpm", ["pack", "--json", "--pack-destination", tarballs], {
        cwd: join(root, "packages", dir),
        env: childEnv(),
        maxBuffer: 16 * 1024 * 1024,
      });
      const { filename } = JSON.parse(stdout) as { filename: string };
      const { stdout: list } = await run("tar", ["-tzf", filename], { maxBuffer: 16 * 1024 * 1024 });
      const files = list
        .split("\n")
        .filter((line) => line !== "" && !line.endsWith("/"))
        .map((line) => line.replace(/^package\//, ""))
        .sort();
      const manifest = JSON.parse(await extract(filename, "package.json")) as Manifest;
      packed.set(dir, { dir, tarball: filename, files, manifest, readme: await extract(filename, "README.md") });
    }),
  );
}, 240_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

function get(dir: string): Packed {
  const p = packed.get(dir);
  if (p === undefined) throw new Error(`${dir} was not packed`);
  return p;
}

/** Every file path an `exports` value points at. */
function exportTargets(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (value === null || typeof value !== "object") return [];
  return Object.values(value).flatMap(exportTargets);
}

describe("the packed packages", () => {
  test.each(packageDirs)("%s holds its manifest, README, LICENSE, JavaScript and declarations, and nothing else", (dir) => {
    const { files, manifest } = get(dir);
    expect(files).toEqual(expect.arrayContaining(["package.json", "README.md", "LICENSE", "dist/index.js", "dist/index.d.ts"]));
    // Besides dist, a package may ship its command (bin/) and its JSON Schemas (schema/), as its "files" say.
    const shipped = (manifest.files ?? []).filter((entry) => entry !== "dist");
    const unexpected = files.filter((file) => {
      if (["package.json", "README.md", "LICENSE"].includes(file)) return false;
      // The command's bundle: plain JavaScript, no declarations (nothing imports it but bin/).
      if (/^dist\/bundle\/[^/]+\.js$/.test(file)) return dir !== "cli";
      if (/^dist\/.+\.(js|d\.ts)$/.test(file)) return /(^|\/)_testing\/|\.test(-d)?\.|\/_internal\/testing\./.test(file);
      if (/^bin\/[^/]+\.js$/.test(file)) return !shipped.includes("bin");
      if (/^schema\/[^/]+\.schema\.json$/.test(file)) return !shipped.includes("schema");
      return true;
    });
    expect(unexpected).toEqual([]);
    for (const file of files.filter((f) => f.endsWith(".js") && f.startsWith("dist/") && !f.startsWith("dist/bundle/"))) {
      expect(files, `${file} has no declarations`).toContain(file.replace(/\.js$/, ".d.ts"));
    }
  });

  test.each(packageDirs)("%s's manifest names versions, links to the repository and exports only what it ships", (dir) => {
    const { files, manifest } = get(dir);
    for (const field of ["dependencies", "peerDependencies", "optionalDependencies"] as const) {
      for (const [name, spec] of Object.entries(manifest[field] ?? {})) {
        expect(spec, `${field}.${name}`).not.toMatch(/^(workspace|catalog|link|file):/);
      }
    }
    expect(JSON.stringify(manifest.exports)).not.toContain("@cleanse/source");
    const targets = [...exportTargets(manifest.exports), ...Object.values(manifest.bin ?? {})].map((t) => t.replace(/^\.\//, ""));
    expect(targets.length).toBeGreaterThan(0);
    for (const target of targets) expect(files, `exports ${target}`).toContain(target);
    expect(manifest.repository).toEqual({ type: "git", url: `git+${repository}.git`, directory: `packages/${dir}` });
    expect(manifest.homepage).toBe(`${repository}/tree/main/packages/${dir}#readme`);
    expect(manifest.bugs).toEqual({ url: `${repository}/issues` });
  });

  test("cli's command runs from its bundle, whose imports are all dependencies of @cleanse/cli", async () => {
    const { files, manifest, tarball } = get("cli");
    expect(files).toEqual(expect.arrayContaining(["dist/bundle/cleanse.js", "dist/bundle/compareWorker.js"]));
    expect(await extract(tarball, "bin/cleanse.js")).toContain('from "../dist/bundle/cleanse.js"');
    const declared = new Set(Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies }));
    const seen = new Set<string>();
    for (const file of files.filter((f) => f.startsWith("dist/bundle/"))) {
      const code = await extract(tarball, file);
      // import and export statements, import() and require() of a package name
      const ids = code.matchAll(/^(?:import|export)\b[^;"]*?\bfrom\s*"([^"]+)"|^import\s*"([^"]+)"|\b(?:require|import)\("([^"]+)"\)/gm);
      const bare = [...ids].map((m) => m[1] ?? m[2] ?? m[3] ?? "").filter((id) => /^(@[\w.-]+\/)?[\w.-]+(\/[\w./-]+)?$/.test(id) && !id.startsWith("."));
      for (const id of bare.filter((id) => !id.startsWith("node:"))) {
        const name = id.startsWith("@") ? id.split("/").slice(0, 2).join("/") : (id.split("/")[0] ?? id);
        expect(name, `${file} imports ${id}`).not.toMatch(/^@cleanse\//);
        expect(declared, `${file} imports ${id}`).toContain(name);
        seen.add(name);
      }
    }
    // statically imported, and loaded on first use through require(); zod and yaml are inside the bundle
    expect([...seen]).toEqual(expect.arrayContaining(["iconv-lite", "pg", "libphonenumber-js", "date-fns", "better-sqlite3"]));
    expect([...seen]).not.toContain("zod");
  });

  test.each(["db", "cli"])("%s makes better-sqlite3 an optional peer, so that installing it compiles nothing", (dir) => {
    const { manifest } = get(dir);
    expect(manifest.dependencies).not.toHaveProperty("better-sqlite3");
    expect(manifest.optionalDependencies ?? {}).not.toHaveProperty("better-sqlite3");
    expect(manifest.peerDependencies?.["better-sqlite3"]).toMatch(/^\^\d+\.\d+\.\d+$/);
    expect(manifest.peerDependenciesMeta?.["better-sqlite3"]).toEqual({ optional: true });
  });

  test.each(packageDirs)("%s's README links work on the npm page: absolute, to files that exist", (dir) => {
    const { readme } = get(dir);
    const links = [...readme.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1] ?? "");
    expect(links.filter((link) => !/^(https?:\/\/|#)/.test(link))).toEqual([]);
    for (const link of links) {
      const inRepo = link.match(/^https:\/\/github\.com\/cleanse-data\/cleanse\/(?:blob|tree)\/main\/([^#]+)/);
      if (inRepo?.[1] !== undefined) expect(existsSync(join(root, inRepo[1])), link).toBe(true);
    }
  });
});

// A project of its own under the system temp folder: nothing resolves through the workspace.
describe("a project outside the workspace that installs the tarballs", () => {
  let consumer: string;
  const version = (name: string): string =>
    (JSON.parse(readFileSync(join(root, "node_modules", name, "package.json"), "utf8")) as { version: string }).version;

  beforeAll(async () => {
    consumer = join(work, "consumer");
    await mkdir(join(consumer, "src"), { recursive: true });
    // Every @cleanse package from its tarball, also where another package depends on it.
    const local = Object.fromEntries([...packed.values()].map((p) => [p.manifest.name, `file:${p.tarball}`]));
    await writeFile(
      join(consumer, "package.json"),
      JSON.stringify({
        name: "cleanse-consumer",
        private: true,
        type: "module",
        dependencies: { ...local, typescript: version("typescript"), "@types/node": version("@types/node") },
        overrides: local,
      }),
    );
    const base = { strict: true, target: "ES2022", lib: ["ES2023"], types: ["node"], skipLibCheck: false, exactOptionalPropertyTypes: true };
    await writeFile(
      join(consumer, "tsconfig.node16.json"),
      JSON.stringify({ compilerOptions: { ...base, module: "node16", moduleResolution: "node16", rootDir: "src", outDir: "out" }, include: ["src"] }),
    );
    await writeFile(
      join(consumer, "tsconfig.bundler.json"),
      JSON.stringify({ compilerOptions: { ...base, module: "preserve", moduleResolution: "bundler", noEmit: true }, include: ["src"] }),
    );
    // Type-only imports of every package, so that each one's declarations are checked (skipLibCheck is off).
    const names = [...packed.values()].map((p) => p.manifest.name).sort();
    await writeFile(
      join(consumer, "src", "all.ts"),
      `${names.map((name, i) => `import type * as p${i} from "${name}";`).join("\n")}\nexport type All = [${names.map((_, i) => `typeof p${i}`).join(", ")}];\n`,
    );
    await writeFile(join(consumer, "src", "example.ts"), EXAMPLE);
    await writeFile(join(consumer, "data.csv"), "id,email\n1,ada@example.com\n2,not-an-email\n");
    await writeFile(join(consumer, "rules.yaml"), "fields:\n  email: [required, email]\n");
    await writeFile(join(consumer, "sqlite-job.yaml"), "name: sqlite-source\nsource: { sqlite: { path: crm.db, table: customers } }\noutputs:\n  clean: out/sqlite-clean.csv\n");
    // Install scripts run, as for a user: no package of the tree may compile a native addon.
    await run("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error"], {
      cwd: consumer,
      env: childEnv(),
      maxBuffer: 16 * 1024 * 1024,
    });
  }, 240_000);

  test("resolves every @cleanse package to its tarball, with one copy each", async () => {
    const lock = JSON.parse(await readFile(join(consumer, "package-lock.json"), "utf8")) as {
      packages: Record<string, { resolved?: string }>;
    };
    const installed = Object.entries(lock.packages).filter(([path]) => /(^|\/)node_modules\/@cleanse\/[^/]+$/.test(path));
    expect(installed.map(([path]) => path).sort()).toEqual([...packed.keys()].map((dir) => `node_modules/@cleanse/${dir}`).sort());
    for (const [path, entry] of installed) {
      expect(resolve(consumer, entry.resolved?.replace(/^file:/, "") ?? ""), path).toBe(get(path.replace("node_modules/@cleanse/", "")).tarball);
    }
  });

  test.each(["node16", "bundler"])("type-checks with moduleResolution %s", async (mode) => {
    const tsc = join(consumer, "node_modules", "typescript", "bin", "tsc");
    const result = await run(process.execPath, [tsc, "-p", `tsconfig.${mode}.json`, ...(mode === "node16" ? [] : ["--noEmit"])], {
      cwd: consumer,
    }).catch((error: { stdout: string }) => ({ stdout: error.stdout, failed: true }));
    expect(result.stdout).toBe("");
  });

  test("runs an example that validates records and writes CSV", async () => {
    const tsc = join(consumer, "node_modules", "typescript", "bin", "tsc");
    await run(process.execPath, [tsc, "-p", "tsconfig.node16.json"], { cwd: consumer });
    const { stdout } = await run(process.execPath, ["out/example.js"], { cwd: consumer });
    expect(JSON.parse(stdout)).toEqual({
      totals: { total: 3, clean: 1, quarantined: 2, merged: 0 },
      email: "ada@example.com",
    });
    expect(await readFile(join(consumer, "out", "clean.csv"), "utf8")).toBe("id,email\n1,ada@example.com\n");
    const quarantine = await readFile(join(consumer, "out", "quarantine.csv"), "utf8");
    expect(quarantine.split("\n")[0]).toBe("id,email,_extra,_reasons,_record");
    expect(quarantine).toContain("not-an-email");
  });

  test("runs the cleanse command from the installed package", async () => {
    const bin = join(consumer, "node_modules", ".bin", "cleanse");
    const { stdout } = await run(bin, ["--version"], { cwd: consumer });
    expect(stdout.trim()).toContain(get("cli").manifest.version);
    const validate = await run(bin, ["validate", "data.csv", "--rules", "rules.yaml", "--report", "report.json"], { cwd: consumer }).then(
      () => 0,
      (error: { code: number }) => error.code,
    );
    expect(validate).toBe(1);
    const report = JSON.parse(await readFile(join(consumer, "report.json"), "utf8")) as { totals: { total: number; quarantined: number } };
    expect(report.totals).toMatchObject({ total: 2, quarantined: 1 });
  });

  test("installs no SQLite driver: no better-sqlite3 and no compiled addon", async () => {
    expect(existsSync(join(consumer, "node_modules", "better-sqlite3"))).toBe(false);
    const lock = JSON.parse(await readFile(join(consumer, "package-lock.json"), "utf8")) as { packages: Record<string, unknown> };
    expect(Object.keys(lock.packages).filter((path) => path.endsWith("node_modules/better-sqlite3"))).toEqual([]);
    const addons = readdirSync(join(consumer, "node_modules"), { recursive: true, encoding: "utf8" }).filter((file) => file.endsWith(".node"));
    expect(addons).toEqual([]);
  });

  /** Runs the installed `cleanse` command; gives its exit code and what it printed to stderr, paths and version masked. */
  async function cleanse(args: string[]): Promise<{ code: number; stderr: string }> {
    const bin = join(consumer, "node_modules", ".bin", "cleanse");
    const mask = (text: string): string => text.replaceAll(consumer, "<consumer>").replaceAll(process.version, "<node>");
    return run(bin, args, { cwd: consumer, env: childEnv() }).then(
      ({ stderr }) => ({ code: 0, stderr: mask(stderr) }),
      (error: { code: number; stderr: string }) => ({ code: error.code, stderr: mask(error.stderr) }),
    );
  }

  test.skipIf(hasNodeSqlite)("reading SQLite without a driver stops with exit code 2 and says what to install", async () => {
    const result = await cleanse(["run", "sqlite-job.yaml"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatchInlineSnapshot(`
      "cleanse: error CLEANSE_SQLITE_DRIVER_MISSING: <consumer>/crm.db: SQLite needs a driver, and none is available: Node.js <node> has no built-in node:sqlite that Cleanse can use, and the optional package better-sqlite3 is not installed. Install better-sqlite3 (npm install better-sqlite3) or use Node.js 22.13 or later.
      "
    `);
  });

  test.skipIf(hasNodeSqlite)("a better-sqlite3 whose native addon is missing gives the same error, with the load failure", async () => {
    // A stand-in for a package installed with --ignore-scripts: its JavaScript loads, its addon does not.
    const stub = join(consumer, "node_modules", "better-sqlite3");
    await mkdir(stub);
    try {
      await writeFile(join(stub, "package.json"), JSON.stringify({ name: "better-sqlite3", version: "12.0.0", main: "index.js" }));
      await writeFile(
        join(stub, "index.js"),
        "module.exports = function Database() { throw new Error('Could not locate the bindings file. Tried:\\n → build/better_sqlite3.node'); };\n",
      );
      const result = await cleanse(["run", "sqlite-job.yaml"]);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatchInlineSnapshot(`
        "cleanse: error CLEANSE_SQLITE_DRIVER_MISSING: <consumer>/crm.db: SQLite needs a driver, and none is available: Node.js <node> has no built-in node:sqlite that Cleanse can use, and better-sqlite3 is installed but cannot be loaded (Could not locate the bindings file). Reinstall or rebuild it (npm rebuild better-sqlite3) or use Node.js 22.13 or later.
        "
      `);
    } finally {
      await rm(stub, { recursive: true, force: true });
    }
  });

  test.runIf(hasNodeSqlite)("reads SQLite through node:sqlite, with no package to install", async () => {
    // crm.db does not exist: the error comes from SQLite opening it, not from a missing driver.
    const result = await cleanse(["run", "sqlite-job.yaml"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("CLEANSE_DB_OPEN");
    expect(result.stderr).not.toContain("CLEANSE_SQLITE_DRIVER_MISSING");
    expect(result.stderr).not.toContain("ExperimentalWarning");
  });
});

const EXAMPLE = `import { runPipeline, type QualityReport } from "@cleanse/core";
import { writeCsv } from "@cleanse/io";
import { createRulesStep } from "@cleanse/rules";
import { standardizeEmail } from "@cleanse/standardize";

const records = [
  { id: "1", email: " ada@Example.COM " },
  { id: "2", email: "not-an-email" },
  { id: "3", email: "" },
];
const report: QualityReport = await runPipeline({
  source: records.map((r) => {
    const email = standardizeEmail(r.email);
    return email.ok ? { ...r, email: email.value } : r;
  }),
  steps: createRulesStep({ fields: { email: ["required", "email"] } }, { baseDir: process.cwd() }),
  clean: writeCsv("out/clean.csv"),
  quarantine: writeCsv("out/quarantine.csv"),
});
const first = standardizeEmail("ada@EXAMPLE.com");
console.log(JSON.stringify({ totals: report.totals, email: first.ok ? first.value : null }));
`;
