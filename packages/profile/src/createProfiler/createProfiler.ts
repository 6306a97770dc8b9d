import { ConfigError, type DataRecord, type InputFingerprint } from "@cleanse/core";
import { toRegionCode, type DateOrder } from "@cleanse/values";
import { createColumnState, type ColumnHints, type ColumnLimits, type ColumnState } from "../_internal/columnState.ts";
import { PROFILE_SCHEMA_VERSION, type DatasetProfile } from "../profileRecords/DatasetProfile.ts";

/** Options of {@link createProfiler} and `profileRecords`. */
export interface ProfileOptions {
  /** Dataset name in the profile. Defaults to the source's name. */
  readonly name?: string;
  /** Different values per column counted exactly (distinct count, top values); above it, sketches take over. Defaults to 10,000. */
  readonly distinctLimit?: number;
  /** Top values and patterns reported per column. Defaults to 10. */
  readonly topValues?: number;
  /** Counters of the heavy-hitters (Space-Saving) sketch per column. Defaults to 100. */
  readonly sketchCapacity?: number;
  /** HyperLogLog precision p (2^p registers; error 1.04/sqrt(2^p)). Defaults to 14 (0.81%). */
  readonly hllPrecision?: number;
  /** Values per column whose 64-bit hashes are kept to prove uniqueness (11-23 bytes each). Defaults to 10,000,000. */
  readonly keyTrackingLimit?: number;
  /** Most bins of a histogram. Defaults to 20. */
  readonly histogramBins?: number;
  /**
   * Order of day and month for dates such as `03/04/2024`, in every column: `"dmy"` or `"mdy"` (dates that
   * contradict it are then no dates, as in `parseDate`), or `"infer"` (default): each column's order comes from its
   * different dates that fit one order only, when at least 90% of them agree; the other dates keep their reading.
   * Dates whose day stays unknown count as dates but are left out of min, max, histogram and formats.
   */
  readonly dateOrder?: DateOrder | "infer";
  /**
   * Region of phone numbers written without a country code (`"CN"`, or a country name), in every column; or
   * `"infer"` (default): a column's region is the one at least 90% of its different numbers written with a
   * country code (`+86 ...`) belong to, when those are at least 1% of its different values. Without a region
   * only numbers written with a country code are phones.
   */
  readonly phoneRegion?: string;
  readonly signal?: AbortSignal;
}

/** An incremental profiler: feed it records, then ask for the profile. */
export interface Profiler {
  /** Adds one record. */
  add(record: DataRecord): void;
  /** Records added so far. */
  readonly records: number;
  /** Builds the profile of everything added so far. */
  finish(inputs?: readonly InputFingerprint[]): DatasetProfile;
}

function columnHints(options: ProfileOptions): ColumnHints {
  const order = options.dateOrder;
  if (order !== undefined && order !== "infer" && order !== "dmy" && order !== "mdy" && order !== "ymd") {
    throw new ConfigError(`Unknown dateOrder ${JSON.stringify(order)}: expected "dmy", "mdy", "ymd" or "infer".`, { code: "CLEANSE_BAD_OPTION" });
  }
  const region = options.phoneRegion === undefined || options.phoneRegion === "infer" ? undefined : toRegionCode(options.phoneRegion);
  if (options.phoneRegion !== undefined && options.phoneRegion !== "infer" && region === undefined) {
    throw new ConfigError(`Unknown phoneRegion ${JSON.stringify(options.phoneRegion)}: expected an ISO 3166 code such as "CN", a country name, or "infer".`, {
      code: "CLEANSE_BAD_OPTION",
    });
  }
  return { dateOrder: order === "infer" ? undefined : order, phoneRegion: region };
}

function positive(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} must be a positive integer; received ${value}`);
  return value;
}

/**
 * Creates an incremental profiler with bounded memory per column.
 * @param options - dataset name and sketch limits
 * @returns a profiler: `add(record)` for each record, then `finish()`
 * @example
 * const p = createProfiler({ name: "crm" });
 * p.add({ id: "1", email: "li@example.cn" });
 * p.finish().columns[1].type //=> "email"
 */
export function createProfiler(options: ProfileOptions = {}): Profiler {
  const limits: ColumnLimits = {
    distinctLimit: positive("distinctLimit", options.distinctLimit, 10_000),
    topValues: positive("topValues", options.topValues, 10),
    sketchCapacity: positive("sketchCapacity", options.sketchCapacity, 100),
    hllPrecision: positive("hllPrecision", options.hllPrecision, 14),
    keyTrackingLimit: positive("keyTrackingLimit", options.keyTrackingLimit, 10_000_000),
    histogramBins: positive("histogramBins", options.histogramBins, 20),
  };
  if (limits.hllPrecision < 4 || limits.hllPrecision > 18) throw new RangeError(`hllPrecision must be from 4 to 18; received ${limits.hllPrecision}`);
  const hints = columnHints(options);
  const columns = new Map<string, ColumnState>();
  const started = performance.now();
  let records = 0;
  let lastKeys: string[] = [];
  let lastStates: ColumnState[] = [];

  return {
    get records() {
      return records;
    },
    add(record) {
      records++;
      let i = 0;
      // records from one source usually share their keys in order: reuse the last lookups
      for (const key in record) {
        let state = lastKeys[i] === key ? lastStates[i] : undefined;
        if (state === undefined) {
          state = columns.get(key);
          if (state === undefined) {
            state = createColumnState(key, limits, hints);
            columns.set(key, state);
          }
          lastKeys[i] = key;
          lastStates[i] = state;
        }
        state.add(record[key]);
        i++;
      }
      if (lastKeys.length > i) {
        lastKeys = lastKeys.slice(0, i);
        lastStates = lastStates.slice(0, i);
      }
    },
    finish(inputs = []) {
      const profiles = [...columns.values()].map((c) => c.finish(records));
      return {
        schemaVersion: PROFILE_SCHEMA_VERSION,
        dataset: options.name ?? inputs[0]?.name ?? "input",
        records,
        columns: profiles,
        candidateKeys: profiles.filter((c) => c.uniqueness === "unique" && c.present === records && records > 0).map((c) => c.name),
        inputs,
        elapsedMs: Math.round(performance.now() - started),
        settings: {
          distinctLimit: limits.distinctLimit,
          hllPrecision: limits.hllPrecision,
          sketchCapacity: limits.sketchCapacity,
          keyTrackingLimit: limits.keyTrackingLimit,
        },
      };
    },
  };
}
