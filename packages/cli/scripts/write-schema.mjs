// Regenerates schema/job.schema.json from the job file schema in the code (run after `pnpm build`).
import { writeFileSync } from "node:fs";
import { toJsonSchema } from "@cleanse/config";
import { jobFileSchema } from "../dist/index.js";

const schema = toJsonSchema(jobFileSchema, { title: "Cleanse job file", id: "https://cleanse.dev/schema/job.schema.json" });
writeFileSync(new URL("../schema/job.schema.json", import.meta.url), `${JSON.stringify(schema, null, 2)}\n`);
