import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  getField,
  ConfigError,
  plural,
  createPiiPolicy,
  createProgressReporter,
  type DataRecord,
  type Masker,
  type ProgressEvent,
  type ProgressReporter,
  type RecordEnvelope,
  type RecordInput,
  type RecordSink,
} from "@cleanse/core";
import { maskValue } from "@cleanse/values";
import type { FieldStandardizer } from "../builtinStandardizers/builtinStandardizers.ts";
import { inferStandardizers, inferTimestampFields } from "../inferStandardizers/inferStandardizers.ts";
import {
  RECONCILE_REPORT_VERSION,
  type DiffRow,
  type FieldReport,
  type MismatchExample,
  type OnlyExample,
  type ReconcileReport,
  type ReconcileSide,
} from "../ReconcileReport/ReconcileReport.ts";
import type { Entry } from "../_internal/externalSort.ts";
import type { ComparatorSpec, FieldComparator, StandardizerResolver, StandardizerSpec } from "../FieldSpecs/FieldSpecs.ts";
import { applyStandardizer, resolveComparator, resolveStandardizer, valueText, type ResolvedComparator, type ResolvedStandardizer } from "../_internal/fieldPlan.ts";
import { createLagStats, timestampOrder } from "../_internal/lagStats.ts";
import { makeKeyOf, orderSide } from "../_internal/orderSide.ts";
import { openRecordStream, type RecordStream } from "../_internal/recordStream.ts";

/** A field's standardization: a function, a named spec, a chain of them, or `auto` (inferred from the data). */
export type FieldStandardization = FieldStandardizer | StandardizerSpec | readonly (FieldStandardizer | StandardizerSpec)[];

/** A pair linked by a fuzzy matcher, in the shape `@cleanse/dedupe`'s `linkRecords` returns. */
export interface LinkedKeyPair {
  readonly left_id: string;
  readonly right_id: string;
  readonly match_probability?: number;
}

/**
 * Links records whose keys did not match exactly. It receives the standardized records of both sides
 * (right fields renamed to the left names), each with an id in `options.idField`, and returns pairs; it may report its
 * phases to `options.onProgress`. `(l, r, o) => linkRecords(l, r, "auto", o)` from `@cleanse/dedupe` fits.
 */
export type KeyLinker = (
  left: readonly DataRecord[],
  right: readonly DataRecord[],
  options: { readonly idField: string; readonly signal?: AbortSignal; readonly onProgress?: (event: ProgressEvent) => void },
) => Promise<{ readonly pairs: readonly LinkedKeyPair[] }>;

