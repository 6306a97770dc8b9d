import { createReadStream, closeSync, openSync, writeSync } from "node:fs";
import { join } from "node:path";
import { StringDecoder } from "node:string_decoder";
import type { DataRecord } from "@cleanse/core";

/** A record with its standardized key and its position in its input. */
export interface Entry {
  readonly k: string;
  readonly s: number;
  readonly r: DataRecord;
}

/** How a side was ordered. */
export interface SortStats {
  mode: "presorted" | "memory" | "external";
  runs: number;
  spilledBytes: number;
}

const FAN_IN = 48;
const WRITE_CHUNK = 1 << 20;
const OUT_CHUNK = 1024;

export function compareEntries(a: Entry, b: Entry): number {
  return a.k < b.k ? -1 : a.k > b.k ? 1 : a.s - b.s;
}

/** Rough heap size of a record, to decide when to spill. */
export function estimateSize(record: DataRecord, key: string): number {
  let size = 96 + key.length * 2;
  for (const name in record) {
    const v = record[name];
    size += 40 + name.length;
    if (typeof v === "string") size += 24 + v.length * 2;
    else if (typeof v === "object" && v !== null) size += 64 + JSON.stringify(v).length * 2;
    else size += 8;
  }
  return size;
}

/**
 * Collects entries and gives them back ordered by (key, position). Entries stay in memory up to
 * `budgetBytes`; beyond that, sorted runs are written to `dir` and merged while reading.
 */
export function createExternalSorter(options: {
  readonly budgetBytes: number;
  readonly dir: () => string;
  readonly label: string;
  /**
   * Keep the last buffer in memory for the merge instead of spilling it. Saves a round trip to disk;
   * right only for the side read last, while nothing else holds a full buffer.
   */
  readonly lastRunInMemory?: boolean;
}): {
  add(entry: Entry): void;
  /** The entries in order, in chunks. */
  finish(): AsyncIterable<readonly Entry[]>;
  readonly stats: SortStats;
} {
  let buffer: Entry[] = [];
  let bytes = 0;
  const runs: string[] = [];
  let runCounter = 0;
  const stats: SortStats = { mode: "memory", runs: 0, spilledBytes: 0 };

  function writeRun(entries: Iterable<Entry>): string {
    const path = join(options.dir(), `${options.label}-${runCounter++}.jsonl`);
    const fd = openSync(path, "w");
    try {
      let chunk = "";
      for (const e of entries) {
        chunk += `${JSON.stringify([e.k, e.s, e.r])}\n`;
        if (chunk.length >= WRITE_CHUNK) {
          stats.spilledBytes += writeSync(fd, chunk);
          chunk = "";
        }
      }
      if (chunk.length > 0) stats.spilledBytes += writeSync(fd, chunk);
    } finally {
      closeSync(fd);
    }
    return path;
  }

  function spill(): void {
    buffer.sort(compareEntries);
    runs.push(writeRun(buffer));
    stats.mode = "external";
    stats.runs++;
    buffer = [];
    bytes = 0;
  }

  return {
    stats,
    add(entry) {
      buffer.push(entry);
      bytes += estimateSize(entry.r, entry.k);
      if (bytes >= options.budgetBytes) spill();
    },
    async *finish() {
      if (runs.length === 0) {
        buffer.sort(compareEntries);
        const all = buffer;
        buffer = [];
        for (let i = 0; i < all.length; i += OUT_CHUNK) yield all.slice(i, i + OUT_CHUNK);
        return;
      }
      let last: Entry[] = [];
      if (options.lastRunInMemory) {
        buffer.sort(compareEntries);
        last = buffer;
        buffer = [];
      } else if (buffer.length > 0) spill();
      let level = runs.splice(0);
      while (level.length > FAN_IN) {
        const next: string[] = [];
        for (let i = 0; i < level.length; i += FAN_IN) {
          const group = level.slice(i, i + FAN_IN);
          const merged: Entry[] = [];
          // Intermediate passes write through a bounded buffer, so memory stays flat.
          const path = join(options.dir(), `${options.label}-${runCounter++}.jsonl`);
          const fd = openSync(path, "w");
          try {
            for await (const chunk of mergeRuns(group)) {
              merged.push(...chunk);
              if (merged.length >= 4096) {
                stats.spilledBytes += writeSync(fd, merged.map((m) => `${JSON.stringify([m.k, m.s, m.r])}\n`).join(""));
                merged.length = 0;
              }
            }
            if (merged.length > 0) stats.spilledBytes += writeSync(fd, merged.map((m) => `${JSON.stringify([m.k, m.s, m.r])}\n`).join(""));
          } finally {
            closeSync(fd);
          }
          next.push(path);
        }
        level = next;
      }
      yield* mergeRuns(level, last);
    },
  };
}

