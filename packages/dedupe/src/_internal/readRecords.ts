import { DataError, type DataRecord, type ProgressReporter } from "@cleanse/core";

/**
 * Gathers records and their ids; ids must be present and unique. With `progress`, an input that is not an array is
 * reported as a `reading` phase (an array is already read).
 */
export async function readRecords(
  input: AsyncIterable<DataRecord> | Iterable<DataRecord>,
  idField: string,
  label = "input",
  signal?: AbortSignal,
  progress?: ProgressReporter,
): Promise<{ records: DataRecord[]; ids: string[] }> {
  const reporting = progress?.active === true && !Array.isArray(input);
  if (reporting) progress.start("reading", "records", label === "input" ? {} : { subject: label });
  const records: DataRecord[] = [];
  const ids: string[] = [];
  const seen = new Set<string>();
  for await (const r of input) {
    if (signal?.aborted) throw signal.reason;
    const raw = r[idField];
    const n = records.length + 1;
    if (raw === null || raw === undefined || raw === "") {
      throw new DataError(`Record ${n} of ${label} has no id: expected a value in field "${idField}", received ${raw === "" ? "an empty string" : String(raw)}.`, {
        code: "CLEANSE_DEDUPE_MISSING_ID",
        location: { file: label, record: n },
        hint: `Give every record an id, or name the id field with the idField option.`,
      });
    }
    const id = String(raw);
    if (seen.has(id)) {
      throw new DataError(`Record ${n} of ${label} repeats id "${id}": expected every "${idField}" to be unique.`, {
        code: "CLEANSE_DEDUPE_DUPLICATE_ID",
        location: { file: label, record: n },
        hint: "Ids name records in clusters, pairs and lineage, so they must be unique.",
      });
    }
    seen.add(id);
    records.push(r);
    ids.push(id);
    if (reporting && (records.length & 1023) === 0) progress.update(records.length);
  }
  if (reporting) progress.end(records.length);
  return { records, ids };
}
