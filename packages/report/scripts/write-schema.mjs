// Writes packages/report/schema/report.schema.json from the built package (run `node scripts/build.mjs` first).
// Usage: node packages/report/scripts/write-schema.mjs [--check]
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { reportJsonSchema } from "../dist/index.js";

const file = join(dirname(fileURLToPath(import.meta.url)), "..", "schema", "report.schema.json");
const text = `${JSON.stringify(reportJsonSchema, null, 2)}\n`;
if (process.argv.includes("--check")) {
  let current = "";
  try {
    current = readFileSync(file, "utf8");
  } catch {}
  if (current !== text) {
    console.error(`${file} is out of date: run node packages/report/scripts/write-schema.mjs`);
    process.exit(1);
  }
} else {
  writeFileSync(file, text);
  console.log(`wrote ${file}`);
}