/** Options of {@link reconcile}. */
export interface ReconcileOptions {
  /** Key field(s), by their left names. */
  readonly key: string | readonly string[];
  /** Left field → right field, for fields (keys included) named differently. */
  readonly map?: Readonly<Record<string, string>>;
  /** Left fields to compare; default: every field both sides have (after `map`), except keys and timestamps. */
  readonly fields?: readonly string[];
  /**
   * How values are standardized before comparing, the same way on both sides (keys included):
   * `auto` (default) infers it per field from a sample of both sides; `none` compares as written; or a
   * map of left field → standardizer (`"email"`, `{ phone: { region: "CN" } }`, a function, a
   * chain, or `"auto"`), where the key `"*"` says what unlisted fields get (default `none`).
   * Keys are matched in their standardized form (an e-mail key whatever the case of its local part) and
   * reported as written on their side.
   */
  readonly standardize?: "auto" | "none" | Readonly<Record<string, FieldStandardization | "auto">>;
  /** Resolves standardizer names before the built-in ones, for a caller's own implementations of a name. */
  readonly resolveStandardizer?: StandardizerResolver;
  /** Per-field comparators (default `exact` on the standardized values). */
  readonly compare?: Readonly<Record<string, FieldComparator | ComparatorSpec>>;
  /** Update-timestamp fields for the sync-lag report; default: found by name (`updated_at`...); `false` for none. */
  readonly timestamps?: { readonly left: string; readonly right: string } | false;
  /** Inputs already ordered by the standardized key (binary order): they merge without sorting. */
  readonly sorted?: boolean | { readonly left?: boolean; readonly right?: boolean };
  /** Memory for sorting both sides, in MB (default 128); beyond it, sorted runs spill to `tempDir`. */
  readonly memoryLimitMb?: number;
  /** Folder for spilled runs (default: the system temp folder); they are removed afterwards. */
  readonly tempDir?: string;
  /** `exact` (default) or `fuzzy`: keys without an exact partner go to `linker`. */
  readonly keyMatch?: "exact" | "fuzzy";
  readonly linker?: KeyLinker;
  /** Receives one row per difference; closed when the run succeeds, aborted when it fails. */
  readonly diff?: RecordSink;
  /** Examples kept per field and per side (default 5). */
  readonly examples?: number;
  /**
   * Fields declared personal: the report masks their example values, as it masks those of fields named like personal
   * data (`isPersonalFieldName` of `@cleanse/core`) and values personal by themselves. The diff rows are data and
   * keep every value.
   */
  readonly piiFields?: Iterable<string>;
  /** How the report masks personal values (default `maskValue` of `@cleanse/values`); `false` shows them in clear. */
  readonly mask?: Masker | false;
  /** Names of the two sides in the report (default: the source names, or `left` / `right`). */
  readonly names?: { readonly left?: string; readonly right?: string };
  /** Records per side looked at to infer fields and standardizers (default 500). */
  readonly sampleSize?: number;
  readonly signal?: AbortSignal;
  /**
   * Receives the run's phases as they happen, each from `done` 0 to its end: `reading` (subject: the side's name) for
   * each side that is sorted here, `comparing` (records of both sides; of a known total when both were sorted here),
   * the linker's own phases with `keyMatch: "fuzzy"`, and `writing` (subject `diff`: the last diff rows and closing
   * the sink). Counts come at most every 100 ms.
   */
  readonly onProgress?: (event: ProgressEvent) => void;
}

interface FieldState {
  readonly field: string;
  readonly rightField: string;
  readonly std: ResolvedStandardizer;
  readonly cmp: ResolvedComparator;
  compared: number;
  mismatches: number;
  readonly examples: MismatchExample[];
}

interface Pending {
  readonly entry: Entry;
}

/**
 * Compares two sources record by record after the same standardization: records only on the left,
 * only on the right, and per-field mismatches of matched records, with counts and examples, plus the
 * sync lag where both sides have update timestamps. It streams: presorted inputs merge in constant
 * memory; others are sorted by an external merge sort that spills to disk beyond `memoryLimitMb`.
 * @param left - the left source (e.g. CRM): a record source, an iterable or an async iterable of records
 * @param right - the right source (e.g. ERP)
 * @param options - key, field map, standardization, comparators, diff sink, memory limit
 * @returns the report, whose totals add up (left = matched + leftOnly + missing keys; the same on the right)
 * @throws ConfigError for bad options or a key field an input lacks (`CLEANSE_RECONCILE_UNKNOWN_KEY`); DataError when a `sorted` input is out of order
 * @example
 * const report = await reconcile(crm, erp, { key: "email", map: { phone: "mobile" }, diff: openSink("out/diff.csv") });
 * report.totals //=> { left: 408, right: 261, matched: 243, identical: 189, mismatched: 54, leftOnly: 165, rightOnly: 11, ... }
 */
export async function reconcile(left: RecordInput, right: RecordInput, options: ReconcileOptions): Promise<ReconcileReport> {
  try {
    return await run(left, right, options);
  } catch (error) {
    // Whatever failed, no half-written diff is left behind.
    await options.diff?.abort?.(error);
    throw error;
  }
}

