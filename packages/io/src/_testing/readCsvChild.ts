// Reads the CSV file named by argv[2] with readCsv and prints its records and their own keys as JSON,
// with the number of attempts to build a function from a string (a trap replaces the global Function
// before the reader is loaded, so an attempt counts even where a try/catch would hide it).
let attempts = 0;
globalThis.Function = new Proxy(Function, {
  apply(target, self, args) {
    attempts++;
    return Reflect.apply(target, self, args);
  },
  construct(target, args, newTarget) {
    attempts++;
    return Reflect.construct(target, args, newTarget);
  },
});

const { readCsv } = await import("../readCsv/readCsv.ts");
const records: Record<string, unknown>[] = [];
for await (const batch of readCsv(process.argv[2]!).batches()) records.push(...batch.records);
process.stdout.write(
  JSON.stringify({
    attempts,
    records: records.map((r) => ({ entries: Object.entries(r), ownKeys: Reflect.ownKeys(r), plainPrototype: Object.getPrototypeOf(r) === Object.prototype })),
  }),
);
