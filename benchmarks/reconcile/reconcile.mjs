// Reconciliation: two generated CRM/ERP-like files of N rows each, reconciled on a standardized email
// key with four standardized fields compared.
//
//   node benchmarks/reconcile/reconcile.mjs                 # 20k rows per side, 3 runs per contender
//   node benchmarks/reconcile/reconcile.mjs --rows 1000000  # the full run (or --full)
//   node benchmarks/reconcile/reconcile.mjs --runs 5 --only unsorted,naive --memory 128
//
// Contenders, each in its own child process so peak RSS is its own:
//   unsorted   reconcile() on shuffled files: external merge sort, spilling beyond --memory MB
//   presorted  reconcile({ sorted: true }) on files already ordered by key: a streaming merge
//   naive      the textbook in-memory hash join (right side in a Map, left side streamed), same
//              standardization and comparisons: the baseline for speed and memory
// Prints one JSON object: medians per contender, rows/s (both sides counted), peak RSS, and ratios.
// Requires `node scripts/build.mjs` (imports the built packages).
import { spawnSync } from "node:child_process";
import { createReadStream, existsSync, mkdirSync, openSync, closeSync, renameSync, writeSync } from "node:fs";
import { dirname, join } from "node:path";
import { StringDecoder } from "node:string_decoder";
import { fileURLToPath, pathToFileURL } from "node:url";
import { flag, mulberry32 } from "../_lib.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");
const dataDir = join(here, "..", ".data");
const RSS_LIMIT_MB = 500;

const full = process.argv.includes("--full");
const rows = Number(flag("rows", full ? 1_000_000 : 20_000));
const runs = Number(flag("runs", 3));
const memoryMb = Number(flag("memory", 128));
const only = flag("only", undefined)?.split(",");

// ---------------------------------------------------------------------------------------------
// Seeded data: the left side (CRM) and the right side (ERP) describe mostly the same customers
// ---------------------------------------------------------------------------------------------

const SURNAMES = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "Smith", "Garcia", "Müller", "Dubois"];
const GIVEN = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "Anna", "José", "Lukas", "Zoë"];
const CITIES = ["北京", "上海", "广州", "深圳", "杭州", "成都", "Berlin", "Paris", "Madrid", "Toronto"];

function person(i, rnd) {
  const mobile = `1${3 + Math.floor(rnd() * 6)}${String(Math.floor(rnd() * 1e9)).padStart(9, "0")}`;
  return {
    email: `c${((i * 2654435761) >>> 0).toString(36)}${i}@example.com`,
    mobile,
    name: `${SURNAMES[i % SURNAMES.length]} ${GIVEN[(i >> 3) % GIVEN.length]}`,
    city: CITIES[Math.floor(rnd() * CITIES.length)],
    credit: Math.floor(rnd() * 5000) * 100,
    updated: Date.UTC(2024, 0, 1) + Math.floor(rnd() * 300 * 86_400_000),
  };
}

function writeJsonl(path, records) {
  const temp = `${path}.tmp`;
  const fd = openSync(temp, "w");
  let chunk = "";
  for (const r of records) {
    chunk += `${JSON.stringify(r)}\n`;
    if (chunk.length > 1 << 20) {
      writeSync(fd, chunk);
      chunk = "";
    }
  }
  if (chunk) writeSync(fd, chunk);
  closeSync(fd);
  renameSync(temp, path);
}

function files(n) {
  const base = join(dataDir, `reconcile-${n}`);
  return { left: `${base}-left.jsonl`, right: `${base}-right.jsonl`, leftSorted: `${base}-left.sorted.jsonl`, rightSorted: `${base}-right.sorted.jsonl` };
}

