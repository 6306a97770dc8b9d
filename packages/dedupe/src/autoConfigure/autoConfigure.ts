import { getField, type DataRecord } from "@cleanse/core";
import { toNullSet } from "../_internal/normalize.ts";
import { createTable } from "../_internal/table.ts";
import { blockPairs, recordKeys } from "../blocking/blockPairs.ts";
import type { BlockingRule, ComparisonConfig, DedupeConfig, KeySpec } from "../config/dedupeConfigSchema.ts";
import { dateOrdersOf, resolveKeyPart, resolveRule, type DateOrders } from "../config/resolveConfig.ts";
import { profileColumns, type ColumnProfile, type ColumnRole } from "./profileColumns.ts";

/** Options of {@link autoConfigure}. */
export interface AutoConfigureOptions {
  /** Field holding record ids. Default `id`. */
  readonly idField?: string;
  /** `link` when the records are the union of two sources marked by `sourceField`. Default `dedupe`. */
  readonly mode?: "dedupe" | "link";
  /** In link mode: the field telling the two sources apart (values compared as strings). */
  readonly sourceField?: string;
  /** Records profiled at most. Default 20,000. */
  readonly sampleSize?: number;
  /** Match threshold written into the config. Default 0.9. */
  readonly threshold?: number;
  readonly nullValues?: readonly string[];
}

const MAX_COMPARISONS = 12;

function comparisonFor(p: ColumnProfile): ComparisonConfig | undefined {
  const field = p.field;
  const pinyin = p.shape === "cjk" ? ({ normalize: "pinyin" } as const) : {};
  switch (p.role) {
    case "firstName":
    case "lastName":
      return { field, type: "jaroWinkler", thresholds: [0.92, 0.8], termFrequency: true, ...pinyin };
    case "fullName":
      return { field, type: "tokenSet", thresholds: [0.9, 0.7], termFrequency: true, ...pinyin };
    case "organisation":
      // Names without their legal form: "Acme Holdings Co., Ltd." and "ACME Holdings Limited" agree exactly.
      return p.shape === "cjk"
        ? { field, type: "jaroWinkler", thresholds: [0.92, 0.8], termFrequency: true, normalize: "orgName" }
        : { field, type: "tokenSet", thresholds: [0.9, 0.7], termFrequency: true, normalize: "orgName" };
    case "dateOfBirth":
    case "date":
      return p.shape === "date" || p.role === "dateOfBirth"
        ? { field, type: "date", thresholds: [31, 366], ...(p.dateOrder === undefined ? {} : { order: p.dateOrder }) }
        : undefined;
    case "phone":
      return { field, type: "phone", ...(p.region === undefined ? {} : { region: p.region }) };
    case "email":
      return { field, type: "email" };
    case "streetNumber":
      return { field, type: "damerauLevenshtein", distances: [1] };
    case "postcode":
      return { field, type: "damerauLevenshtein", distances: [1], termFrequency: true };
    case "address":
      return p.averageTokens > 3
        ? { field, type: "tokenSet", thresholds: [0.9, 0.7] }
        : { field, type: "jaroWinkler", thresholds: [0.92, 0.8] };
    case "city":
      return { field, type: "jaroWinkler", thresholds: [0.92, 0.8], termFrequency: true, ...pinyin };
    case "state":
    case "gender":
    case "category":
      return { field, type: "exact", termFrequency: true };
    case "idNumber":
    case "code":
      return { field, type: "damerauLevenshtein", distances: [1, 2] };
    case "title":
      // Words weighted by rarity: sharing "approximate" says more than sharing "of the".
      return { field, type: "tfidf" };
    case "author":
      return { field, type: "tokenSet", thresholds: [0.9, 0.7, 0.5] };
    case "venue":
      // Venues share their common words ("proceedings of the ... conference"): weigh the words by rarity.
      return { field, type: "tfidf" };
    case "year":
      // Years in citations are text around a year ("(1994).", "1993a"), which the value kernel does not read as
      // a number: compare them as text without punctuation. Another year is no typo: a paper cited with 1989 and
      // with 1994 is often its conference and its journal version, two entities.
      return { field, type: "damerauLevenshtein", distances: [], termFrequency: true };
    case "number":
      return { field, type: "numeric", relative: true, thresholds: [0.01, 0.1] };
    case "text":
      return p.averageTokens > 3
        ? { field, type: "jaccard", q: 3, thresholds: [0.8, 0.6, 0.4] }
        : { field, type: "jaroWinkler", thresholds: [0.92, 0.8], termFrequency: p.distinctRatio < 0.5 };
    case "brand":
      return { field, type: "jaroWinkler", thresholds: [0.92, 0.8], termFrequency: true };
    case "product":
      // Its model numbers and quantities are compared once over every product column (see productEvidence).
      return { field, type: "tfidf" };
    case "recordKey":
      return undefined;
  }
}

