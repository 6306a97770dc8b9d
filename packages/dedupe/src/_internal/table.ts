import type { DataRecord } from "@cleanse/core";
import { normalizeText } from "./normalize.ts";

/** Records of one run with lazily normalized columns. In link mode `source` is 0 (left) or 1 (right). */
export interface Table {
  readonly n: number;
  readonly records: readonly DataRecord[];
  readonly source: Uint8Array | undefined;
  readonly nullSet: ReadonlySet<string>;
  column(field: string): readonly (string | null)[];
}

export function createTable(records: readonly DataRecord[], nullSet: ReadonlySet<string>, source?: Uint8Array): Table {
  const cache = new Map<string, (string | null)[]>();
  return {
    n: records.length,
    records,
    source,
    nullSet,
    column(field) {
      let col = cache.get(field);
      if (!col) {
        col = new Array<string | null>(records.length);
        for (let i = 0; i < records.length; i++) col[i] = normalizeText(records[i]![field], nullSet);
        cache.set(field, col);
      }
      return col;
    },
  };
}