function generate(n) {
  const f = files(n);
  if (Object.values(f).every((p) => existsSync(p))) return f;
  mkdirSync(dataDir, { recursive: true });
  const rnd = mulberry32(20240501);
  const left = [];
  const right = [];
  for (let i = 0; i < n; i++) {
    const p = person(i, rnd);
    const inLeft = rnd() >= 0.03; // 3% only in the ERP
    const inRight = rnd() >= 0.05; // 5% only in the CRM
    if (inLeft) {
      const m = p.mobile;
      left.push({
        customer_id: `C${String(i).padStart(8, "0")}`,
        email: rnd() < 0.2 ? p.email.toUpperCase() : p.email,
        phone: rnd() < 0.5 ? `+86-${m.slice(0, 3)}-${m.slice(3, 7)}-${m.slice(7)}` : `${m.slice(0, 3)} ${m.slice(3, 7)} ${m.slice(7)}`,
        name: p.name,
        city: p.city,
        credit_limit: `${(p.credit / 100).toLocaleString("en-US", { minimumFractionDigits: 2 })}`,
        updated_at: new Date(p.updated).toISOString(),
      });
    }
    if (inRight || !inLeft) {
      const drift = rnd();
      right.push({
        erp_id: `E${String(i).padStart(8, "0")}`,
        mail: p.email,
        mobile: drift < 0.03 ? `${p.mobile.slice(0, 10)}9` : p.mobile,
        name: drift > 0.97 ? `${p.name}*` : p.name,
        city: drift > 0.92 && drift <= 0.97 ? CITIES[(CITIES.indexOf(p.city) + 1) % CITIES.length] : p.city,
        credit_limit: drift > 0.9 && drift <= 0.92 ? p.credit / 100 + 1 : p.credit / 100,
        modified_at: new Date(p.updated + Math.floor(rnd() * 3 * 86_400_000)).toISOString(),
      });
    }
  }
  // Shuffle both sides (files exported in no useful order), then write sorted copies for the merge.
  for (const side of [left, right]) {
    for (let i = side.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [side[i], side[j]] = [side[j], side[i]];
    }
  }
  writeJsonl(f.left, left);
  writeJsonl(f.right, right);
  const byKey = (field) => (a, b) => {
    const x = a[field].trim().toLowerCase();
    const y = b[field].trim().toLowerCase();
    return x < y ? -1 : x > y ? 1 : 0;
  };
  writeJsonl(f.leftSorted, left.sort(byKey("email")));
  writeJsonl(f.rightSorted, right.sort(byKey("mail")));
  return f;
}

async function* readJsonl(path) {
  const decoder = new StringDecoder("utf8");
  let rest = "";
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    const text = rest + decoder.write(chunk);
    let start = 0;
    let nl = text.indexOf("\n");
    while (nl !== -1) {
      yield JSON.parse(text.slice(start, nl));
      start = nl + 1;
      nl = text.indexOf("\n", start);
    }
    rest = text.slice(start);
  }
  if (rest.trim()) yield JSON.parse(rest);
}

// ---------------------------------------------------------------------------------------------
// One contender, in a child process
// ---------------------------------------------------------------------------------------------

const options = (recon) => ({
  key: "email",
  map: { email: "mail", phone: "mobile" },
  fields: ["phone", "name", "city", "credit_limit"],
  standardize: { email: "email", phone: { phone: { region: "CN" } }, name: "text", city: "text", credit_limit: "number" },
  timestamps: { left: "updated_at", right: "modified_at" },
  names: { left: "crm", right: "erp" },
  ...recon,
});

