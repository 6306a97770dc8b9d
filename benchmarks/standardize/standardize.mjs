// Standardizers beside the raw dependency calls they wrap.
//
//   node benchmarks/standardize/standardize.mjs [--size 100000 | --full] [--repeat 5] [--only phone,date,decimal]
//
// --full measures 1,000,000 values of each kind (a few minutes); the default of 100,000 takes well under a minute.
// Each kind (phone, date, decimal) runs in its own child process (clean JIT state, its own peak RSS) over seeded
// values. Inside it the contenders are warmed up, then timed in rounds that alternate forward and backward, so that
// a raw call and its standardizer run back to back under the same background load: the machine is shared and noisy.
// Throughput is the median over the rounds; overhead = standardize time / raw time - 1, the median of the
// per-round ratios.
import { spawnSync } from "node:child_process";
import { cpus } from "node:os";
import { fileURLToPath } from "node:url";

const args = process.argv.slice(2);
function flag(name, fallback) {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
}
const size = args.includes("--full") ? 1_000_000 : Number(flag("size", "100000"));
const repeat = Number(flag("repeat", "5"));
const only = flag("only", "phone,date,decimal").split(",");

// ---------------------------------------------------------------------------------------------- data

function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pad = (n, w = 2) => String(n).padStart(w, "0");

/** Chinese mobile and fixed-line numbers written the ways CRM exports write them. */
function phones(n) {
  const r = rng(1);
  const prefixes = ["130", "131", "135", "136", "138", "139", "150", "151", "158", "186", "188", "199"];
  const out = new Array(n);
  for (let i = 0; i < n; i++) {
    const p = prefixes[Math.floor(r() * prefixes.length)];
    const a = pad(Math.floor(r() * 10000), 4);
    const b = pad(Math.floor(r() * 10000), 4);
    switch (i % 6) {
      case 0: out[i] = `+86-${p}-${a}-${b}`; break;
      case 1: out[i] = `${p}${a}${b}`; break;
      case 2: out[i] = `${p} ${a} ${b}`; break;
      case 3: out[i] = `+86 ${p}${a}${b}`; break;
      case 4: out[i] = `(010) ${pad(Math.floor(r() * 9000) + 1000, 4)} ${b}`; break;
      default: out[i] = `021-${pad(Math.floor(r() * 9000) + 1000, 4)}${b}`;
    }
  }
  return out;
}

/** One column of day-first dates (dd/MM/yyyy), the shape the raw date-fns call is given. */
function dates(n) {
  const r = rng(2);
  const out = new Array(n);
  for (let i = 0; i < n; i++) {
    const y = 1990 + Math.floor(r() * 35);
    const m = 1 + Math.floor(r() * 12);
    const d = 1 + Math.floor(r() * 28);
    out[i] = `${pad(d)}/${pad(m)}/${y}`;
  }
  return out;
}

/** Dates in many shapes: what a column looks like after a merge of several systems. */
function mixedDates(n) {
  const r = rng(3);
  const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  const out = new Array(n);
  for (let i = 0; i < n; i++) {
    const y = 1990 + Math.floor(r() * 35);
    const m = 1 + Math.floor(r() * 12);
    const d = 1 + Math.floor(r() * 28);
    switch (i % 7) {
      case 0: out[i] = `${y}-${pad(m)}-${pad(d)}`; break;
      case 1: out[i] = `${y}/${m}/${d}`; break;
      case 2: out[i] = `${pad(d)}-${pad(m)}-${y}`; break;
      case 3: out[i] = `${y}${pad(m)}${pad(d)}`; break;
      case 4: out[i] = `${y}年${m}月${d}日`; break;
      case 5: out[i] = `${d} ${months[m - 1]} ${y}`; break;
      default: out[i] = `${y}-${pad(m)}-${pad(d)}T${pad(Math.floor(r() * 24))}:${pad(Math.floor(r() * 60))}:00+08:00`;
    }
  }
  return out;
}

/** Plain decimal strings with 0-4 decimals: what decimal.js itself can read. */
function decimals(n) {
  const r = rng(4);
  const out = new Array(n);
  for (let i = 0; i < n; i++) {
    const int = Math.floor(r() * 1_000_000);
    const places = i % 5;
    const frac = places === 0 ? "" : `.${pad(Math.floor(r() * 10 ** places), places)}`;
    out[i] = `${r() < 0.1 ? "-" : ""}${int}${frac}`;
  }
  return out;
}

