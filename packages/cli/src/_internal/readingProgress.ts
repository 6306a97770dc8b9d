import { createProgressReporter, type ProgressEvent, type RecordSource } from "@cleanse/core";

/**
 * A source that reports its reading as a `reading` phase (records read, and the share of the file's bytes when the
 * source knows them), for commands that read a whole input before their own work starts.
 * @param source - the source
 * @param onProgress - receives the phase; without it the source is returned as it is
 * @returns the source, reporting
 */
export function trackReading(source: RecordSource, onProgress: ((event: ProgressEvent) => void) | undefined): RecordSource {
  if (onProgress === undefined) return source;
  const progress = createProgressReporter(onProgress);
  // Methods are delegated one by one: a source may be a class instance, whose methods a spread would not copy.
  return {
    name: source.name,
    ...(source.fingerprint ? { fingerprint: () => source.fingerprint!() } : {}),
    ...(source.progress ? { progress: () => source.progress!() } : {}),
    ...(source.warnings ? { warnings: () => source.warnings!() } : {}),
    async *batches(signal?: AbortSignal) {
      let records = 0;
      progress.start("reading", "records", { subject: source.name });
      for await (const batch of source.batches(signal)) {
        records += batch.records.length;
        const p = source.progress?.();
        progress.update(records, undefined, p?.bytesTotal ? p.bytesRead / p.bytesTotal : undefined);
        yield batch;
      }
      progress.end(records);
    },
  };
}