async function run(left: RecordInput, right: RecordInput, options: ReconcileOptions): Promise<ReconcileReport> {
  const startedAt = new Date();
  const t0 = performance.now();
  const keyLeft = typeof options.key === "string" ? [options.key] : [...options.key];
  if (keyLeft.length === 0) throw new ConfigError("reconcile needs at least one key field.", { code: "CLEANSE_USAGE" });
  // Field names are data: a null-prototype copy answers only for the fields it lists, never `constructor`.
  const map: Readonly<Record<string, string>> = Object.assign(Object.create(null) as Record<string, string>, options.map);
  const keyRight = keyLeft.map((k) => map[k] ?? k);
  const keyMatch = options.keyMatch ?? "exact";
  if (keyMatch === "fuzzy" && !options.linker) {
    throw new ConfigError('Fuzzy key matching needs a linker (the command line passes @cleanse/dedupe\'s linkRecords); use keyMatch "exact" otherwise.', {
      code: "CLEANSE_USAGE",
    });
  }
  const perSide = (v: ReconcileOptions["sorted"], side: "left" | "right"): boolean => (typeof v === "object" ? v[side] === true : v === true);
  const examplesMax = options.examples ?? 5;
  const pii = createPiiPolicy({ ...(options.piiFields === undefined ? {} : { piiFields: options.piiFields }), mask: options.mask ?? maskValue });
  const warnings: string[] = [];
  const progress = createProgressReporter(options.onProgress);

  const leftStream = openRecordStream(left, options.names?.left ?? "left", options.signal);
  const rightStream = openRecordStream(right, options.names?.right ?? "right", options.signal);
  const leftName = options.names?.left ?? leftStream.name;
  const rightName = options.names?.right ?? rightStream.name;
  const sampleSize = options.sampleSize ?? 500;
  const leftSample = await leftStream.peek(sampleSize);
  const rightSample = await rightStream.peek(sampleSize);

  // --- which fields, standardized and compared how
  const leftSeen = fieldNames(leftSample);
  const rightSeen = fieldNames(rightSample);
  checkKeyFields(keyLeft, keyRight, map, { name: leftName, seen: leftSeen, empty: leftSample.length === 0 }, { name: rightName, seen: rightSeen, empty: rightSample.length === 0 });
  const timestamps = options.timestamps === false ? undefined : (options.timestamps ?? inferTimestampFields(leftSeen, rightSeen, map));
  const compared =
    options.fields ??
    [...leftSeen].filter((f) => !keyLeft.includes(f) && rightSeen.has(map[f] ?? f) && (timestamps === undefined || (f !== timestamps.left && (map[f] ?? f) !== timestamps.right)));
  const reachedRight = new Set([...keyRight, ...compared.map((f) => map[f] ?? f), ...(timestamps ? [timestamps.right] : [])]);
  const usedLeft = new Set([...keyLeft, ...compared, ...(timestamps ? [timestamps.left] : [])]);

  const standardize = options.standardize ?? "auto";
  const specFor = (field: string): FieldStandardization | "auto" | undefined => {
    if (standardize === "auto") return "auto";
    if (standardize === "none") return undefined;
    return (Object.hasOwn(standardize, field) ? standardize[field] : undefined) ?? standardize["*"];
  };
  const planned = [...keyLeft, ...compared];
  const needInference = planned.filter((f) => specFor(f) === "auto");
  const inferred = needInference.length > 0 ? inferStandardizers(leftSample, rightSample, { map, fields: needInference }) : {};
  const stdOf = new Map<string, ResolvedStandardizer>();
  for (const f of planned) {
    const spec = specFor(f);
    stdOf.set(f, resolveStandardizer(spec === "auto" ? inferred[f] : spec, f, options.resolveStandardizer));
  }
  const fields: FieldState[] = compared.map((f) => ({
    field: f,
    rightField: map[f] ?? f,
    std: stdOf.get(f)!,
    cmp: resolveComparator(options.compare !== undefined && Object.hasOwn(options.compare, f) ? options.compare[f] : undefined, f),
    compared: 0,
    mismatches: 0,
    examples: [],
  }));
  const active = fields.filter((f) => !f.cmp.ignore);
  const keyStd = keyLeft.map((k) => stdOf.get(k)!.key);
  const keyOfLeft = makeKeyOf(keyLeft, keyStd);
  const keyOfRight = makeKeyOf(keyRight, keyStd);

  // --- ordering both sides
  let tempDir: string | undefined;
  const dir = (): string => (tempDir ??= mkdtempSync(join(options.tempDir ?? tmpdir(), "cleanse-reconcile-")));
  const budget = Math.max(1 / 1024, options.memoryLimitMb ?? 128) * 1024 * 1024;
  const leftPresorted = perSide(options.sorted, "left");
  const rightPresorted = perSide(options.sorted, "right");
  // A side sorted here is read whole before the comparison starts: that is its reading phase. A presorted side is
  // read as it is compared.
  const leftChunks = leftPresorted ? leftStream.chunks() : reportReading(leftStream, leftName, progress);
  const rightChunks = rightPresorted ? rightStream.chunks() : reportReading(rightStream, rightName, progress);
  const leftSide = orderSide(leftChunks, keyOfLeft, { side: "left", name: leftName, presorted: leftPresorted, budgetBytes: budget / 2, dir });
  const rightSide = orderSide(rightChunks, keyOfRight, { side: "right", name: rightName, presorted: rightPresorted, budgetBytes: budget / 2, dir });

  // --- counters
  let matched = 0;
  let identical = 0;
  let mismatched = 0;
  let leftOnly = 0;
  let rightOnly = 0;
  let fuzzyMatched = 0;
  let diffRows = 0;
  let leftDup = 0;
  let rightDup = 0;
  const onlyExamples = { left: [] as OnlyExample[], right: [] as OnlyExample[] };
  // Each side's timestamps are read in the order of day and month its own values show.
  const lag = timestamps
    ? createLagStats(timestamps.left, timestamps.right, {
        left: timestampOrder(leftSample.map((r) => r[timestamps.left])),
        right: timestampOrder(rightSample.map((r) => r[timestamps.right])),
      })
    : undefined;
  const keyFieldStates = new Map<string, FieldState>();
  const pendingLeft: Pending[] = [];
  const pendingRight: Pending[] = [];

  const show = (v: unknown, field: string): unknown => pii.value(v, field);
  const maskRecord = (r: DataRecord): DataRecord => pii.record(r);
  /** A key as the report shows it: masked when one of its fields is personal, or when it is personal by itself. */
  const shownKey = (key: string, side: "left" | "right"): string =>
    String(pii.value(key, (side === "left" ? keyLeft : keyRight).find((f) => pii.isPersonalField(f))));

  const queued: DiffRow[] = [];
  const emit = (row: DiffRow): void => {
    if (options.diff) queued.push(row);
    else diffRows++;
  };
  /** Hands queued diff rows to the sink, waiting only when it asks for backpressure. */
  async function flush(): Promise<void> {
    const sink = options.diff;
    if (!sink) return;
    for (let i = 0; i < queued.length; i++) {
      const row = queued[i]!;
      const envelope: RecordEnvelope = {
        record: row,
        seq: diffRows,
        location: { file: "diff", record: diffRows + 1 },
        issues: [],
        changed: undefined,
        mergedInto: undefined,
        status: "clean",
      };
      diffRows++;
      const r = sink.write(row, envelope);
      if (r !== undefined) await r;
    }
    queued.length = 0;
  }

  /** A record's key as written on its side (parts joined with `|`), for the report and the diff. */
  const written = (record: DataRecord, side: "left" | "right"): string => {
    const fields = side === "left" ? keyLeft : keyRight;
    if (fields.length === 1) return valueText(getField(record, fields[0]!)) ?? "";
    return fields.map((f) => valueText(getField(record, f)) ?? "").join("|");
  };

  function only(side: "left" | "right", entry: Entry): void {
    if (side === "left") leftOnly++;
    else rightOnly++;
    const key = written(entry.r, side);
    const examples = onlyExamples[side];
    if (examples.length < examplesMax) examples.push({ key: shownKey(key, side), record: maskRecord(entry.r) });
    emit({
      key,
      status: side === "left" ? "left_only" : "right_only",
      field: null,
      left_value: side === "left" ? JSON.stringify(entry.r) : null,
      right_value: side === "right" ? JSON.stringify(entry.r) : null,
    });
  }

  /** Standardized compared values of a record, by left field name. */
  function standardized(record: DataRecord, side: "left" | "right"): unknown[] {
    const out = new Array<unknown>(active.length);
    for (let i = 0; i < active.length; i++) {
      const f = active[i]!;
      const name = side === "left" ? f.field : f.rightField;
      out[i] = applyStandardizer(f.std.fn, getField(record, name), f.field);
    }
    return out;
  }

  function countMismatches(l: unknown[], r: unknown[]): number {
    let n = 0;
    for (let i = 0; i < active.length; i++) if (!active[i]!.cmp.fn(l[i], r[i])) n++;
    return n;
  }

  function pair(l: Entry, r: Entry, fuzzy: boolean): void {
    matched++;
    if (fuzzy) fuzzyMatched++;
    const ls = standardized(l.r, "left");
    const rs = standardized(r.r, "right");
    let differs = false;
    const k = written(l.r, "left");
    if (fuzzy) {
      for (let i = 0; i < keyLeft.length; i++) {
        const state = keyFieldState(keyLeft[i]!, keyRight[i]!);
        const a = applyStandardizer(state.std.key, l.r[state.field], state.field);
        const b = applyStandardizer(state.std.key, r.r[state.rightField], state.field);
        state.compared++;
        if (!state.cmp.fn(a, b)) {
          differs = true;
          mismatch(state, k, l.r[state.field], r.r[state.rightField], a, b);
        }
      }
    }
    for (let i = 0; i < active.length; i++) {
      const f = active[i]!;
      f.compared++;
      if (f.cmp.fn(ls[i], rs[i])) continue;
      differs = true;
      mismatch(f, k, l.r[f.field], r.r[f.rightField], ls[i], rs[i]);
    }
    if (differs) mismatched++;
    else identical++;
    if (lag && timestamps) lag.add(l.r[timestamps.left], r.r[timestamps.right]);
  }

  function keyFieldState(field: string, rightField: string): FieldState {
    let state = keyFieldStates.get(field);
    if (!state) {
      state = { field, rightField, std: stdOf.get(field)!, cmp: resolveComparator(options.compare !== undefined && Object.hasOwn(options.compare, field) ? options.compare[field] : undefined, field), compared: 0, mismatches: 0, examples: [] };
      keyFieldStates.set(field, state);
    }
    return state;
  }

  function mismatch(f: FieldState, key: string, left: unknown, right: unknown, ls: unknown, rs: unknown): void {
    f.mismatches++;
    if (f.examples.length < examplesMax) {
      f.examples.push({ key: shownKey(key, "left"), left: show(left, f.field), right: show(right, f.field), leftStandardized: show(ls, f.field), rightStandardized: show(rs, f.field) });
    }
    emit({ key, status: "mismatch", field: f.field, left_value: cell(left), right_value: cell(right) });
  }

  function group(L: Entry[], R: Entry[]): void {
    if (L.length > 1) leftDup += L.length - 1;
    if (R.length > 1) rightDup += R.length - 1;
    if (L.length === 1 && R.length === 1) return pair(L[0]!, R[0]!, false);
    const pairs: [number, number][] = [];
    const usedL = new Set<number>();
    const usedR = new Set<number>();
    if (L.length > 0 && R.length > 0) {
      if (L.length * R.length <= 10_000) {
        // Pair duplicates so that the closest records face each other.
        const ls = L.map((e) => standardized(e.r, "left"));
        const rs = R.map((e) => standardized(e.r, "right"));
        const cells: [number, number, number][] = [];
        for (let i = 0; i < L.length; i++) for (let j = 0; j < R.length; j++) cells.push([countMismatches(ls[i]!, rs[j]!), i, j]);
        cells.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
        for (const [, i, j] of cells) {
          if (usedL.has(i) || usedR.has(j)) continue;
          usedL.add(i);
          usedR.add(j);
          pairs.push([i, j]);
        }
      } else {
        for (let i = 0; i < Math.min(L.length, R.length); i++) {
          usedL.add(i);
          usedR.add(i);
          pairs.push([i, i]);
        }
      }
    }
    pairs.sort((a, b) => a[0] - b[0]);
    for (const [i, j] of pairs) pair(L[i]!, R[j]!, false);
    for (let i = 0; i < L.length; i++) if (!usedL.has(i)) unmatched("left", L[i]!);
    for (let j = 0; j < R.length; j++) if (!usedR.has(j)) unmatched("right", R[j]!);
  }

  function unmatched(side: "left" | "right", entry: Entry): void {
    if (keyMatch === "fuzzy") (side === "left" ? pendingLeft : pendingRight).push({ entry });
    else only(side, entry);
  }

  async function link(): Promise<void> {
    if (pendingLeft.length === 0 || pendingRight.length === 0) {
      for (const p of pendingLeft) only("left", p.entry);
      for (const p of pendingRight) only("right", p.entry);
      return;
    }
    const idField = "_reconcile_id";
    const linkFields = [...keyLeft.map((k, i) => [k, keyRight[i]!, true] as const), ...active.map((f) => [f.field, f.rightField, false] as const)];
    const toLinkRecord = (p: Pending, i: number, side: "left" | "right"): DataRecord => {
      const out: DataRecord = { [idField]: String(i) };
      for (const [lf, rf, isKey] of linkFields) {
        const std = stdOf.get(lf);
        out[lf] = applyStandardizer(isKey ? std?.key : std?.fn, p.entry.r[side === "left" ? lf : rf], lf);
      }
      return out;
    };
    const result = await options.linker!(
      pendingLeft.map((p, i) => toLinkRecord(p, i, "left")),
      pendingRight.map((p, i) => toLinkRecord(p, i, "right")),
      { idField, ...(options.signal ? { signal: options.signal } : {}), ...(options.onProgress ? { onProgress: options.onProgress } : {}) },
    );
    const ordered = [...result.pairs].sort((a, b) => (b.match_probability ?? 1) - (a.match_probability ?? 1));
    const usedL = new Set<number>();
    const usedR = new Set<number>();
    const linked: [number, number][] = [];
    for (const p of ordered) {
      const i = Number(p.left_id);
      const j = Number(p.right_id);
      if (!Number.isInteger(i) || !Number.isInteger(j) || i < 0 || j < 0 || i >= pendingLeft.length || j >= pendingRight.length) continue;
      if (usedL.has(i) || usedR.has(j)) continue;
      usedL.add(i);
      usedR.add(j);
      linked.push([i, j]);
    }
    linked.sort((a, b) => a[0] - b[0]);
    for (const [i, j] of linked) pair(pendingLeft[i]!.entry, pendingRight[j]!.entry, true);
    for (let i = 0; i < pendingLeft.length; i++) if (!usedL.has(i)) only("left", pendingLeft[i]!.entry);
    for (let j = 0; j < pendingRight.length; j++) if (!usedR.has(j)) only("right", pendingRight[j]!.entry);
  }

  try {
    const lc = await openCursor(leftSide.entries);
    const rc = await openCursor(rightSide.entries);
    const entries =
      leftPresorted || rightPresorted ? undefined : leftSide.records() - leftSide.missingKey() + rightSide.records() - rightSide.missingKey();
    progress.start("comparing", "records", { total: entries });
    let consumed = 0;
    let groups = 0;
    for (;;) {
      const l = lc.chunk[lc.i];
      const r = rc.chunk[rc.i];
      if (l === undefined && r === undefined) break;
      const key = l === undefined ? r!.k : r === undefined ? l.k : l.k <= r.k ? l.k : r.k;
      const L: Entry[] = [];
      for (let e = lc.chunk[lc.i]; e !== undefined && e.k === key; e = lc.chunk[lc.i]) {
        L.push(e);
        if (++lc.i >= lc.chunk.length) await refill(lc);
      }
      const R: Entry[] = [];
      for (let e = rc.chunk[rc.i]; e !== undefined && e.k === key; e = rc.chunk[rc.i]) {
        R.push(e);
        if (++rc.i >= rc.chunk.length) await refill(rc);
      }
      group(L, R);
      consumed += L.length + R.length;
      if (progress.active && (++groups & 1023) === 0) progress.update(consumed);
      if (queued.length >= 256) await flush();
    }
    progress.end(consumed);
    if (keyMatch === "fuzzy") await link();
    if (options.diff) progress.start("writing", "rows", { subject: "diff", total: diffRows + queued.length });
    await flush();
    await options.diff?.close();
    progress.end(diffRows);
  } finally {
    if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  }

  const side = (name: string, ordered: typeof leftSide, dup: number, seen: Set<string>, used: Set<string>, fp: ReturnType<typeof leftStream.fingerprint>): ReconcileSide => ({
    name,
    records: ordered.records(),
    missingKey: ordered.missingKey(),
    duplicateKeys: dup,
    unmatchedFields: [...seen].filter((f) => !used.has(f)),
    sort: { ...ordered.stats },
    ...(fp ? { fingerprint: fp } : {}),
  });
  const leftReport = side(leftName, leftSide, leftDup, leftSeen, usedLeft, leftStream.fingerprint());
  const rightReport = side(rightName, rightSide, rightDup, rightSeen, reachedRight, rightStream.fingerprint());
  if (leftReport.missingKey > 0) warnings.push(missingKeyWarning(leftReport.missingKey, leftName, keyLeft));
  if (rightReport.missingKey > 0) warnings.push(missingKeyWarning(rightReport.missingKey, rightName, keyRight));
  const fieldReports: FieldReport[] = [...keyFieldStates.values(), ...fields].map((f) => ({
    field: f.field,
    rightField: f.rightField,
    standardize: f.std.label,
    compare: f.cmp.label,
    compared: f.compared,
    mismatches: f.mismatches,
    mismatchRate: f.compared === 0 ? 0 : f.mismatches / f.compared,
    examples: f.examples,
  }));
  return {
    schemaVersion: RECONCILE_REPORT_VERSION,
    kind: "reconcile",
    left: leftReport,
    right: rightReport,
    key: { left: keyLeft, right: keyRight, match: keyMatch },
    totals: { left: leftReport.records, right: rightReport.records, matched, identical, mismatched, leftOnly, rightOnly, fuzzyMatched, diffRows },
    fields: fieldReports,
    examples: { leftOnly: onlyExamples.left, rightOnly: onlyExamples.right },
    ...(lag ? { timeliness: lag.finish() } : {}),
    startedAt: startedAt.toISOString(),
    durationMs: Math.round(performance.now() - t0),
    warnings,
  };
}

