// Type-checks every ```ts (or ```typescript) snippet of README.md, docs/**/*.md and packages/*/README.md.
//
//   node scripts/check-doc-snippets.mjs          prints `docs/file.md:LINE: message` per error, exits 1 on any
//   node scripts/check-doc-snippets.mjs --json   prints { snippets, checked, skipped, failures } as JSON
//   node scripts/check-doc-snippets.mjs --keep   keeps the generated modules (and their tsconfig.json) for `tsc -p`
//
// Each snippet becomes its own module in node_modules/.cache/doc-snippets/, whose node_modules links every
// workspace package (and the packages they depend on), so `@cleanse/*` imports resolve through the workspace's
// package.json exports with the "@cleanse/source" condition: snippets are checked against the sources, no build
// needed. All snippets are checked in one TypeScript program under tsconfig.check.json: strict,
// exactOptionalPropertyTypes, noUncheckedIndexedAccess, verbatimModuleSyntax and NodeNext, the settings `tsc --init`
// of TypeScript 5.9 starts a project with. Snippets are ES modules, so top-level await works.
//
// A snippet that is intentionally partial opts out with `no-check` in its info string (```ts no-check) or with
// `<!-- no-check -->` on the line before its fence. Use it for fragments and for snippets that show an error.
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const defaultRoot = join(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const OPT_OUT = "no-check";
const OPENING = /^( *)(`{3,}|~{3,})\s*([^`\s]*)(.*)$/;

/**
 * The markdown files whose TypeScript snippets are checked: README.md, docs/**\/*.md, packages/*\/README.md.
 * @param root - the repository root
 * @returns paths relative to root, with forward slashes, sorted
 */
