import { parentPort, workerData } from "node:worker_threads";
import { compileComparisons, fillGamma, prepareColumn, unpackTexts } from "./gamma.ts";

interface Task {
  readonly configs: Parameters<typeof compileComparisons>[0]["configs"];
  readonly names: readonly string[];
  readonly nullValues: readonly string[] | null;
  readonly vocabularies: Parameters<typeof compileComparisons>[0]["vocabularies"] | null;
  /** Texts of the records in `records`, one packed string per comparison. */
  readonly packed: readonly string[];
  /** Records this task touches, ascending. */
  readonly records: Int32Array;
  readonly n: number;
  readonly codeBuf: SharedArrayBuffer;
  readonly gammaBuf: SharedArrayBuffer;
  readonly start: number;
  readonly end: number;
  /** Where this worker counts the pairs it has compared (slot `slot`), for progress; null when nobody listens. */
  readonly progressBuf: SharedArrayBuffer | null;
  readonly slot: number;
}

const task = workerData as Task;
const comparisons = compileComparisons({ configs: task.configs, names: task.names, nullValues: task.nullValues ?? undefined, vocabularies: task.vocabularies ?? undefined });
const local = new Int32Array(task.n);
for (let k = 0; k < task.records.length; k++) local[task.records[k]!] = k;
const prepared = comparisons.map((c, k) => prepareColumn(c, unpackTexts(task.packed[k]!), local));
const counters = task.progressBuf ? new Int32Array(task.progressBuf) : undefined;
fillGamma(
  comparisons,
  prepared,
  new Float64Array(task.codeBuf),
  task.n,
  task.start,
  task.end,
  new Uint8Array(task.gammaBuf),
  counters ? (done) => Atomics.store(counters, task.slot, done) : undefined,
);
parentPort!.postMessage({ done: true });
