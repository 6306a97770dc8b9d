import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { AbortedError } from "@cleanse/core";
import { createComparison, type Comparison } from "../comparisons/createComparison.ts";
import type { Vocabulary } from "../comparisons/vocabulary.ts";
import type { ComparisonConfig } from "../config/dedupeConfigSchema.ts";

const NULL_MARK = "\u0002";
const SEP = "\u0000";

/** Comparisons plus their texts per record, ready to compare pairs. */
export interface GammaInput {
  readonly configs: readonly ComparisonConfig[];
  readonly names: readonly string[];
  readonly nullValues: readonly string[] | undefined;
  /** texts[c][i]: normalized text of record i for comparison c. */
  readonly texts: readonly (readonly (string | null)[])[];
  readonly n: number;
  /** Document frequencies of the comparisons that weigh tokens (`tfidf`, `codes`); undefined for the others. */
  readonly vocabularies?: readonly (Vocabulary | undefined)[] | undefined;
}

export interface GammaOptions {
  /** Worker threads: 0 compares in this thread; "auto" uses up to 2 when there are many pairs. */
  readonly workers?: number | "auto" | undefined;
  readonly signal?: AbortSignal | undefined;
  /** Pairs compared so far, every {@link GAMMA_CHUNK} pairs or so (and about every 100 ms while workers finish). */
  readonly onProgress?: ((done: number) => void) | undefined;
}

/** Pairs compared between two calls of a chunk callback: few enough to stay responsive, many enough to cost nothing. */
export const GAMMA_CHUNK = 4096;

/** Pairs from which worker threads pay off. */
export const WORKER_MIN_PAIRS = 150_000;

export function compileComparisons(input: Pick<GammaInput, "configs" | "names" | "nullValues" | "vocabularies">): Comparison[] {
  return input.configs.map((c, k) =>
    createComparison(c, {
      name: input.names[k]!,
      vocabulary: input.vocabularies?.[k],
      ...(input.nullValues === undefined ? {} : { nullValues: input.nullValues }),
    }),
  );
}

/** A column of prepared values, computed on first use so records in no pair cost nothing. */
export interface PreparedColumn {
  get(i: number): unknown;
}

/**
 * Prepares values of `texts` lazily. With `local`, `texts` holds only some records and `local[i]` is
 * the position of record i in it.
 */
export function prepareColumn(comparison: Comparison, texts: readonly (string | null)[], local?: Int32Array): PreparedColumn {
  const cache = new Array<unknown>(texts.length);
  const prepare = comparison.prepare;
  return {
    get(i) {
      const k = local ? local[i]! : i;
      let p = cache[k];
      if (p === undefined) {
        const t = texts[k];
        p = t === null || t === undefined ? null : (prepare(t) ?? null);
        cache[k] = p;
      }
      return p;
    },
  };
}

/**
 * Writes the level of every comparison for pairs start..end-1 into out (row-major, one byte each). `onChunk` gets
 * the pairs done so far (from `start`) after every {@link GAMMA_CHUNK} pairs; it may throw to stop.
 */
export function fillGamma(
  comparisons: readonly Comparison[],
  prepared: readonly PreparedColumn[],
  codes: Float64Array,
  n: number,
  start: number,
  end: number,
  out: Uint8Array,
  onChunk?: (done: number) => void,
): void {
  const C = comparisons.length;
  const fns = comparisons.map((c) => c.comparePrepared);
  for (let from = start; from < end; ) {
    const to = Math.min(end, from + GAMMA_CHUNK);
    for (let p = from; p < to; p++) {
      const code = codes[p]!;
      const i = Math.floor(code / n);
      const j = code - i * n;
      const base = p * C;
      for (let c = 0; c < C; c++) {
        const col = prepared[c]!;
        const a = col.get(i);
        const b = col.get(j);
        out[base + c] = a === null || b === null ? 0 : fns[c]!(a, b);
      }
    }
    from = to;
    onChunk?.(to - start);
  }
}

export function packTexts(texts: readonly (string | null)[]): string {
  const parts = new Array<string>(texts.length);
  for (let i = 0; i < texts.length; i++) parts[i] = texts[i] ?? NULL_MARK;
  return parts.join(SEP);
}

export function unpackTexts(packed: string): (string | null)[] {
  const parts: (string | null)[] = packed.split(SEP);
  for (let i = 0; i < parts.length; i++) if (parts[i] === NULL_MARK) parts[i] = null;
  return parts;
}

function workerUrl(): URL | undefined {
  // Workers need the compiled JavaScript; running from TypeScript sources compares in this thread.
  if (!import.meta.url.endsWith(".js")) return undefined;
  return new URL("./compareWorker.js", import.meta.url);
}

/**
 * Worker threads to start. The calling thread compares a share of the pairs too, so `auto` starts one
 * worker fewer than the cores it uses (at most 2 cores).
 */