/**
 * A product is evidence three times: the words of each product column weighted by rarity, and the model numbers
 * and quantities of all of them together, since a name may say `KDL-46V5100` and the other side's description
 * `Model: KDL46V5100`.
 */
function productEvidence(products: readonly ColumnProfile[]): ComparisonConfig[] {
  if (products.length === 0) return [];
  const field = products.length === 1 ? products[0]!.field : products.map((p) => p.field);
  return [
    { name: "codes", field, type: "codes" },
    { name: "quantities", field, type: "quantities" },
  ];
}

/** Importance order of roles when there are more columns than comparisons allowed. */
const ROLE_RANK: readonly ColumnRole[] = [
  "idNumber", "dateOfBirth", "email", "phone", "lastName", "firstName", "fullName", "organisation", "product", "title", "author", "brand",
  "postcode", "address", "streetNumber", "city", "venue", "year", "state", "date", "gender", "code", "number", "text", "category",
];

interface Candidate {
  readonly rule: BlockingRule;
  /** Fields the rule relies on. */
  readonly fields: readonly string[];
}

function keyRule(...on: KeySpec[]): Candidate {
  return { rule: { type: "key", on }, fields: on.map((s) => (typeof s === "string" ? s : s.field)) };
}

function candidates(byRole: Map<ColumnRole, ColumnProfile[]>, profiles: readonly ColumnProfile[]): Candidate[] {
  const one = (role: ColumnRole): ColumnProfile | undefined => byRole.get(role)?.[0];
  const out: Candidate[] = [];
  const first = one("firstName");
  const last = one("lastName");
  const full = one("fullName");
  const dob = one("dateOfBirth");
  const postcode = one("postcode");
  const phone = one("phone");
  const email = one("email");
  const street = one("streetNumber");
  const address = one("address");
  const city = one("city");
  const title = one("title");
  const year = one("year");
  const author = one("author");
  const product = one("product");
  const organisation = one("organisation");
  for (const p of byRole.get("idNumber") ?? []) out.push(keyRule(p.field));
  // Dates block on the value kernel's calendar date, so 1958-12-07 and "dec 7, 1958" share a block.
  if (dob) out.push(keyRule(dob.shape === "date" ? { field: dob.field, transform: "date" } : dob.field));
  if (email) out.push(keyRule({ field: email.field, transform: "emailLocal" }));
  if (phone) out.push(keyRule({ field: phone.field, transform: "phoneDigits", length: 8 }));
  const cjk = (p: ColumnProfile): boolean => p.shape === "cjk";
  if (first && last) {
    out.push(keyRule({ field: last.field, transform: cjk(last) ? "pinyinInitials" : "metaphone" }, { field: first.field, transform: cjk(first) ? "pinyinInitials" : "metaphone" }));
    if (postcode) out.push(keyRule({ field: last.field, transform: "soundex" }, postcode.field));
    if (dob) out.push(keyRule({ field: first.field, transform: "prefix", length: 1 }, { field: last.field, transform: "prefix", length: 1 }, { field: dob.field, transform: "year" }));
    if (postcode) out.push(keyRule({ field: first.field, transform: "soundex" }, postcode.field));
  }
  if (full) {
    out.push(keyRule({ field: full.field, transform: cjk(full) ? "pinyinInitials" : "sortedTokens" }));
    if (dob) out.push(keyRule({ field: full.field, transform: cjk(full) ? "pinyinInitials" : "initials" }, { field: dob.field, transform: "year" }));
    out.push({ rule: { type: "lsh", on: [full.field], q: 2, bands: 8, rows: 4 }, fields: [full.field] });
  }
  if (postcode && street) out.push(keyRule(postcode.field, street.field));
  if (address && postcode) out.push(keyRule({ field: address.field, transform: "firstToken" }, postcode.field));
  if (address && city && !postcode) out.push(keyRule({ field: address.field, transform: "firstToken" }, city.field));
  if (title) {
    out.push({ rule: { type: "lsh", on: [title.field], q: 3, bands: 10, rows: 3 }, fields: [title.field] });
    out.push(keyRule({ field: title.field, transform: "prefix", length: 12 }));
    if (year) out.push(keyRule({ field: title.field, transform: "firstToken" }, year.field));
  }
  if (organisation) {
    // The name without its legal form, then records whose names share many character 2-grams.
    out.push(keyRule({ field: organisation.field, transform: "orgName" }));
    out.push({ rule: { type: "lsh", on: [organisation.field], q: 2, bands: 8, rows: 4 }, fields: [organisation.field] });
  }
  if (product) {
    // Records sharing a model number; each record's five records sharing the rarest words; records whose names
    // share many character 3-grams.
    out.push(keyRule({ field: product.field, transform: "codes" }));
    out.push({ rule: { type: "tokens", on: [product.field], neighbours: 5 }, fields: [product.field] });
    out.push({ rule: { type: "lsh", on: [product.field], q: 3, bands: 10, rows: 3 }, fields: [product.field] });
  }
  if (author && year) out.push(keyRule({ field: author.field, transform: "firstToken" }, year.field));
  if (first && last) out.push({ rule: { type: "sortedNeighbourhood", on: [last.field, first.field], window: 4 }, fields: [last.field, first.field] });
  if (out.length === 0) {
    const strong = [...profiles].filter((p) => p.role !== "recordKey" && p.nullRatio < 0.5).sort((a, b) => b.distinctRatio - a.distinctRatio);
    for (const p of strong.slice(0, 3)) out.push(keyRule(p.averageTokens > 2 ? { field: p.field, transform: "firstToken" } : p.field));
    const text = strong.find((p) => p.averageLength >= 8);
    if (text) out.push({ rule: { type: "lsh", on: [text.field], q: 3, bands: 10, rows: 3 }, fields: [text.field] });
  }
  return out;
}

