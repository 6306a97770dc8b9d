import { parentPort, workerData } from "node:worker_threads";
import { compileComparisons, fillGamma, prepareColumn, unpackTexts } from "./gamma.ts";

interface Task {
  readonly configs: Parameters<typeof compileComparisons>[0]["configs"];
  readonly names: readonly string[];
  readonly nullValues: readonly string[] | null;
  /** Texts of the records in `records`, one packed string per comparison. */
  readonly packed: readonly string[];
  /** Records this task touches, ascending. */
  readonly records: Int32Array;
  readonly n: number;
  readonly codeBuf: SharedArrayBuffer;
  readonly gammaBuf: SharedArrayBuffer;
  readonly start: number;
  readonly end: number;
}

const task = workerData as Task;
const comparisons = compileComparisons({ configs: task.configs, names: task.names, nullValues: task.nullValues ?? undefined });
const local = new Int32Array(task.n);
for (let k = 0; k < task.records.length; k++) local[task.records[k]!] = k;
const prepared = comparisons.map((c, k) => prepareColumn(c, unpackTexts(task.packed[k]!), local));
fillGamma(comparisons, prepared, new Float64Array(task.codeBuf), task.n, task.start, task.end, new Uint8Array(task.gammaBuf));
parentPort!.postMessage({ done: true });
