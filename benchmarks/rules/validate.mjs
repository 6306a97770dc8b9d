// Record validation throughput: Cleanse rules beside ajv (allErrors), zod 4, valibot and a hand-written checker,
// on the same 10-field record schema with about 10% invalid records.
//
//   node benchmarks/rules/validate.mjs                 # 100k records, 3 runs per contender (CI size)
//   node benchmarks/rules/validate.mjs --full          # 1M records, 5 runs
//   node benchmarks/rules/validate.mjs --n 500000 --runs 3 --only ajv,cleanse-step
//
// Each contender runs in its own child process (its own JIT state and peak RSS) on the same seeded records,
// built before the clock starts. Every contender must find the same invalid records. Runs are interleaved and
// the median is reported, as wall-clock records/s and as records per CPU-second (steadier on a shared machine).
// Requires `node scripts/build.mjs`.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { mulberry32 } from "../_lib.mjs";

const argv = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = argv.indexOf(`--${name}`);
  return i === -1 ? fallback : argv[i + 1];
};
const full = argv.includes("--full");

// ---------------------------------------------------------------------------------------------
// Seeded records: id, name, email, age, status, score, signup_date, country, active, zip
// ---------------------------------------------------------------------------------------------

const NAMES = ["Ada Lovelace", "Grace Hopper", "张伟", "李娜", "Alan Turing", "Émilie du Châtelet", "José Martí", "王芳"];
const STATUS = ["active", "inactive", "prospect"];
const COUNTRIES = ["CN", "US", "DE", "FR", "GB", "JP"];

function makeRecords(n) {
  const rnd = mulberry32(42);
  const records = new Array(n);
  for (let i = 0; i < n; i++) {
    const r = {
      id: i + 1,
      name: NAMES[i % NAMES.length],
      email: `user${i}@example.com`,
      age: 18 + Math.floor(rnd() * 70),
      status: STATUS[i % 3],
      score: Math.round(rnd() * 10000) / 100,
      signup_date: `20${10 + Math.floor(rnd() * 15)}-${String(1 + Math.floor(rnd() * 12)).padStart(2, "0")}-${String(1 + Math.floor(rnd() * 28)).padStart(2, "0")}`,
      country: COUNTRIES[i % COUNTRIES.length],
      active: rnd() < 0.8,
      zip: String(100000 + Math.floor(rnd() * 800000)),
    };
    if (rnd() < 0.1) {
      switch (Math.floor(rnd() * 10)) {
        case 0: r.id = -5; break;
        case 1: r.name = ""; break;
        case 2: r.email = "not-an-email"; break;
        case 3: r.age = 200; break;
        case 4: r.status = "deleted"; break;
        case 5: r.score = 101.5; break;
        case 6: r.signup_date = "2024-13-45"; break;
        case 7: r.country = "usa"; break;
        case 8: r.active = "maybe"; break;
        default: r.zip = "12AB"; break;
      }
    }
    records[i] = r;
  }
  // Give every contender records as a JSON parser produces them (flat strings, not concatenation ropes).
  return JSON.parse(JSON.stringify(records));
}

// The same constraints in every library. Patterns are written so that all engines agree on these records.
const EMAIL = "^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}$";
const DATE = "^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$";

