// Regenerates schema/rules.schema.json from the zod schema of rule files.
// Usage: node scripts/build.mjs && node packages/rules/scripts/write-schema.mjs
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { ruleFileJsonSchema } from "../dist/index.js";

const target = join(dirname(fileURLToPath(import.meta.url)), "..", "schema", "rules.schema.json");
writeFileSync(target, `${JSON.stringify(ruleFileJsonSchema(), null, 2)}\n`);
console.log(`wrote ${target}`);
