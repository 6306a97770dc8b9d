// CSV ingest: Cleanse (through the engine) beside the fastest streaming JS CSV parsers.
//
//   node benchmarks/io/csv-ingest.mjs              # 20 MB file, 3 runs per contender
//   node benchmarks/io/csv-ingest.mjs --mb 1024    # full run (or --full)
//   node benchmarks/io/csv-ingest.mjs --runs 5 --only cleanse,udsv
//
// Each contender runs in its own child process (so peak RSS is its own) and turns every row into an
// object keyed by the header. The median of the runs is reported. Requires `node scripts/build.mjs`.
import { spawnSync } from "node:child_process";
import { cpus } from "node:os";
import { createReadStream, existsSync, mkdirSync, openSync, closeSync, renameSync, statSync, writeSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { flag, mulberry32 } from "../_lib.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const dataDir = join(here, "..", ".data");

// ---------------------------------------------------------------------------------------------
// Seeded customer-like data
// ---------------------------------------------------------------------------------------------

const FIRST = ["James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David", "Elizabeth", "Sophie", "Lukas", "Émilie", "José", "Zoë", "Ana"];
const LAST = ["Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Müller", "Dubois", "O'Brien", "Rossi", "Nakamura", "Kowalski"];
const ZH_LAST = ["张", "王", "李", "刘", "陈", "杨", "黄", "赵", "周", "吴"];
const ZH_FIRST = ["伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "洋", "艳", "勇", "军", "杰"];
const COMPANY = ["Acme", "Globex", "Initech", "Umbrella", "Hooli", "Vandelay", "Stark", "Wayne", "Tyrell", "Soylent"];
const SUFFIX = ["Inc.", "LLC", "GmbH", "Ltd", "S.A.", "有限公司"];
const STREET = ["Main St", "Oak Ave", "Pine Rd", "Maple Dr", "Cedar Ln", "Elm St", "Park Blvd", "Lake View"];
const CITY = ["Springfield", "Portland", "Berlin", "Paris", "London", "北京", "上海", "Madrid", "Toronto", "Austin"];
const NOTES = ["", "", "", "VIP", "call back", "prefers email", "duplicate?", "moved, new address pending"];
const HEADER = "id,first_name,last_name,email,phone,company,address,city,signup_date,notes\n";

function csvCell(value) {
  return /[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function generateRow(id, rnd) {
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const chinese = rnd() < 0.1;
  const first = chinese ? pick(ZH_FIRST) : pick(FIRST);
  const last = chinese ? pick(ZH_LAST) : pick(LAST);
  const email = chinese ? `user${id}@example.cn` : `${first}.${last}${id % 97}@example.com`.toLowerCase().replace(/[^a-z0-9.@]/g, "");
  const phone = chinese ? `138${String(Math.floor(rnd() * 1e8)).padStart(8, "0")}` : `+1-555-${String(Math.floor(rnd() * 1e7)).padStart(7, "0")}`;
  const company = rnd() < 0.5 ? `${pick(COMPANY)}, ${pick(SUFFIX)}` : pick(COMPANY);
  let address = `${1 + Math.floor(rnd() * 9999)} ${pick(STREET)}`;
  const r = rnd();
  if (r < 0.3) address += `, Apt ${1 + Math.floor(rnd() * 300)}`;
  else if (r < 0.33) address += `\nSuite ${1 + Math.floor(rnd() * 90)}`;
  const ci = Math.floor(rnd() * CITY.length);
  const date = `20${10 + Math.floor(rnd() * 15)}-${String(1 + Math.floor(rnd() * 12)).padStart(2, "0")}-${String(1 + Math.floor(rnd() * 28)).padStart(2, "0")}`;
  let notes = pick(NOTES);
  if (rnd() < 0.05) notes = `said "${pick(NOTES) || "hello"}" on the phone`;
  return [id, first, last, email, phone, company, address, CITY[ci], date, notes].map((v) => csvCell(String(v))).join(",") + "\n";
}

/** Writes the seeded file once per size and returns its path. */
function ensureData(mb) {
  const file = join(dataDir, `customers-${mb}mb.csv`);
  if (existsSync(file)) return file;
  mkdirSync(dataDir, { recursive: true });
  const target = mb * 1024 * 1024;
  const tmp = `${file}.partial`;
  const fd = openSync(tmp, "w");
  const rnd = mulberry32(20240501);
  let written = writeSync(fd, HEADER);
  let id = 1;
  while (written < target) {
    let block = "";
    for (let i = 0; i < 2000; i++) block += generateRow(id++, rnd);
    written += writeSync(fd, block);
  }
  closeSync(fd);
  renameSync(tmp, file);
  return file;
}

// ---------------------------------------------------------------------------------------------
// Contenders (each runs in a child process)
// ---------------------------------------------------------------------------------------------

// Each contender: `load` imports its modules (not timed), `run` reads the whole file (timed).
const contenders = {
  cleanse: {
    load: async () => ({ ...(await import("@cleanse/core")), ...(await import("@cleanse/io")) }),
    async run({ processRecords, readCsv }, file) {
      const run = processRecords(readCsv(file), []);
      let records = 0;
      for await (const batch of run.batches()) records += batch.length;
      if (run.report().totals.total !== records) throw new Error("report totals do not match the records read");
      return records;
    },
  },
  udsv: {
    load: () => import("udsv"),
    async run({ inferSchema, initParser }, file) {
      let parser = null;
      let records = 0;
      const onRow = () => {
        records++;
      };
      const decoder = new TextDecoder();
      for await (const chunk of createReadStream(file)) {
        const text = decoder.decode(chunk, { stream: true });
        parser ??= initParser(inferSchema(text));
        parser.chunk(text, parser.stringObjs, onRow);
      }
      parser.end();
      return records;
    },
  },
  papaparse: {
    load: () => import("papaparse"),
    run: ({ default: Papa }, file) =>
      new Promise((resolve, reject) => {
        let records = 0;
        Papa.parse(createReadStream(file, { encoding: "utf8" }), {
          header: true,
          skipEmptyLines: true,
          chunk(results) {
            records += results.data.length;
          },
          complete: () => resolve(records),
          error: reject,
        });
      }),
  },
  "csv-parse": {
    load: () => import("csv-parse"),
    async run({ parse }, file) {
      let records = 0;
      for await (const _record of createReadStream(file).pipe(parse({ columns: true }))) records++;
      return records;
    },
  },
};

async function child(name, file) {
  const contender = contenders[name];
  const modules = await contender.load();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const records = await contender.run(modules, file);
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  process.stdout.write(JSON.stringify({ records, ms, cpuMs: (cpu.user + cpu.system) / 1000, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
}

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

async function main() {
  const mb = process.argv.includes("--full") ? 1024 : Number(flag("mb", "20"));
  const runs = Number(flag("runs", "3"));
  const only = flag("only", Object.keys(contenders).join(",")).split(",");
  const file = ensureData(mb);
  const bytes = statSync(file).size;
  const samples = Object.fromEntries(only.map((n) => [n, []]));
  for (let run = 0; run < runs; run++) {
    for (const name of only) {
      const res = spawnSync(process.execPath, [fileURLToPath(import.meta.url), "--child", name, "--file", file], {
        encoding: "utf8",
        maxBuffer: 1 << 20,
      });
      if (res.status !== 0) throw new Error(`${name} failed:\n${res.stderr}`);
      samples[name].push(JSON.parse(res.stdout));
    }
  }
  const results = {};
  for (const name of only) {
    const s = samples[name];
    const ms = median(s.map((x) => x.ms));
    const cpuMs = median(s.map((x) => x.cpuMs));
    results[name] = {
      mbPerSec: Math.round((bytes / 1024 / 1024 / (ms / 1000)) * 10) / 10,
      // Throughput per CPU second (all threads): steadier than wall time on a shared machine.
      mbPerCpuSec: Math.round((bytes / 1024 / 1024 / (cpuMs / 1000)) * 10) / 10,
      recordsPerSec: Math.round(s[0].records / (ms / 1000)),
      records: s[0].records,
      peakRssMb: Math.round(median(s.map((x) => x.maxRssMb))),
      medianMs: Math.round(ms),
      medianCpuMs: Math.round(cpuMs),
    };
  }
  const peers = only.filter((n) => n !== "cleanse");
  const fastest = peers.reduce((best, n) => (best === undefined || results[n].mbPerSec > results[best].mbPerSec ? n : best), undefined);
  const counts = new Set(only.map((n) => results[n].records));
  console.log(
    JSON.stringify(
      {
        benchmark: "csv-ingest",
        node: process.version,
        cpu: `${cpus()[0]?.model ?? "unknown"} x${cpus().length}`,
        fileMb: Math.round((bytes / 1024 / 1024) * 10) / 10,
        runs,
        recordsAgree: counts.size === 1,
        results,
        ...(results.cleanse && fastest
          ? {
              fastestPeer: fastest,
              cleanseVsFastestPeer: Math.round((results.cleanse.mbPerSec / results[fastest].mbPerSec) * 100) / 100,
              cleanseVsFastestPeerCpu: Math.round((results.cleanse.mbPerCpuSec / results[fastest].mbPerCpuSec) * 100) / 100,
            }
          : {}),
      },
      null,
      2,
    ),
  );
}

if (process.argv.includes("--child")) await child(flag("child"), flag("file"));
else await main();