/** Amounts as people write them: grouping, currency, brackets, full-width digits. */
function messyDecimals(n) {
  const plain = decimals(n);
  const out = new Array(n);
  for (let i = 0; i < n; i++) {
    const v = plain[i];
    const grouped = v.replace(/^(-?)(\d+)/, (_m, s, d) => s + d.replace(/\B(?=(\d{3})+(?!\d))/g, ","));
    switch (i % 5) {
      case 0: out[i] = v; break;
      case 1: out[i] = grouped; break;
      case 2: out[i] = `¥${grouped}.50`.replace(/\.(\d+)\.50$/, ".$1"); break;
      case 3: out[i] = v.startsWith("-") ? `(${v.slice(1)})` : `$ ${v}`; break;
      default: out[i] = v.replace(/[0-9.]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------- contenders

// Contenders of a kind share one array of values: less memory, and less garbage collection noise.
const generated = new Map();
function once(generate) {
  if (!generated.has(generate)) generated.set(generate, generate(size));
  return generated.get(generate);
}

// Listed so that each raw call sits next to the standardizer compared with it.
const contenders = {
  "phone.raw": async () => {
    const { parsePhoneNumber } = await import("libphonenumber-js/max");
    return { data: once(phones), fn: (v) => parsePhoneNumber(v, "CN").format("E.164") };
  },
  "phone.standardize": async () => {
    const { createPhoneStandardizer } = await import("@cleanse/standardize");
    const fn = createPhoneStandardizer({ region: "CN", format: "E.164" });
    return { data: once(phones), fn };
  },
  "phone.raw-with-type": async () => {
    const { parsePhoneNumber } = await import("libphonenumber-js/max");
    return {
      data: once(phones),
      fn: (v) => {
        const p = parsePhoneNumber(v, "CN");
        return p.getType() === undefined ? undefined : p.format("E.164");
      },
    };
  },
  "phone.raw-min-metadata": async () => {
    const { parsePhoneNumber } = await import("libphonenumber-js");
    return { data: once(phones), fn: (v) => parsePhoneNumber(v, "CN").format("E.164") };
  },
  "phone.raw-national": async () => {
    const { parsePhoneNumber } = await import("libphonenumber-js/max");
    return { data: once(phones), fn: (v) => parsePhoneNumber(v, "CN").formatNational() };
  },
  "phone.standardize-national": async () => {
    const { createPhoneStandardizer } = await import("@cleanse/standardize");
    const fn = createPhoneStandardizer({ region: "CN", format: "national" });
    return { data: once(phones), fn };
  },
  "date.raw": async () => {
    const { parse, format } = await import("date-fns");
    const ref = new Date(2000, 0, 1);
    return { data: once(dates), fn: (v) => format(parse(v, "dd/MM/yyyy", ref), "yyyy-MM-dd") };
  },
  "date.standardize-inferred": async () => {
    // What the step does with order: infer: decide from the first 1000 values, then standardize the column.
    const { createDateStandardizer } = await import("@cleanse/standardize");
    const { inferDateOrder } = await import("@cleanse/values");
    const data = once(dates);
    let fn;
    return {
      data,
      setup: () => {
        fn = createDateStandardizer({ order: inferDateOrder(data.slice(0, 1000)).order });
      },
      fn: (v) => fn(v),
    };
  },
  "date.raw-parse-only": async () => {
    const { parse } = await import("date-fns");
    const ref = new Date(2000, 0, 1);
    return { data: once(dates), fn: (v) => parse(v, "dd/MM/yyyy", ref) };
  },
  "date.standardize-mixed": async () => {
    const { createDateStandardizer } = await import("@cleanse/standardize");
    const fn = createDateStandardizer({ order: "dmy" });
    return { data: once(mixedDates), fn };
  },
  "decimal.raw": async () => {
    const { Decimal } = await import("decimal.js");
    return { data: once(decimals), fn: (v) => new Decimal(v).toFixed(2) };
  },
  "decimal.standardize": async () => {
    const { createDecimalStandardizer } = await import("@cleanse/standardize");
    const fn = createDecimalStandardizer({ scale: 2 });
    return { data: once(decimals), fn };
  },
  "decimal.standardize-messy": async () => {
    const { createDecimalStandardizer } = await import("@cleanse/standardize");
    const fn = createDecimalStandardizer({ scale: 2, locale: "en" });
    return { data: once(messyDecimals), fn };
  },
};

async function child(kind) {
  const names = Object.keys(contenders).filter((n) => n.startsWith(`${kind}.`));
  const runs = [];
  for (const name of names) runs.push({ name, ...(await contenders[name]()) });
  let sink = 0;
  const failures = new Map();
  function pass(run) {
    let failed = 0;
    const t0 = performance.now();
    run.setup?.();
    const { data, fn } = run;
    for (let i = 0; i < data.length; i++) {
      const out = fn(data[i]);
      if (out === undefined || out.ok === false) failed++;
      else sink++;
    }
    failures.set(run.name, failed);
    return performance.now() - t0;
  }
  for (const run of runs) {
    // warm-up: one pass over a slice, then one full pass
    run.setup?.();
    for (let i = 0; i < Math.min(run.data.length, 20_000); i++) if (run.fn(run.data[i]) !== undefined) sink++;
    pass(run);
  }
  const times = new Map(runs.map((r) => [r.name, []]));
  // Rounds alternate forward and backward (A B, B A, ...), so that a pair compared in a ratio runs back to back
  // and neither always goes first.
  for (let round = 0; round < repeat; round++) {
    for (let k = 0; k < runs.length; k++) {
      const run = runs[round % 2 === 0 ? k : runs.length - 1 - k];
      times.get(run.name).push(pass(run));
    }
  }
  const results = {};
  for (const run of runs) {
    const ms = median(times.get(run.name));
    results[run.name] = { values: run.data.length, ms: round2(ms), perSecond: Math.round(run.data.length / (ms / 1000)), failures: failures.get(run.name), roundsMs: times.get(run.name).map(round2) };

  }
  process.stdout.write(JSON.stringify({ kind, maxRssMB: round2(process.resourceUsage().maxRSS / 1024), results, sink: sink > 0 }));
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function round2(x) {
  return Math.round(x * 100) / 100;
}

if (args[0] === "--child") {
  await child(args[1]);
} else {
  const results = {};
  const rounds = {};
  const rss = {};
  for (const kind of ["phone", "date", "decimal"]) {
    if (!only.includes(kind)) continue;
    const run = spawnSync(process.execPath, [fileURLToPath(import.meta.url), "--child", kind, "--size", String(size), "--repeat", String(repeat)], {
      encoding: "utf8",
      maxBuffer: 1 << 24,
    });
    if (run.status !== 0) {
      process.stderr.write(run.stderr);
      process.exit(run.status ?? 1);
    }
    const out = JSON.parse(run.stdout);
    rss[kind] = out.maxRssMB;
    for (const [name, r] of Object.entries(out.results)) {
      rounds[name] = r.roundsMs;
      results[name] = r;
    }
  }
  // Paired ratios: each round timed both contenders back to back.
  const overhead = (a, b) => (rounds[a] && rounds[b] ? round2(median(rounds[a].map((t, i) => t / rounds[b][i] - 1))) : undefined);
  const speedup = (a, b) => (rounds[a] && rounds[b] ? round2(median(rounds[a].map((t, i) => rounds[b][i] / t))) : undefined);
  const summary = {
    phoneOverhead: overhead("phone.standardize", "phone.raw"),
    phoneOverheadVsSameWork: overhead("phone.standardize", "phone.raw-with-type"),
    phoneNationalOverhead: overhead("phone.standardize-national", "phone.raw-national"),
    decimalOverhead: overhead("decimal.standardize", "decimal.raw"),
    dateSpeedupOverDateFns: speedup("date.standardize-inferred", "date.raw"),
    datesPerSecondInferred: results["date.standardize-inferred"]?.perSecond,
    datesPerSecondMixed: results["date.standardize-mixed"]?.perSecond,
  };
  process.stdout.write(
    `${JSON.stringify({ benchmark: "standardize", node: process.version, cpu: cpus()[0]?.model, cores: cpus().length, size, repeat, summary, maxRssMB: rss, results }, null, 2)}\n`,
  );
}