export function docFiles(root = defaultRoot) {
  const files = ["README.md"];
  for (const entry of readdirSync(join(root, "docs"), { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && entry.name.endsWith(".md")) files.push(toPosix(relative(root, join(entry.parentPath, entry.name))));
  }
  for (const name of readdirSync(join(root, "packages"))) {
    try {
      if (lstatSync(join(root, "packages", name, "README.md")).isFile()) files.push(`packages/${name}/README.md`);
    } catch {
      // a package without a README
    }
  }
  return files.sort();
}

/**
 * The TypeScript snippets of one markdown file.
 * @param markdown - the file's text
 * @param file - its path, for the result
 * @returns each ```ts / ```typescript block: its first code line (1-based), code, and whether it opted out
 */
export function extractSnippets(markdown, file) {
  const lines = markdown.split(/\r?\n/);
  const snippets = [];
  for (let i = 0; i < lines.length; i++) {
    const open = OPENING.exec(lines[i]);
    if (open === null || (open[2][0] === "`" && open[4].includes("`"))) continue;
    const [, indent, fence, lang, rest] = open;
    const close = new RegExp(`^ *${fence[0] === "`" ? "`" : "~"}{${fence.length},}\\s*$`);
    let end = i + 1;
    while (end < lines.length && !close.test(lines[end])) end++;
    if (/^(ts|typescript)$/i.test(lang)) {
      const code = lines.slice(i + 1, end).map((line) => (line.startsWith(indent) ? line.slice(indent.length) : line.trimStart()));
      const before = lines.slice(0, i).findLast((line) => line.trim() !== "");
      const skip = rest.split(/\s+/).includes(OPT_OUT) || before?.trim() === `<!-- ${OPT_OUT} -->`;
      snippets.push({ file, line: i + 2, code: `${code.join("\n")}\n`, skip });
    }
    i = end;
  }
  return snippets;
}

/**
 * Type-checks every snippet of the docs in one TypeScript program.
 * @param options - `root` of the repository (default: this script's), `keep` the generated modules
 * @returns the snippets, how many were checked and skipped, each error as `{ file, line, snippet, message }` (the
 *   line of the error and the first code line of its snippet, both in the markdown file), and the
 *   folder of the generated modules when kept
 */
export function checkDocSnippets({ root = defaultRoot, keep = false } = {}) {
  const ts = require("typescript");
  const snippets = docFiles(root).flatMap((file) => extractSnippets(readFileSync(join(root, file), "utf8"), file));
  const cache = join(root, "node_modules", ".cache", "doc-snippets");
  linkWorkspace(root, cache);
  const dir = mkdtempSync(join(cache, "run-"));
  try {
    // ES modules, as the snippets are written (top-level await, import), whatever the folders above say.
    writeFileSync(join(dir, "package.json"), `${JSON.stringify({ private: true, type: "module" })}\n`);
    const modules = new Map();
    for (const snippet of snippets.filter((s) => !s.skip)) {
      const path = join(dir, ...snippet.file.replace(/\.md$/i, "").split("/"), `L${snippet.line}.ts`);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, snippet.code);
      modules.set(resolve(path), snippet);
    }
    const configPath = join(dir, "tsconfig.json");
    const config = {
      extends: toPosix(relative(dir, join(root, "tsconfig.check.json"))),
      compilerOptions: { moduleDetection: "force", noEmit: true },
      include: ["**/*.ts"],
    };
    writeFileSync(configPath, `${JSON.stringify(config, null, 2)}\n`);
    const failures = [];
    const parsed = ts.getParsedCommandLineOfConfigFile(configPath, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => failures.push(toFailure(ts, d)) });
    if (parsed !== undefined) {
      const program = ts.createProgram({ rootNames: [...modules.keys()], options: parsed.options, projectReferences: parsed.projectReferences });
      for (const d of [...parsed.errors, ...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics()]) failures.push(toFailure(ts, d));
      for (const [path, snippet] of modules) {
        const source = program.getSourceFile(path);
        if (source === undefined) {
          failures.push({ file: snippet.file, line: snippet.line, snippet: snippet.line, message: "the snippet's module was not part of the program" });
          continue;
        }
        for (const d of [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)]) {
          const { line } = ts.getLineAndCharacterOfPosition(source, d.start ?? 0);
          failures.push({ file: snippet.file, line: snippet.line + line, snippet: snippet.line, message: messageOf(ts, d) });
        }
      }
    }
    failures.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
    const checked = modules.size;
    return { snippets: snippets.length, checked, skipped: snippets.length - checked, failures, ...(keep ? { dir } : {}) };
  } finally {
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * One failure as a line: `docs/file.md:LINE: message`.
 * @param failure - a failure of {@link checkDocSnippets}
 * @returns the line
 */
export function formatFailure({ file, line, message }) {
  return `${file}:${line}: ${message}`;
}

/** Links each workspace package, and each package one of them depends on, into cache/node_modules. */
function linkWorkspace(root, cache) {
  const links = new Map();
  const dependencies = [];
  for (const name of readdirSync(join(root, "packages")).sort()) {
    const dir = join(root, "packages", name);
    let manifest;
    try {
      manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
    } catch {
      continue;
    }
    links.set(manifest.name, dir);
    for (const dep of Object.keys({ ...manifest.dependencies, ...manifest.devDependencies })) dependencies.push([dep, dir]);
  }
  for (const [dep, dir] of dependencies) {
    if (links.has(dep)) continue;
    try {
      links.set(dep, realpathSync(join(dir, "node_modules", dep)));
    } catch {
      // not installed for this package
    }
  }
  for (const [name, target] of links) {
    const path = join(cache, "node_modules", ...name.split("/"));
    try {
      if (resolve(dirname(path), readlinkSync(path)) === target) continue;
      rmSync(path, { force: true });
    } catch {
      // no link yet
    }
    mkdirSync(dirname(path), { recursive: true });
    try {
      symlinkSync(target, path, "junction");
    } catch (error) {
      if (error?.code !== "EEXIST") throw error;
    }
  }
}

function toFailure(ts, diagnostic) {
  return { file: diagnostic.file === undefined ? "tsconfig" : toPosix(diagnostic.file.fileName), line: 0, message: messageOf(ts, diagnostic) };
}

function messageOf(ts, diagnostic) {
  return `${ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n  ")} (TS${diagnostic.code})`;
}

function toPosix(path) {
  return path.split(sep).join("/");
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const result = checkDocSnippets({ keep: args.includes("--keep") });
  if (args.includes("--json")) {
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } else {
    for (const failure of result.failures) console.error(formatFailure(failure));
    const kept = result.dir === undefined ? "" : ` (modules kept in ${toPosix(relative(process.cwd(), result.dir))})`;
    console.log(`${result.checked} doc snippets checked, ${result.skipped} skipped (no-check), ${result.failures.length} errors${kept}`);
  }
  process.exitCode = result.failures.length === 0 ? 0 : 1;
}