function sampleIndices(n: number, size: number): number[] {
  if (n <= size) return Array.from({ length: n }, (_, i) => i);
  const step = n / size;
  return Array.from({ length: size }, (_, k) => Math.floor(k * step));
}

function estimatePairs(
  sample: readonly DataRecord[],
  total: number,
  rule: BlockingRule,
  nullSet: ReadonlySet<string>,
  source: Uint8Array | undefined,
  orders: DateOrders,
): number {
  if (rule.type === "sortedNeighbourhood") return total * ((rule.window ?? 5) - 1);
  // Each record keeps at most `neighbours` candidates.
  if (rule.type === "tokens") return total * (rule.neighbours ?? 10);
  if (rule.type === "lsh") return estimateLshPairs(sample, total, rule, nullSet, source);
  const table = createTable(sample, nullSet);
  const keys = recordKeys(table, rule.on.map((spec) => resolveKeyPart(spec, orders)));
  const counts = new Map<string, [number, number]>();
  keys.forEach((k, i) => {
    if (k === null || k === undefined) return;
    for (const x of typeof k === "string" ? [k] : k) {
      const c = counts.get(x) ?? [0, 0];
      c[source ? source[i]! : 0]!++;
      counts.set(x, c);
    }
  });
  let pairs = 0;
  for (const [a, b] of counts.values()) pairs += source ? a * b : (a * (a - 1)) / 2;
  const scale = total / Math.max(1, sample.length);
  return pairs * scale * scale;
}

/** Records an LSH rule is tried on to estimate its pairs: they grow with the square of the records. */
const LSH_SAMPLE = 5000;

/**
 * Candidate pairs of an LSH rule, from running it on an even sample and scaling by the square of the records:
 * on names drawn from a few thousand values the pairs per record grow with the records, which a fixed number
 * per record would hide.
 */
function estimateLshPairs(sample: readonly DataRecord[], total: number, rule: BlockingRule, nullSet: ReadonlySet<string>, source: Uint8Array | undefined): number {
  const picked = sampleIndices(sample.length, LSH_SAMPLE);
  const table = createTable(
    picked.map((i) => sample[i]!),
    nullSet,
    source ? Uint8Array.from(picked.map((i) => source[i]!)) : undefined,
  );
  const { codes } = blockPairs(table, [resolveRule(rule, 0)], {
    mode: source ? "link" : "dedupe",
    maxBlockSize: Math.max(2, table.n),
    oversizedWindow: 2,
    signature: () => "",
  });
  const scale = total / Math.max(1, table.n);
  return codes.length * scale * scale;
}