/** Reads a run file as arrays of entries, one array per chunk read. */
async function* readRun(path: string): AsyncGenerator<Entry[]> {
  const decoder = new StringDecoder("utf8");
  let rest = "";
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 18 }) as AsyncIterable<Buffer>) {
    const text = rest + decoder.write(chunk);
    const out: Entry[] = [];
    let start = 0;
    let nl = text.indexOf("\n");
    while (nl !== -1) {
      const [k, s, r] = JSON.parse(text.slice(start, nl)) as [string, number, DataRecord];
      out.push({ k, s, r });
      start = nl + 1;
      nl = text.indexOf("\n", start);
    }
    rest = text.slice(start);
    if (out.length > 0) yield out;
  }
  rest += decoder.end();
  if (rest.trim() !== "") {
    const [k, s, r] = JSON.parse(rest) as [string, number, DataRecord];
    yield [{ k, s, r }];
  }
}

interface Cursor {
  items: Entry[];
  index: number;
  source: AsyncGenerator<Entry[]>;
}

async function* inMemory(entries: Entry[]): AsyncGenerator<Entry[]> {
  for (let i = 0; i < entries.length; i += OUT_CHUNK) yield entries.slice(i, i + OUT_CHUNK);
}

/** K-way merge of sorted run files (and optionally one sorted run in memory) with a binary heap, in chunks. */
async function* mergeRuns(paths: readonly string[], memory: Entry[] = []): AsyncGenerator<Entry[]> {
  const heap: Cursor[] = [];
  const head = (c: Cursor): Entry => c.items[c.index]!;
  const less = (a: Cursor, b: Cursor): boolean => compareEntries(head(a), head(b)) < 0;
  const up = (i: number): void => {
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!less(heap[i]!, heap[p]!)) break;
      [heap[i], heap[p]] = [heap[p]!, heap[i]!];
      i = p;
    }
  };
  const down = (i: number): void => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && less(heap[l]!, heap[m]!)) m = l;
      if (r < heap.length && less(heap[r]!, heap[m]!)) m = r;
      if (m === i) break;
      [heap[i], heap[m]] = [heap[m]!, heap[i]!];
      i = m;
    }
  };
  const sources = paths.map(readRun);
  if (memory.length > 0) sources.push(inMemory(memory));
  for (const source of sources) {
    const first = await source.next();
    if (!first.done) {
      heap.push({ items: first.value, index: 0, source });
      up(heap.length - 1);
    }
  }
  let out: Entry[] = [];
  while (heap.length > 0) {
    const top = heap[0]!;
    out.push(head(top));
    if (out.length >= OUT_CHUNK) {
      yield out;
      out = [];
    }
    top.index++;
    if (top.index >= top.items.length) {
      const next = await top.source.next();
      if (next.done) {
        const last = heap.pop()!;
        if (heap.length > 0) {
          heap[0] = last;
          down(0);
        }
        continue;
      }
      top.items = next.value;
      top.index = 0;
    }
    down(0);
  }
  if (out.length > 0) yield out;
}
