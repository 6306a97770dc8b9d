import { stat } from "node:fs/promises";
import type { DataRecord } from "@cleanse/core";
import { LABEL_COLUMNS, readLabels, type LabelledPair } from "@cleanse/dedupe";
import { readCsv, writeCsv } from "@cleanse/io";

/** The ids a labels file may name: of the records (dedupe), or of the left and the right source (link). */
export interface LabelIds {
  readonly ids: ReadonlySet<string>;
  readonly rightIds?: ReadonlySet<string>;
}

/** The ids of records, as the matching reads them. */
export function idsOf(records: readonly DataRecord[], idField: string): Set<string> {
  return new Set(records.map((r) => String(r[idField])));
}

/** A labels file open for a review: what it held, and a way to add to it. */
export interface LabelsFile {
  /** The labels the file held when it was opened, then those added. */
  readonly labels: readonly LabelledPair[];
  /** Adds a label and writes the file again, atomically: an interrupted review loses no answer given. */
  add(label: LabelledPair): Promise<void>;
}

/**
 * Reads the labels of a labels file (`a,b,match`), checking every id against the records.
 * @param path - the file
 * @param shown - its name in messages
 * @throws InvalidLabelsError naming the file, the line and the column; IoError when the file cannot be read
 */
export async function readLabelsFile(path: string, shown: string, ids: LabelIds, signal?: AbortSignal): Promise<LabelledPair[]> {
  return readLabels(readCsv(path, { name: shown, hash: false }), { ...ids, ...(signal ? { signal } : {}) });
}

/**
 * Opens a labels file for a review: reads it when it exists (keeping its other columns and its delimiter when it
 * is written again), or starts it with the first label.
 */
export async function openLabelsFile(path: string, shown: string, ids: LabelIds, signal?: AbortSignal): Promise<LabelsFile> {
  // Any other failure is the reader's to report, with its own error.
  const exists = await stat(path).then(
    () => true,
    (error: NodeJS.ErrnoException) => error.code !== "ENOENT",
  );
  const rows: DataRecord[] = [];
  const labels: LabelledPair[] = [];
  let columns: readonly string[] = LABEL_COLUMNS;
  let delimiter: string | undefined;
  if (exists) {
    const source = readCsv(path, { name: shown, hash: false });
    labels.push(...(await readLabels(source, { ...ids, onRow: (r) => rows.push(r), ...(signal ? { signal } : {}) })));
    const header = source.columns();
    if (header !== undefined && header.length > 0) columns = header;
    delimiter = source.delimiter();
  }
  return {
    labels,
    async add(label) {
      const row: DataRecord = { a: label.a, b: label.b, match: label.match ? "yes" : "no" };
      // Ids are written exactly as they are, so that the file reads back to the same ids.
      const sink = writeCsv(path, { columns, escapeFormulae: false, ...(delimiter ? { delimiter } : {}) });
      try {
        for (const r of rows) await sink.write(r, undefined as never);
        await sink.write(row, undefined as never);
        await sink.close();
      } catch (error) {
        await sink.abort?.(error);
        throw error;
      }
      rows.push(row);
      labels.push(label);
    },
  };
}