/** A side's records as they are read, reported as its reading phase. */
function reportReading(stream: RecordStream, subject: string, progress: ProgressReporter): AsyncIterable<readonly DataRecord[]> {
  if (!progress.active) return stream.chunks();
  return (async function* () {
    let n = 0;
    progress.start("reading", "records", { subject });
    for await (const chunk of stream.chunks()) {
      n += chunk.length;
      const p = stream.progress();
      progress.update(n, undefined, p?.bytesTotal ? p.bytesRead / p.bytesTotal : undefined);
      yield chunk;
    }
    progress.end(n);
  })();
}

interface Cursor {
  chunk: readonly Entry[];
  i: number;
  readonly it: AsyncIterator<readonly Entry[]>;
}

async function openCursor(entries: AsyncIterable<readonly Entry[]>): Promise<Cursor> {
  const cursor: Cursor = { chunk: [], i: 0, it: entries[Symbol.asyncIterator]() };
  await refill(cursor);
  return cursor;
}

/** Moves a cursor to its next non-empty chunk; at the end its chunk is empty. */
async function refill(cursor: Cursor): Promise<void> {
  for (;;) {
    const next = await cursor.it.next();
    if (next.done) {
      cursor.chunk = [];
      cursor.i = 0;
      return;
    }
    if (next.value.length > 0) {
      cursor.chunk = next.value;
      cursor.i = 0;
      return;
    }
  }
}

