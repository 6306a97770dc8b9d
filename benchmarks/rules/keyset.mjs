// Reference key sets: memory and lookup speed of the hashed (64-bit) key set against exact strings.
//
//   node benchmarks/rules/keyset.mjs              # 1M keys (CI size)
//   node benchmarks/rules/keyset.mjs --keys 10000000
//
// Each variant runs in its own child process: it streams the keys of a customers dataset into a reference
// rule (`references: [{ field: customer_id, in: { records, field: id }, exact }]`), then looks up 1M order
// keys (90% present). Memory is measured after a forced GC (heap + array buffers) and as peak RSS.
// Requires `node scripts/build.mjs`.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const argv = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = argv.indexOf(`--${name}`);
  return i === -1 ? fallback : argv[i + 1];
};

const key = (i) => `C${String(i).padStart(9, "0")}`;

if (argv[0] === "--child") {
  const variant = argv[1];
  const n = Number(argv[2]);
  const { compileRules } = await import("@cleanse/rules");
  function* customers() {
    for (let i = 0; i < n; i++) yield { id: key(i * 7) };
  }
  globalThis.gc?.();
  const base = process.memoryUsage();
  const checker = compileRules({ references: [{ field: "customer_id", in: { field: "id", records: customers() }, exact: variant === "exact" }] });
  const t0 = performance.now();
  await checker.prepare();
  const loadMs = performance.now() - t0;
  globalThis.gc?.();
  const after = process.memoryUsage();
  const lookups = 1_000_000;
  const orders = Array.from({ length: lookups }, (_, i) => ({ customer_id: key(((i * 7919) % n) * 7 + (i % 10 === 0 ? 1 : 0)) }));
  const t1 = performance.now();
  let missing = 0;
  for (let i = 0; i < lookups; i++) if (checker.check(orders[i]).length > 0) missing++;
  const lookupMs = performance.now() - t1;
  const bytes = after.heapUsed + after.arrayBuffers - (base.heapUsed + base.arrayBuffers);
  console.log(
    JSON.stringify({
      variant,
      keys: n,
      bytesPerKey: Math.round((bytes / n) * 10) / 10,
      heapMb: Math.round(bytes / 1048576),
      maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      loadKeysPerSecond: Math.round((n * 1000) / loadMs),
      lookupsPerSecond: Math.round((lookups * 1000) / lookupMs),
      missing,
      stats: checker.stats(),
    }),
  );
} else {
  const n = Number(flag("keys", 1_000_000));
  const self = fileURLToPath(import.meta.url);
  const results = {};
  for (const variant of ["hashed", "exact"]) {
    const child = spawnSync(process.execPath, ["--expose-gc", "--max-old-space-size=8192", self, "--child", variant, String(n)], { encoding: "utf8" });
    if (child.status !== 0) throw new Error(`${variant} failed:\n${child.stderr}`);
    results[variant] = JSON.parse(child.stdout);
  }
  const ratio = (a, b) => Math.round((a / b) * 100) / 100;
  console.log(
    JSON.stringify(
      {
        benchmark: "rules/keyset",
        keys: n,
        node: process.version,
        sameMissingCount: results.hashed.missing === results.exact.missing,
        results,
        ratios: {
          memoryExactVsHashed: ratio(results.exact.bytesPerKey, results.hashed.bytesPerKey),
          lookupHashedVsExact: ratio(results.hashed.lookupsPerSecond, results.exact.lookupsPerSecond),
        },
      },
      null,
      2,
    ),
  );
}