export function plannedWorkers(pairs: number, option: number | "auto" | undefined): number {
  const wanted = option ?? "auto";
  if (wanted === 0 || workerUrl() === undefined) return 0;
  if (wanted === "auto") return pairs >= WORKER_MIN_PAIRS ? Math.max(0, Math.min(2, availableParallelism()) - 1) : 0;
  return Math.max(0, Math.floor(wanted));
}

/** Records that pairs start..end-1 touch, ascending. */
function touchedRecords(codes: Float64Array, n: number, start: number, end: number): Int32Array {
  const mark = new Uint8Array(n);
  let count = 0;
  for (let p = start; p < end; p++) {
    const i = Math.floor(codes[p]! / n);
    const j = codes[p]! - i * n;
    if (mark[i] === 0) {
      mark[i] = 1;
      count++;
    }
    if (mark[j] === 0) {
      mark[j] = 1;
      count++;
    }
  }
  const out = new Int32Array(count);
  let w = 0;
  for (let i = 0; i < n; i++) if (mark[i] === 1) out[w++] = i;
  return out;
}

/**
 * Computes the comparison vector of every pair code. With workers, the pairs are cut into contiguous
 * regions: each worker gets one with the texts of only the records it touches, and this thread
 * compares the last region meanwhile.
 */
export async function computeGamma(input: GammaInput, codes: Float64Array, options: GammaOptions = {}): Promise<{ gamma: Uint8Array; workers: number }> {
  const C = input.configs.length;
  const workers = plannedWorkers(codes.length, options.workers);
  const comparisons = compileComparisons(input);
  const { signal, onProgress } = options;
  const checkAbort = (): void => {
    if (signal?.aborted) throw new AbortedError(undefined, { cause: signal.reason });
  };
  if (workers === 0) {
    const prepared = comparisons.map((c, k) => prepareColumn(c, input.texts[k]!));
    const gamma = new Uint8Array(codes.length * C);
    fillGamma(comparisons, prepared, codes, input.n, 0, codes.length, gamma, (done) => {
      checkAbort();
      onProgress?.(done);
    });
    return { gamma, workers: 0 };
  }
  const codeBuf = new SharedArrayBuffer(Math.max(8, codes.length * 8));
  new Float64Array(codeBuf).set(codes);
  const gammaBuf = new SharedArrayBuffer(Math.max(1, codes.length * C));
  const gamma = new Uint8Array(gammaBuf, 0, codes.length * C);
  const threads = workers + 1;
  const bounds = Array.from({ length: threads + 1 }, (_, k) => Math.floor((codes.length * k) / threads));
  const url = workerUrl()!;
  const pool: Worker[] = [];
  const done: Promise<void>[] = [];
  // Each worker writes the pairs it has compared into its slot; this thread adds them up for progress.
  const progressBuf = onProgress ? new SharedArrayBuffer(4 * workers) : undefined;
  const counters = progressBuf ? new Int32Array(progressBuf) : undefined;
  const workersDone = (): number => {
    let sum = 0;
    for (let w = 0; w < workers; w++) sum += Atomics.load(counters!, w);
    return sum;
  };
  let timer: ReturnType<typeof setInterval> | undefined;
  try {
    for (let w = 0; w < workers; w++) {
      const start = bounds[w]!;
      const end = bounds[w + 1]!;
      const records = touchedRecords(codes, input.n, start, end);
      const packed = input.texts.map((t) => {
        const subset = new Array<string | null>(records.length);
        for (let k = 0; k < records.length; k++) subset[k] = t[records[k]!] ?? null;
        return packTexts(subset);
      });
      const worker = new Worker(url, {
        workerData: {
          configs: input.configs,
          names: input.names,
          nullValues: input.nullValues ?? null,
          vocabularies: input.vocabularies ?? null,
          packed,
          records,
          n: input.n,
          codeBuf,
          gammaBuf,
          start,
          end,
          progressBuf: progressBuf ?? null,
          slot: w,
        },
      });
      pool.push(worker);
      done.push(
        new Promise<void>((resolve, reject) => {
          worker.once("message", () => resolve());
          worker.once("error", reject);
          worker.once("exit", (code) => {
            if (code !== 0) reject(new Error(`A comparison worker stopped with exit code ${code}.`));
          });
        }),
      );
    }
    // This thread takes the last region while the workers run.
    const prepared = comparisons.map((c, k) => prepareColumn(c, input.texts[k]!));
    const own = codes.length - bounds[workers]!;
    fillGamma(comparisons, prepared, codes, input.n, bounds[workers]!, codes.length, gamma, (mine) => {
      checkAbort();
      if (onProgress) onProgress(mine + workersDone());
    });
    checkAbort();
    if (onProgress) {
      onProgress(own + workersDone());
      timer = setInterval(() => onProgress(own + workersDone()), 100);
    }
    await Promise.all(done);
    onProgress?.(codes.length);
  } finally {
    if (timer !== undefined) clearInterval(timer);
    await Promise.all(pool.map((w) => w.terminate()));
  }
  return { gamma, workers };
}