interface SideFields {
  readonly name: string;
  readonly seen: ReadonlySet<string>;
  /** No records: the side says nothing about its fields. */
  readonly empty: boolean;
}

function missingKeyWarning(count: number, side: string, key: readonly string[]): string {
  const one = count === 1;
  return `${plural(count, `${side} record`)} ${one ? "has" : "have"} no ${key.join("+")} and ${one ? "was" : "were"} not compared.`;
}

function listFields(fields: ReadonlySet<string>): string {
  const names = [...fields];
  if (names.length === 0) return "(none)";
  return names.length > 40 ? `${names.slice(0, 40).join(", ")}, … (${names.length - 40} more)` : names.join(", ");
}

/**
 * A key field a side does not have would leave every record of that side without a key: nothing would be compared
 * and the run would still look successful. That is a mistake in the options, so it stops the run.
 */
function checkKeyFields(keyLeft: readonly string[], keyRight: readonly string[], map: Readonly<Record<string, string>>, left: SideFields, right: SideFields): void {
  for (let i = 0; i < keyLeft.length; i++) {
    const lk = keyLeft[i]!;
    const rk = keyRight[i]!;
    const leftLacks = !left.empty && !left.seen.has(lk);
    const rightLacks = !right.empty && !right.seen.has(rk);
    if (!leftLacks && !rightLacks) continue;
    const code = "CLEANSE_RECONCILE_UNKNOWN_KEY";
    if (leftLacks && rightLacks) {
      throw new ConfigError(`The key field "${lk}" is in neither input: ${left.name} has the fields ${listFields(left.seen)}; ${right.name} has ${listFields(right.seen)}.`, {
        code,
        hint: "give --key (key: in a job file) a field both inputs have, by its left name, and --map it where the right side names it differently",
      });
    }
    if (leftLacks) {
      throw new ConfigError(`The key field "${lk}" is not in ${left.name}, which has the fields ${listFields(left.seen)}; keys are named by their left names.`, {
        code,
        hint: `name the key as ${left.name} does, and --map it to its name in ${right.name} (map: in a job file)`,
      });
    }
    const mapped = new Set(Object.values(map));
    const candidates = [...right.seen].filter((f) => !left.seen.has(f) && !mapped.has(f));
    const guess = candidates.length === 1 ? candidates[0]! : `<its name in ${right.name}>`;
    const what = rk === lk ? `The key field "${lk}" of ${left.name} is not in ${right.name}` : `The key field "${lk}" is mapped to "${rk}", which is not in ${right.name}`;
    throw new ConfigError(`${what}, which has the fields ${listFields(right.seen)}; map it to its name there, e.g. map: { ${lk}: "${guess}" }.`, {
      code,
      hint: `on the command line: --map ${lk}=${candidates.length === 1 ? guess : "<field>"}`,
    });
  }
}

function fieldNames(records: readonly DataRecord[]): Set<string> {
  const out = new Set<string>();
  for (const r of records) for (const k in r) out.add(k);
  return out;
}

/** A diff cell: primitives as they are, anything else as JSON. */
function cell(v: unknown): unknown {
  if (v === undefined) return null;
  if (v === null || typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  if (typeof v === "bigint") return v.toString();
  if (v instanceof Date) return v.toISOString();
  return JSON.stringify(v);
}