async function child(contender) {
  const { reconcile, builtinStandardizers } = await import(pathToFileURL(join(root, "packages", "reconcile", "dist", "index.js")).href);
  const f = files(rows);
  const t0 = performance.now();
  let totals;
  let sort;
  if (contender === "unsorted") {
    const report = await reconcile(readJsonl(f.left), readJsonl(f.right), options({ memoryLimitMb: memoryMb }));
    totals = report.totals;
    sort = { left: report.left.sort, right: report.right.sort };
  } else if (contender === "presorted") {
    totals = (await reconcile(readJsonl(f.leftSorted), readJsonl(f.rightSorted), options({ sorted: true }))).totals;
  } else {
    // The baseline: everything of the right side in memory, keyed; the left side streamed past it.
    const s = builtinStandardizers;
    const std = { phone: s.phone({ region: "CN" }), name: s.text({}), city: s.text({}), credit_limit: s.number({}) };
    const emailForm = s.email({});
    // a key compares ignoring case, as reconcile compares e-mail keys
    const email = (v) => {
      const r = emailForm(v, "email");
      const out = r && typeof r === "object" && "ok" in r ? (r.ok ? r.value : v) : r;
      return typeof out === "string" ? out.toLowerCase() : null;
    };
    const fields = [
      ["phone", "mobile"],
      ["name", "name"],
      ["city", "city"],
      ["credit_limit", "credit_limit"],
    ];
    const norm = (v, f) => {
      const r = std[f](v, f);
      const out = r && typeof r === "object" && "ok" in r ? (r.ok ? r.value : v) : r;
      return out === null || out === undefined ? null : String(out);
    };
    const byKey = new Map();
    let right = 0;
    for await (const r of readJsonl(f.right)) {
      right++;
      const k = email(r.mail);
      if (k) byKey.set(k, r);
    }
    let left = 0;
    let matched = 0;
    let mismatched = 0;
    for await (const l of readJsonl(f.left)) {
      left++;
      const k = email(l.email);
      const r = k ? byKey.get(k) : undefined;
      if (!r) continue;
      byKey.delete(k);
      matched++;
      if (fields.some(([lf, rf]) => norm(l[lf], lf) !== norm(r[rf], lf))) mismatched++;
    }
    totals = { left, right, matched, mismatched, leftOnly: left - matched, rightOnly: right - matched };
  }
  const ms = performance.now() - t0;
  process.stdout.write(JSON.stringify({ ms, peakRssMb: process.resourceUsage().maxRSS / 1024, totals, ...(sort ? { sort } : {}) }));
}

// ---------------------------------------------------------------------------------------------
// Driver
// ---------------------------------------------------------------------------------------------

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  if (!existsSync(join(root, "packages", "reconcile", "dist", "index.js"))) {
    console.error("The packages are not built: run `node scripts/build.mjs` first.");
    process.exit(2);
  }
  const tg = performance.now();
  generate(rows);
  const generateMs = performance.now() - tg;
  const contenders = ["unsorted", "presorted", "naive"].filter((c) => !only || only.includes(c));
  const results = {};
  for (const c of contenders) {
    const samples = [];
    for (let i = 0; i < runs; i++) {
      const run = spawnSync(process.execPath, [fileURLToPath(import.meta.url), "--child", c, "--rows", String(rows), "--memory", String(memoryMb)], {
        encoding: "utf8",
        maxBuffer: 16 << 20,
        stdio: ["ignore", "pipe", "inherit"],
      });
      if (run.status !== 0) throw new Error(`${c} exited with ${run.status}`);
      samples.push(JSON.parse(run.stdout));
    }
    const ms = median(samples.map((s) => s.ms));
    const t = samples[0].totals;
    results[c] = {
      ms: Math.round(ms),
      rowsPerSec: Math.round(((t.left + t.right) * 1000) / ms),
      peakRssMb: Math.round(median(samples.map((s) => s.peakRssMb))),
      totals: t,
      ...(samples[0].sort ? { sort: samples[0].sort } : {}),
    };
  }
  const u = results.unsorted;
  const p = results.presorted;
  const n = results.naive;
  const ratios = {};
  if (u && p) ratios.presortedSpeedupOverUnsorted = +(u.ms / p.ms).toFixed(2);
  if (u && n) {
    ratios.unsortedTimeVsNaive = +(u.ms / n.ms).toFixed(2);
    ratios.unsortedRssVsNaive = +(u.peakRssMb / n.peakRssMb).toFixed(2);
  }
  if (p && n) ratios.presortedRssVsNaive = +(p.peakRssMb / n.peakRssMb).toFixed(2);
  const agree = u && p ? u.totals.matched === p.totals.matched && u.totals.mismatched === p.totals.mismatched : undefined;
  console.log(
    JSON.stringify(
      {
        rows,
        runs,
        memoryLimitMb: memoryMb,
        generateMs: Math.round(generateMs),
        results,
        ratios,
        rssLimitMb: RSS_LIMIT_MB,
        withinRssLimit: [u, p].filter(Boolean).every((r) => r.peakRssMb < RSS_LIMIT_MB),
        ...(agree === undefined ? {} : { sortedAndUnsortedAgree: agree }),
      },
      null,
      2,
    ),
  );
}

if (process.argv.includes("--child")) await child(flag("child"));
else await main();
