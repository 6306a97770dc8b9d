// Profiling throughput and memory: profileRecords over a generated 10-column CSV read with readCsv,
// beside reading the same file without profiling (the floor), each in its own child process so its
// peak RSS is its own. Also checks the HyperLogLog estimate against a column's known distinct count.
//
//   node benchmarks/profile/profile.mjs              # 100,000 rows, 3 runs each
//   node benchmarks/profile/profile.mjs --full       # 1,000,000 rows
//   node benchmarks/profile/profile.mjs --rows 250000 --runs 5
//
// Requires `node scripts/build.mjs` (it imports the built packages). Prints one JSON object.
import { spawnSync } from "node:child_process";
import { closeSync, existsSync, mkdirSync, openSync, renameSync, statSync, writeSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { flag, mulberry32 } from "../_lib.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");
const dataDir = join(here, "..", ".data");

// ---------------------------------------------------------------------------------------------
// Seeded data: 10 columns of the kinds a CRM export has
// ---------------------------------------------------------------------------------------------

const SURNAMES = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周"];
const GIVEN = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳"];
const LATIN = ["Smith", "Garcia", "Müller", "Rossi", "Dubois", "Nakamura", "O'Brien"];
const CITIES = ["北京", "上海", "广州", "深圳", "杭州", "成都", "南京", "武汉", "西安", "苏州"];
const STATUSES = ["active", "inactive", "prospect", "Active", " inactive"];
const HEADER = "customer_id,name,phone,email,city,signup_date,credit_limit,status,account,note\n";

/** `account` takes rows * 0.6 different values: its true distinct count is known. */
const accountsFor = (rows) => Math.max(1, Math.floor(rows * 0.6));

function row(i, rnd, accounts) {
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const pad = (n, w) => String(n).padStart(w, "0");
  const name = rnd() < 0.9 ? pick(SURNAMES) + pick(GIVEN) + (rnd() < 0.5 ? pick(GIVEN) : "") : pick(LATIN);
  const mobile = `13${Math.floor(rnd() * 10)}${pad(Math.floor(rnd() * 1e8), 8)}`;
  const phone = rnd() < 0.1 ? `+86 ${mobile.slice(0, 3)} ${mobile.slice(3, 7)} ${mobile.slice(7)}` : rnd() < 0.02 ? "" : mobile;
  const email = rnd() < 0.03 ? "" : `u${i}@example.cn`;
  const y = 2018 + Math.floor(rnd() * 7), m = 1 + Math.floor(rnd() * 12), d = 1 + Math.floor(rnd() * 28);
  const date = rnd() < 0.8 ? `${y}-${pad(m, 2)}-${pad(d, 2)}` : rnd() < 0.5 ? `${pad(d, 2)}/${pad(m, 2)}/${y}` : `${y}年${m}月${d}日`;
  const credit = rnd() < 0.7 ? String(Math.floor(rnd() * 1e6)) : (rnd() * 1e6).toFixed(2);
  const note = rnd() < 0.6 ? "" : rnd() < 0.5 ? `"call back, ${pick(CITIES)}"` : "VIP";
  return `C${pad(i, 8)},${name},${phone},${email},${pick(CITIES)},${date},${credit},${pick(STATUSES)},A${(i * 7919) % accounts},${note}\n`;
}

function ensureData(rows) {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, `profile-${rows}.csv`);
  if (existsSync(file)) return file;
  const rnd = mulberry32(20240601);
  const accounts = accountsFor(rows);
  const tmp = `${file}.tmp`;
  const fd = openSync(tmp, "w");
  let buf = HEADER;
  for (let i = 0; i < rows; i++) {
    buf += row(i, rnd, accounts);
    if (buf.length > 1 << 20) {
      writeSync(fd, buf);
      buf = "";
    }
  }
  writeSync(fd, buf);
  closeSync(fd);
  renameSync(tmp, file);
  return file;
}

// ---------------------------------------------------------------------------------------------
// Child: one measured run
// ---------------------------------------------------------------------------------------------

async function child(mode, file) {
  const { readCsv } = await import(pathToFileURL(join(root, "packages", "io", "dist", "index.js")).href);
  const { profileRecords } = await import(pathToFileURL(join(root, "packages", "profile", "dist", "index.js")).href);
  const t0 = performance.now();
  let rows = 0;
  let account;
  if (mode === "read") {
    for await (const batch of readCsv(file, { encoding: "utf8" }).batches()) rows += batch.records.length;
  } else {
    const profile = await profileRecords(readCsv(file, { encoding: "utf8" }));
    rows = profile.records;
    account = profile.columns.find((c) => c.name === "account")?.distinct;
  }
  const ms = performance.now() - t0;
  process.stdout.write(JSON.stringify({ rows, ms, maxRssMB: process.resourceUsage().maxRSS / 1024, account }));
}

// ---------------------------------------------------------------------------------------------
// Parent
// ---------------------------------------------------------------------------------------------

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function parent() {
  if (!existsSync(join(root, "packages", "profile", "dist", "index.js")) || !existsSync(join(root, "packages", "io", "dist", "index.js"))) {
    console.error("The packages are not built: run `node scripts/build.mjs` first.");
    process.exit(2);
  }
  const rows = process.argv.includes("--full") ? 1_000_000 : Number(flag("rows", 100_000));
  const runs = Number(flag("runs", 3));
  const file = ensureData(rows);
  const mb = statSync(file).size / 1024 / 1024;
  const results = {};
  for (const mode of ["read", "profile"]) {
    const samples = [];
    for (let r = 0; r < runs; r++) {
      const out = spawnSync(process.execPath, [fileURLToPath(import.meta.url), "--child", mode, file], { encoding: "utf8", maxBuffer: 1 << 24 });
      if (out.status !== 0) {
        console.error(out.stderr);
        process.exit(1);
      }
      samples.push(JSON.parse(out.stdout));
    }
    const ms = median(samples.map((s) => s.ms));
    results[mode] = {
      rowsPerSecond: Math.round((rows * 1000) / ms),
      mbPerSecond: Math.round((mb * 1000 * 10) / ms) / 10,
      seconds: Math.round(ms) / 1000,
      peakRssMB: Math.round(median(samples.map((s) => s.maxRssMB))),
      ...(samples[0].account ? { account: samples[0].account } : {}),
    };
  }
  const trueDistinct = accountsFor(rows);
  const est = results.profile.account;
  delete results.profile.account;
  console.log(
    JSON.stringify(
      {
        benchmark: "profile",
        node: process.version,
        rows,
        columns: 10,
        fileMB: Math.round(mb * 10) / 10,
        runs,
        read: results.read,
        profile: results.profile,
        profileVsRead: Math.round((results.profile.rowsPerSecond / results.read.rowsPerSecond) * 100) / 100,
        peakRssUnder300MB: results.profile.peakRssMB < 300,
        distinct: est
          ? { column: "account", true: trueDistinct, estimated: est.count, exact: est.exact, relativeError: Math.round((Math.abs(est.count - trueDistinct) / trueDistinct) * 10000) / 10000, standardError: est.standardError ?? 0 }
          : undefined,
      },
      null,
      2,
    ),
  );
}

if (process.argv[2] === "--child") await child(process.argv[3], process.argv[4]);
else await parent();
