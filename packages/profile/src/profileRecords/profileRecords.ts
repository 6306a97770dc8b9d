import { AbortedError, toRecordSource, type RecordInput } from "@cleanse/core";
import { createProfiler, type ProfileOptions } from "../createProfiler/createProfiler.ts";
import type { DatasetProfile } from "./DatasetProfile.ts";

/**
 * Profiles a record stream in one pass with bounded memory: per column the inferred type and how
 * sure it is, null and empty ratios, distinct count (exact up to `distinctLimit`, HyperLogLog above),
 * top values (exact, then a Space-Saving sketch), min/max, lengths, value patterns, a histogram of
 * numbers and dates, and the candidate keys.
 * @param input - a record source (e.g. `openSource("crm.csv")` from `@cleanse/io`), an array or an async iterable of records
 * @param options - dataset name and sketch limits
 * @returns the dataset profile
 * @example
 * const profile = await profileRecords([{ id: "C1", phone: "13812345678" }, { id: "C2", phone: "13987654321" }]);
 * profile.columns[1].type //=> "phone"
 * profile.candidateKeys //=> ["id", "phone"]
 */
export async function profileRecords(input: RecordInput, options: ProfileOptions = {}): Promise<DatasetProfile> {
  const source = toRecordSource(input, options.name === undefined ? {} : { name: options.name });
  const profiler = createProfiler({ ...options, name: options.name ?? source.name });
  const signal = options.signal;
  for await (const batch of source.batches(signal)) {
    if (signal?.aborted) throw new AbortedError(undefined, { cause: signal.reason });
    const records = batch.records;
    for (let i = 0; i < records.length; i++) profiler.add(records[i]!);
  }
  const fingerprint = source.fingerprint?.();
  return profiler.finish([fingerprint ? { ...fingerprint, records: fingerprint.records ?? profiler.records } : { name: source.name, records: profiler.records }]);
}