async function contender(name) {
  switch (name) {
    case "ajv": {
      const { default: Ajv } = await import("ajv");
      const ajv = new Ajv({ allErrors: true });
      const validate = ajv.compile({
        type: "object",
        required: ["id", "name", "email", "age", "status", "score", "signup_date", "country", "active", "zip"],
        properties: {
          id: { type: "integer", minimum: 1 },
          name: { type: "string", minLength: 1, maxLength: 100 },
          email: { type: "string", pattern: EMAIL },
          age: { type: "integer", minimum: 0, maximum: 150 },
          status: { enum: STATUS },
          score: { type: "number", minimum: 0, maximum: 100 },
          signup_date: { type: "string", pattern: DATE },
          country: { type: "string", pattern: "^[A-Z]{2}$" },
          active: { type: "boolean" },
          zip: { type: "string", pattern: "^[0-8]\\d{5}$" },
        },
      });
      return (records) => {
        let invalid = 0;
        for (let i = 0; i < records.length; i++) if (!validate(records[i])) invalid++;
        return invalid;
      };
    }
    case "zod": {
      const { z } = await import("zod");
      const schema = z.object({
        id: z.int().min(1),
        name: z.string().min(1).max(100),
        email: z.string().regex(new RegExp(EMAIL)),
        age: z.int().min(0).max(150),
        status: z.enum(STATUS),
        score: z.number().min(0).max(100),
        signup_date: z.string().regex(new RegExp(DATE)),
        country: z.string().regex(/^[A-Z]{2}$/),
        active: z.boolean(),
        zip: z.string().regex(/^[0-8]\d{5}$/),
      });
      return (records) => {
        let invalid = 0;
        for (let i = 0; i < records.length; i++) if (!schema.safeParse(records[i]).success) invalid++;
        return invalid;
      };
    }
    case "valibot": {
      const v = await import("valibot");
      const schema = v.object({
        id: v.pipe(v.number(), v.integer(), v.minValue(1)),
        name: v.pipe(v.string(), v.minLength(1), v.maxLength(100)),
        email: v.pipe(v.string(), v.regex(new RegExp(EMAIL))),
        age: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(150)),
        status: v.picklist(STATUS),
        score: v.pipe(v.number(), v.minValue(0), v.maxValue(100)),
        signup_date: v.pipe(v.string(), v.regex(new RegExp(DATE))),
        country: v.pipe(v.string(), v.regex(/^[A-Z]{2}$/)),
        active: v.boolean(),
        zip: v.pipe(v.string(), v.regex(/^[0-8]\d{5}$/)),
      });
      return (records) => {
        let invalid = 0;
        for (let i = 0; i < records.length; i++) if (!v.safeParse(schema, records[i]).success) invalid++;
        return invalid;
      };
    }
    case "hand": {
      const email = new RegExp(EMAIL), date = new RegExp(DATE), country = /^[A-Z]{2}$/, zip = /^[0-8]\d{5}$/;
      const status = new Set(STATUS);
      const check = (r) => {
        let errors = 0;
        if (!(Number.isInteger(r.id) && r.id >= 1)) errors++;
        if (!(typeof r.name === "string" && r.name.length >= 1 && r.name.length <= 100)) errors++;
        if (!(typeof r.email === "string" && email.test(r.email))) errors++;
        if (!(Number.isInteger(r.age) && r.age >= 0 && r.age <= 150)) errors++;
        if (!status.has(r.status)) errors++;
        if (!(typeof r.score === "number" && r.score >= 0 && r.score <= 100)) errors++;
        if (!(typeof r.signup_date === "string" && date.test(r.signup_date))) errors++;
        if (!(typeof r.country === "string" && country.test(r.country))) errors++;
        if (typeof r.active !== "boolean") errors++;
        if (!(typeof r.zip === "string" && zip.test(r.zip))) errors++;
        return errors;
      };
      return (records) => {
        let invalid = 0;
        for (let i = 0; i < records.length; i++) if (check(records[i]) > 0) invalid++;
        return invalid;
      };
    }
    case "engine-noop": {
      // The ceiling of any step: core's processRecords with a step that does nothing.
      const { processRecords } = await import("@cleanse/core");
      const noop = { kind: "record", name: "noop", process() {} };
      return async (records) => {
        const run = processRecords(records, [noop], { name: "bench" });
        let invalid = 0;
        for await (const batch of run.batches()) if (batch.length < 0) invalid++;
        run.report();
        return invalid;
      };
    }
    case "cleanse-checker":
    case "cleanse-step": {
      const { compileRules, createRulesStep, toRuleSet } = await import("@cleanse/rules");
      const ruleSet = toRuleSet({
        fields: {
          id: ["required", { integer: { strict: true } }, { range: { min: 1 } }],
          name: ["required", { length: { min: 1, max: 100 } }],
          email: ["required", "email"],
          age: ["required", { integer: { strict: true } }, { range: { min: 0, max: 150 } }],
          status: ["required", { in: STATUS }],
          score: ["required", { number: { strict: true } }, { range: { min: 0, max: 100 } }],
          signup_date: ["required", "date"],
          country: ["required", { regex: "^[A-Z]{2}$" }],
          active: ["required", { boolean: { strict: true } }],
          zip: ["required", "postal_code"],
        },
      });
      if (name === "cleanse-checker") {
        const checker = compileRules(ruleSet);
        return (records) => {
          let invalid = 0;
          const issues = [];
          for (let i = 0; i < records.length; i++) {
            if (checker.checkInto(records[i], issues, i) > 0) {
              invalid++;
              issues.length = 0;
            }
          }
          return invalid;
        };
      }
      const { processRecords } = await import("@cleanse/core");
      const steps = createRulesStep(ruleSet, { baseDir: "." });
      return async (records) => {
        const run = processRecords(records, steps, { name: "bench" });
        let invalid = 0;
        for await (const batch of run.batches()) for (let i = 0; i < batch.length; i++) if (batch[i].status === "quarantine") invalid++;
        const report = run.report();
        if (report.totals.quarantined !== invalid) throw new Error("report does not add up");
        return invalid;
      };
    }
    default:
      throw new Error(`unknown contender ${name}`);
  }
}

