import { getField, DataError, type DataRecord } from "@cleanse/core";
import type { FieldStandardizer } from "../builtinStandardizers/builtinStandardizers.ts";
import { createExternalSorter, type Entry, type SortStats } from "./externalSort.ts";
import { applyStandardizer, valueText } from "./fieldPlan.ts";

/** Separates the parts of a compound key; it sorts before every printable character. */
export const KEY_SEPARATOR = "\u001f";

/** Builds a record's key from its standardized key fields; undefined when a part is empty. */
export function makeKeyOf(fields: readonly string[], standardizers: readonly (FieldStandardizer | undefined)[]): (record: DataRecord) => string | undefined {
  return (record) => {
    let key = "";
    for (let i = 0; i < fields.length; i++) {
      const f = fields[i]!;
      const text = valueText(applyStandardizer(standardizers[i], getField(record, f), f));
      if (text === null) return undefined;
      key += i === 0 ? text : KEY_SEPARATOR + text;
    }
    return key;
  };
}

/** One side, keyed and in key order, in chunks. */
export interface OrderedSide {
  readonly entries: AsyncIterable<readonly Entry[]>;
  readonly stats: SortStats;
  /** Records read so far. */
  records(): number;
  /** Records without a key so far. */
  missingKey(): number;
}

/**
 * Keys every record of a side and orders the side by key: presorted input is checked and passed
 * through; other input is sorted, spilling to disk beyond the memory budget.
 */
export function orderSide(
  records: AsyncIterable<readonly DataRecord[]>,
  keyOf: (record: DataRecord) => string | undefined,
  options: { readonly side: "left" | "right"; readonly name: string; readonly presorted: boolean; readonly budgetBytes: number; readonly dir: () => string },
): OrderedSide {
  let count = 0;
  let missing = 0;
  const stats: SortStats = { mode: options.presorted ? "presorted" : "memory", runs: 0, spilledBytes: 0 };

  async function* presorted(): AsyncGenerator<readonly Entry[]> {
    let previous: string | undefined;
    for await (const chunk of records) {
      const out: Entry[] = [];
      for (let i = 0; i < chunk.length; i++) {
        const r = chunk[i]!;
        const s = count++;
        const k = keyOf(r);
        if (k === undefined) {
          missing++;
          continue;
        }
        if (previous !== undefined && k < previous) {
          throw new DataError(
            `The ${options.side} input "${options.name}" is not sorted by its key: record ${s + 1} has key "${show(k)}" after "${show(previous)}".`,
            {
              code: "CLEANSE_RECONCILE_NOT_SORTED",
              location: { file: options.name, record: s + 1 },
              hint: "drop the sorted option to let reconcile sort it, or sort by the standardized key in binary order (ORDER BY key COLLATE \"C\")",
            },
          );
        }
        previous = k;
        out.push({ k, s, r });
      }
      if (out.length > 0) yield out;
    }
  }

  async function* sorted(): AsyncGenerator<readonly Entry[]> {
    // The right side is sorted last: its final buffer can stay in memory for the merge.
    const sorter = createExternalSorter({ budgetBytes: options.budgetBytes, dir: options.dir, label: options.side, lastRunInMemory: options.side === "right" });
    for await (const chunk of records) {
      for (let i = 0; i < chunk.length; i++) {
        const r = chunk[i]!;
        const s = count++;
        const k = keyOf(r);
        if (k === undefined) {
          missing++;
          continue;
        }
        sorter.add({ k, s, r });
      }
    }
    const merged = sorter.finish();
    stats.mode = sorter.stats.mode;
    stats.runs = sorter.stats.runs;
    stats.spilledBytes = sorter.stats.spilledBytes;
    yield* merged;
    stats.spilledBytes = sorter.stats.spilledBytes;
  }

  return {
    entries: options.presorted ? presorted() : sorted(),
    stats,
    records: () => count,
    missingKey: () => missing,
  };
}

function show(key: string): string {
  return key.replaceAll(KEY_SEPARATOR, "|");
}