/**
 * Chooses comparisons and blocking rules for a record set without any configuration: profiles the
 * columns (names such as first/given, surname/last, name/姓名, dob/birth, phone/mobile/tel, email,
 * address/street/suburb/city/postcode/zip, state, gender and id numbers; value shapes; distinct and
 * null ratios), picks a multi-level comparison per useful column and the blocking rules whose
 * estimated candidate pairs fit a budget, and splits chained clusters. The result is the same shape users
 * write in YAML.
 * @param records - the records (for linking: both sources together)
 * @param options - id field, link mode and threshold
 * @returns a configuration to pass to dedupeRecords/linkRecords, or to print as YAML and edit
 * @example
 * autoConfigure(records, { idField: "rec_id" }).comparisons.map((c) => c.field)
 * //=> ["given_name", "surname", "street_number", ...]
 */
export function autoConfigure(records: readonly DataRecord[], options: AutoConfigureOptions = {}): DedupeConfig {
  let source: Uint8Array | undefined;
  if (options.mode === "link" && options.sourceField !== undefined) {
    const f = options.sourceField;
    const firstValue = String(records[0]?.[f]);
    source = Uint8Array.from(records.map((r) => (String(getField(r, f)) === firstValue ? 0 : 1)));
  }
  return configureWithSources(records, options, source);
}

/** autoConfigure with the source (0 left, 1 right) of each record given directly. */
export function configureWithSources(records: readonly DataRecord[], options: AutoConfigureOptions, sources: Uint8Array | undefined): DedupeConfig {
  const idField = options.idField ?? "id";
  const profiles = profileColumns(records, {
    idField,
    ...(options.sampleSize === undefined ? {} : { sampleSize: options.sampleSize }),
    ...(options.nullValues === undefined ? {} : { nullValues: options.nullValues }),
  }).filter((p) => p.field !== options.sourceField && p.nullRatio < 0.95 && p.distinct > 1);
  const usable = profiles
    .map((p) => ({ p, c: comparisonFor(p) }))
    .filter((x): x is { p: ColumnProfile; c: ComparisonConfig } => x.c !== undefined)
    .sort((a, b) => ROLE_RANK.indexOf(a.p.role) - ROLE_RANK.indexOf(b.p.role))
    .slice(0, MAX_COMPARISONS);
  const order = new Map(profiles.map((p, k) => [p.field, k]));
  usable.sort((a, b) => order.get(a.p.field)! - order.get(b.p.field)!);
  const byRole = new Map<ColumnRole, ColumnProfile[]>();
  for (const { p } of usable) (byRole.get(p.role) ?? byRole.set(p.role, []).get(p.role)!).push(p);

  const n = records.length;
  const sampleIndex = sampleIndices(records.length, 20_000);
  const sample = sampleIndex.map((i) => records[i]!);
  const nullSet = toNullSet(options.nullValues);
  const source = sources ? Uint8Array.from(sampleIndex.map((i) => sources[i]!)) : undefined;
  // Small tables can afford a few tens of thousands of pairs per rule whatever their size.
  const perRule = Math.max(50_000, n * 15);
  const budget = Math.max(150_000, n * 40);
  const chosen: BlockingRule[] = [];
  let spent = 0;
  const orders = dateOrdersOf(usable.map((x) => x.c));
  for (const cand of candidates(byRole, profiles)) {
    const est = estimatePairs(sample, n, cand.rule, nullSet, source, orders);
    if (est > perRule || spent + est > budget) continue;
    chosen.push(cand.rule);
    spent += est;
    if (chosen.length >= 8) break;
  }
  if (chosen.length === 0 && usable.length > 0) {
    const best = usable[0]!.p.field;
    chosen.push({ type: "sortedNeighbourhood", on: [best], window: 10 });
  }
  return {
    idField,
    // A link keeps each record's best partner only (one-to-one), which guards precision: a pair is linked when it is
    // more likely a match than not. A dedupe joins every pair above the threshold into clusters: 0.9.
    threshold: options.threshold ?? (options.mode === "link" ? 0.5 : 0.9),
    blocking: { rules: chosen, maxBlockSize: Math.max(200, Math.min(2000, Math.round(Math.sqrt(Math.max(n, 1)) * 10))) },
    comparisons: [...usable.map((x) => x.c), ...productEvidence(byRole.get("product") ?? [])],
    clustering: { chaining: "split" },
    ...(options.nullValues === undefined ? {} : { nullValues: options.nullValues }),
  };
}