const CONTENDERS = ["hand", "ajv", "cleanse-checker", "cleanse-step", "engine-noop", "valibot", "zod"];

if (argv[0] === "--child") {
  const name = argv[1];
  const n = Number(argv[2]);
  const records = makeRecords(n);
  const run = await contender(name);
  // Warm up on a slice so that every contender is measured with optimized code, then time `passes` full passes
  // (after a forced GC each, so the garbage of building the records is not charged to anyone) and keep the best.
  await run(records.slice(0, Math.min(n, 20000)));
  const passes = Number(argv[3] ?? 2);
  let ms = Number.POSITIVE_INFINITY;
  let cpuMs = Number.POSITIVE_INFINITY;
  let invalid = 0;
  for (let p = 0; p < passes; p++) {
    globalThis.gc?.();
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    invalid = await run(records);
    ms = Math.min(ms, performance.now() - t0);
    const cpu = process.cpuUsage(c0);
    cpuMs = Math.min(cpuMs, (cpu.user + cpu.system) / 1000);
  }
  console.log(
    JSON.stringify({
      name,
      n,
      invalid,
      ms,
      cpuMs,
      recordsPerSecond: Math.round((n * 1000) / ms),
      recordsPerCpuSecond: Math.round((n * 1000) / cpuMs),
      maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    }),
  );
} else {
  const n = Number(flag("n", full ? 1_000_000 : 100_000));
  const runs = Number(flag("runs", full ? 5 : 3));
  const only = flag("only", undefined)?.split(",");
  const names = CONTENDERS.filter((c) => !only || only.includes(c));
  const self = fileURLToPath(import.meta.url);
  // Runs are interleaved (one run of every contender, then the next round) so that load from other processes
  // on a shared machine spreads over all contenders alike.
  const samples = Object.fromEntries(names.map((name) => [name, []]));
  for (let r = 0; r < runs; r++) {
    for (const name of names) {
      const child = spawnSync(process.execPath, ["--expose-gc", self, "--child", name, String(n)], { encoding: "utf8", maxBuffer: 16 * 1024 * 1024 });
      if (child.status !== 0) throw new Error(`${name} failed:\n${child.stderr}`);
      samples[name].push(JSON.parse(child.stdout));
    }
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const results = {};
  for (const name of names) {
    const list = samples[name];
    results[name] = {
      recordsPerSecond: median(list.map((s) => s.recordsPerSecond)),
      recordsPerCpuSecond: median(list.map((s) => s.recordsPerCpuSecond)),
      invalid: list[0].invalid,
      maxRssMb: median(list.map((s) => s.maxRssMb)),
      runs: list.map((s) => s.recordsPerSecond),
    };
  }
  const invalidCounts = new Set(Object.entries(results).filter(([k]) => k !== "engine-noop").map(([, r]) => r.invalid));
  const ratio = (a, b, key) => (results[a] && results[b] ? Math.round((results[a][key] / results[b][key]) * 100) / 100 : undefined);
  const ratios = {};
  for (const name of names) {
    ratios[name] = {
      vsAjv: ratio(name, "ajv", "recordsPerSecond"),
      vsZod: ratio(name, "zod", "recordsPerSecond"),
      vsHand: ratio(name, "hand", "recordsPerSecond"),
      cpuVsAjv: ratio(name, "ajv", "recordsPerCpuSecond"),
      cpuVsZod: ratio(name, "zod", "recordsPerCpuSecond"),
    };
  }
  console.log(
    JSON.stringify(
      {
        benchmark: "rules/validate",
        records: n,
        runs,
        node: process.version,
        sameInvalidCount: invalidCounts.size === 1,
        invalidRecords: [...invalidCounts],
        results,
        ratios,
      },
      null,
      2,
    ),
  );
}
