import { createReadStream } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { AbortedError, toRecordSource, type DataRecord, type RecordInput } from "@cleanse/core";

/** Options of {@link sortByScore}. */
export interface SortByScoreOptions {
  /** Field holding the score. Defaults to `_score`. */
  readonly field?: string;
  /** `asc` (default) puts the worst records first. */
  readonly order?: "asc" | "desc";
  /** Records sorted in memory at a time; more are spilled to sorted temp files and merged. Defaults to 100,000. */
  readonly chunkSize?: number;
  /** Folder for the temp files. Defaults to the system's temp folder. */
  readonly tempDir?: string;
  readonly signal?: AbortSignal;
}

interface Item {
  readonly s: number;
  readonly q: number;
  readonly r: DataRecord;
}

interface Run {
  head: Item | undefined;
  next(): Promise<Item | undefined>;
  close(): void;
}

/**
 * Sorts records by their score, worst first, with bounded memory: up to `chunkSize` records are
 * sorted in memory; beyond that, sorted chunks go to temp files (JSON Lines) and are merged.
 * Records without a numeric score come last; equal scores keep their input order. Records that go
 * through a temp file come back as their JSON form (a Date becomes its ISO string).
 * @param input - records (an array, an async iterable or a record source such as `openSource("scored.csv")`)
 * @param options - score field, order, chunk size, temp folder
 * @returns the records in score order
 * @example
 * for await (const r of sortByScore([{ id: 1, _score: 90 }, { id: 2, _score: 40 }])) console.log(r.id); //=> 2, 1
 */
export async function* sortByScore(input: RecordInput, options: SortByScoreOptions = {}): AsyncGenerator<DataRecord> {
  const field = options.field ?? "_score";
  const sign = options.order === "desc" ? -1 : 1;
  const chunkSize = options.chunkSize ?? 100_000;
  if (!Number.isInteger(chunkSize) || chunkSize < 1) throw new RangeError(`chunkSize must be a positive integer; received ${chunkSize}`);
  const keyOf = (r: DataRecord): number => {
    const v = r[field];
    const n = typeof v === "number" ? v : typeof v === "string" && v.trim() !== "" ? Number(v) : Number.NaN;
    return Number.isFinite(n) ? sign * n : Number.POSITIVE_INFINITY;
  };
  const compare = (a: Item, b: Item) => (a.s < b.s ? -1 : a.s > b.s ? 1 : a.q - b.q);

  let chunk: Item[] = [];
  let seq = 0;
  let dir: string | undefined;
  const files: string[] = [];
  const runs: Run[] = [];
  try {
    for await (const batch of toRecordSource(input).batches(options.signal)) {
      if (options.signal?.aborted) throw new AbortedError(undefined, { cause: options.signal.reason });
      for (const r of batch.records) {
        chunk.push({ s: keyOf(r), q: seq++, r });
        if (chunk.length >= chunkSize) {
          dir ??= await mkdtemp(join(options.tempDir ?? tmpdir(), "cleanse-sort-"));
          const file = join(dir, `run-${files.length}.jsonl`);
          chunk.sort(compare);
          await writeFile(file, chunk.map((it) => JSON.stringify([it.s === Number.POSITIVE_INFINITY ? null : it.s, it.q, it.r])).join("\n") + "\n");
          files.push(file);
          chunk = [];
        }
      }
    }
    chunk.sort(compare);
    if (files.length === 0) {
      for (const it of chunk) yield it.r;
      return;
    }
    for (const file of files) runs.push(await openRun(file));
    runs.push(memoryRun(chunk));
    chunk = [];
    // k-way merge over the runs' heads
    const active = runs.filter((r) => r.head !== undefined);
    for (;;) {
      let best = -1;
      for (let i = 0; i < active.length; i++) {
        if (active[i]!.head !== undefined && (best < 0 || compare(active[i]!.head!, active[best]!.head!) < 0)) best = i;
      }
      if (best < 0) break;
      const run = active[best]!;
      yield run.head!.r;
      run.head = await run.next();
    }
  } finally {
    for (const run of runs) run.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  }
}

function memoryRun(items: Item[]): Run {
  let i = 0;
  const run: Run = {
    head: items[i++],
    next: async () => items[i++],
    close: () => {},
  };
  return run;
}

async function openRun(file: string): Promise<Run> {
  const stream = createReadStream(file, { encoding: "utf8" });
  const lines = createInterface({ input: stream, crlfDelay: Infinity })[Symbol.asyncIterator]();
  const next = async (): Promise<Item | undefined> => {
    const { value, done } = await lines.next();
    if (done) return undefined;
    const [s, q, r] = JSON.parse(value) as [number | null, number, DataRecord];
    return { s: s ?? Number.POSITIVE_INFINITY, q, r };
  };
  const run: Run = {
    head: await next(),
    next,
    close: () => stream.destroy(),
  };
  return run;
}
