// Great Expectations conformance: runs GX's own expectation test cases through the equivalent Cleanse rules.
//
//   node scripts/build.mjs && node packages/rules/scripts/conformance.mjs   # rewrites docs/conformance.md
//
// The same functions back packages/rules/src/conformance/conformance.test.ts, which fails when the pass rate
// drops below 95% or when docs/conformance.md is out of date.
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

/** Expectations with no Cleanse equivalent, and why. */
export const INAPPLICABLE = {
  expect_column_values_to_match_like_pattern: "SQL LIKE is only run by GX on SQL backends (Cleanse has `like`, tested on its own)",
  expect_column_values_to_match_like_pattern_list: "SQL LIKE is only run by GX on SQL backends",
  expect_column_values_to_not_match_like_pattern: "SQL LIKE is only run by GX on SQL backends",
  expect_column_values_to_not_match_like_pattern_list: "SQL LIKE is only run by GX on SQL backends",
  expect_column_values_to_match_json_schema: "validating values against a JSON Schema is not a built-in rule (use fromStandardSchema)",
  expect_column_value_z_scores_to_be_less_than: "z-scores need the mean and deviation before the first record: two passes, not a streaming rule",
  expect_column_quantile_values_to_be_between: "arbitrary quantiles are not in the catalogue (median is)",
  expect_column_pair_cramers_phi_value_to_be_less_than: "a statistical association test, not a data-quality rule",
  expect_table_row_count_to_equal_other_table: "compares two tables of a database",
  unexpected_rows_expectation: "runs a SQL query",
  expect_this_test_to_be_suppressed: "a fixture of GX's test runner",
};

const PANDAS_TYPES = {
  int: ["integer"], int64: ["integer"], int32: ["integer"], integer: ["integer"], long: ["integer"],
  float: ["number"], float64: ["number"], float32: ["number"], double: ["number"], number: ["number"],
  str: ["string"], string: ["string"], unicode: ["string"], object: ["string", "integer", "number", "boolean", "array", "object"], object_: ["string", "integer", "number", "boolean", "array", "object"], O: ["string", "integer", "number", "boolean", "array", "object"],
  bool: ["boolean"], boolean: ["boolean"], bool_: ["boolean"],
};

const num = (v) => v === null || v === undefined ? undefined : v;

/** GX evaluation parameters such as `now() - timedelta(weeks=52)` as Cleanse relative dates. */
function parameter(value) {
  if (!(value && typeof value === "object" && "$PARAMETER" in value)) return value;
  const text = String(value.$PARAMETER).trim();
  if (text === "now()") return "now";
  const delta = /^now\(\)\s*([+-])\s*timedelta\((weeks|days|hours)=(\d+(?:\s*\*\s*\d+)*)\)$/.exec(text);
  if (delta) {
    const amount = delta[3].split("*").reduce((p, n) => p * Number(n), 1);
    return `now${delta[1]}${amount}${{ weeks: "w", days: "d", hours: "h" }[delta[2]]}`;
  }
  const date = /^datetime\((\d{4}),\s*(\d{1,2}),\s*(\d{1,2})\)$/.exec(text);
  if (date) return `${date[1]}-${date[2].padStart(2, "0")}-${date[3].padStart(2, "0")}`;
  throw new Error(`unsupported evaluation parameter ${text}`);
}

function bounds(k) {
  const min = num(parameter(k.min_value)), max = num(parameter(k.max_value));
  return { ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) };
}

/** GX row conditions (pandas query syntax or `col("x")` syntax) in the Cleanse expression language. */
function condition(k) {
  if (k.row_condition === undefined) return undefined;
  if (k.condition_parser !== "pandas" && k.condition_parser !== "great_expectations" && k.condition_parser !== "great_expectations__experimental__") {
    throw new Error(`"${k.condition_parser}" is not a valid enumeration member of the condition parsers`);
  }
  return k.row_condition.replace(/col\("([^"]+)"\)/g, "`$1`").replace(/&/g, " and ").replace(/\|/g, " or ");
}

const withWhen = (entry, k) => {
  const when = condition(k);
  return when === undefined ? entry : { ...entry, when };
};

const field = (k, entry) => ({ kind: "map", column: k.column, file: { fields: { [k.column]: [withWhen(entry, k)] } } });
const dataset = (entry) => ({ kind: "aggregate", file: { dataset: [entry] } });

function pairCheck(k, assert) {
  const a = `\`${k.column_A}\``, b = `\`${k.column_B}\``;
  const ignore = k.ignore_row_if ?? "both_values_are_missing";
  const when = ignore === "either_value_is_missing" ? `${a} != null and ${b} != null` : ignore === "both_values_are_missing" ? `${a} != null or ${b} != null` : undefined;
  // GX treats a pair with one missing value as unexpected: a null operand must fail, not be unknown.
  return { kind: "pair", columns: [k.column_A, k.column_B], file: { checks: [{ name: "pair", assert: `coalesce(${assert}, false)`, ...(when ? { when } : {}) }] } };
}

function multi(k, entry) {
  const ignore = k.ignore_row_if ?? "all_values_are_missing";
  const cols = k.column_list.map((c) => `\`${c}\` == null`);
  const skip = ignore === "any_value_is_missing" ? cols.join(" or ") : ignore === "all_values_are_missing" ? cols.join(" and ") : undefined;
  const row = condition(k);
  const when = [skip ? `not (${skip})` : undefined, row ? `(${row})` : undefined].filter(Boolean).join(" and ");
  return { kind: "multi", columns: k.column_list, file: { records: [when ? { ...entry, when } : entry] } };
}

const literal = (v) => (typeof v === "string" ? `'${v.replace(/'/g, "\\'")}'` : v === null ? "null" : String(v));

/** Maps one GX expectation and its kwargs to a Cleanse rule file; throws for kwargs Cleanse refuses. */
export const MAPPING = {
  expect_column_values_to_not_be_null: (k) => ({ ...field(k, "not_null"), denominator: "all" }),
  expect_column_values_to_be_null: (k) => ({ ...field(k, "is_null"), denominator: "all" }),
  expect_column_values_to_be_in_set: (k) => field(k, { in: k.value_set }),
  expect_column_values_to_not_be_in_set: (k) => field(k, { not_in: k.value_set }),
  expect_column_values_to_be_between: (k) =>
    field(k, { range: { ...bounds(k), ...(k.strict_min ? { exclusive_min: true } : {}), ...(k.strict_max ? { exclusive_max: true } : {}) } }),
  expect_column_values_to_be_between__evaluation_parameters: (k) => MAPPING.expect_column_values_to_be_between(k),
  expect_column_values_to_be_between_tz_naive: (k) => MAPPING.expect_column_values_to_be_between(k),
  expect_column_value_lengths_to_be_between: (k) => field(k, { length: bounds(k) }),
  expect_column_value_lengths_to_equal: (k) => field(k, { length: { equals: k.value } }),
  expect_column_values_to_match_regex: (k) => field(k, { regex: k.regex }),
  expect_column_values_to_not_match_regex: (k) => field(k, { not_regex: k.regex }),
  expect_column_values_to_match_regex_list: (k) => field(k, { regex: { pattern: k.regex_list, match_on: k.match_on ?? "any" } }),
  expect_column_values_to_not_match_regex_list: (k) => field(k, { not_regex: { pattern: k.regex_list, match_on: "any" } }),
  expect_column_values_to_match_strftime_format: (k) => field(k, { datetime: { format: k.strftime_format } }),
  expect_column_values_to_be_dateutil_parseable: (k) => field(k, { datetime: { format: "auto" } }),
  expect_column_values_to_be_json_parseable: (k) => field(k, "json"),
  expect_column_values_to_be_unique: (k) => ({ ...field(k, "unique"), firstOccurrences: true }),
  expect_column_values_to_be_increasing: (k) => field(k, { increasing: { strict: k.strictly ?? false } }),
  expect_column_values_to_be_decreasing: (k) => field(k, { decreasing: { strict: k.strictly ?? false } }),
  expect_column_values_to_be_of_type: (k) => {
    const types = PANDAS_TYPES[k.type_];
    if (!types) throw new Error(`inapplicable: the pandas dtype ${k.type_} has no JSON counterpart`);
    return field(k, { type: types });
  },
  expect_column_values_to_be_in_type_list: (k) => {
    if (k.type_list === null || k.type_list === undefined) return field(k, "not_empty");
    const types = k.type_list.flatMap((t) => PANDAS_TYPES[t] ?? []);
    if (types.length === 0) throw new Error(`inapplicable: the pandas dtypes ${k.type_list.join(", ")} have no JSON counterpart`);
    return field(k, { type: [...new Set(types)] });
  },
  expect_column_pair_values_a_to_be_greater_than_b: (k) => pairCheck(k, `\`${k.column_A}\` ${k.or_equal ? ">=" : ">"} \`${k.column_B}\``),
  expect_column_pair_values_to_be_equal: (k) => pairCheck(k, `\`${k.column_A}\` == \`${k.column_B}\` and \`${k.column_A}\` != null`),
  expect_column_pair_values_to_be_in_set: (k) =>
    pairCheck(k, `(${k.value_pairs_set.map(([a, b]) => `(\`${k.column_A}\` == ${literal(a)} and \`${k.column_B}\` == ${literal(b)})`).join(" or ")})`),
  expect_compound_columns_to_be_unique: (k) => ({ ...multi(k, { unique: { fields: k.column_list, ignore_missing: "all" } }), firstOccurrences: true }),
  expect_select_column_values_to_be_unique_within_record: (k) => multi(k, { distinct_fields: k.column_list }),
  expect_multicolumn_sum_to_equal: (k) => multi(k, { sum_of_fields: { fields: k.column_list, equals: k.sum_total } }),
  expect_column_distinct_values_to_be_in_set: (k) => (k.value_set === null ? dataset({ distinct_values: { field: k.column, in: [] }, vacuous: true }) : dataset({ distinct_values: { field: k.column, in: k.value_set } })),
  expect_column_distinct_values_to_contain_set: (k) => dataset({ distinct_values: { field: k.column, contains: k.value_set } }),
  expect_column_distinct_values_to_equal_set: (k) => dataset({ distinct_values: { field: k.column, equals: k.value_set } }),
  expect_column_max_to_be_between: (k) => dataset({ maximum: { field: k.column, ...bounds(k) } }),
  expect_column_min_to_be_between: (k) => dataset({ minimum: { field: k.column, ...bounds(k) } }),
  expect_column_mean_to_be_between: (k) => dataset({ mean: { field: k.column, ...bounds(k) } }),
  expect_column_median_to_be_between: (k) => dataset({ median: { field: k.column, ...bounds(k) } }),
  expect_column_stdev_to_be_between: (k) => dataset({ stdev: { field: k.column, ...bounds(k) } }),
  expect_column_sum_to_be_between: (k) => dataset({ sum: { field: k.column, ...bounds(k) } }),
  expect_column_unique_value_count_to_be_between: (k) => dataset({ distinct_count: { field: k.column, ...bounds(k) } }),
  expect_column_proportion_of_unique_values_to_be_between: (k) => dataset({ unique_ratio: { field: k.column, ...bounds(k) } }),
  expect_column_most_common_value_to_be_in_set: (k) => dataset({ most_common_value: { field: k.column, in: k.value_set, ...(k.ties_okay ? { ties_okay: true } : {}) } }),
  expect_table_row_count_to_be_between: (k) => dataset({ row_count: bounds(k) }),
  expect_table_row_count_to_equal: (k) => dataset({ row_count: { equals: k.value } }),
  expect_table_column_count_to_be_between: (k) => dataset({ columns: { count: bounds(k) } }),
  expect_table_column_count_to_equal: (k) => dataset({ columns: { count: { equals: k.value } } }),
  expect_table_columns_to_match_set: (k) => dataset({ columns: k.exact_match === false ? { required: k.column_set } : { exact: k.column_set } }),
  expect_table_columns_to_match_ordered_list: (k) => dataset({ columns: { exact: k.column_list, ordered: true } }),
  expect_column_to_exist: (k) => dataset({ columns: { required: [k.column], ...(k.column_index === undefined ? {} : { at: { [k.column]: k.column_index } }) } }),
};

/** Rows from GX's column-oriented data: `{ a: [1, 2], b: [3, 4] }` becomes `[{ a: 1, b: 3 }, { a: 2, b: 4 }]`. */
function rowsOf(data) {
  const columns = Object.keys(data);
  const n = Math.max(0, ...columns.map((c) => data[c].length));
  return Array.from({ length: n }, (_, i) => Object.fromEntries(columns.map((c) => [c, data[c][i] ?? null])));
}

function backendStatus(ds, t) {
  const only = t.only_for ?? ds.only_for;
  const suppressed = [...(t.suppress_test_for ?? []), ...(ds.suppress_test_for ?? [])];
  if (only && !only.includes("pandas")) return `only run by GX on ${only.join(", ")}`;
  if (suppressed.includes("pandas")) return "GX does not run it on pandas";
  return undefined;
}

const normalize = (v) => (v === null || v === undefined ? "null" : typeof v === "object" ? JSON.stringify(Object.values(v).map(normalize)) : String(v));
const sameMultiset = (a, b) => JSON.stringify(a.map(normalize).sort()) === JSON.stringify(b.map(normalize).sort());

/** Runs one case; returns { status: "pass" | "fail" | "inapplicable", reason? }. */
export function runCase(api, expectation, ds, t) {
  const skip = backendStatus(ds, t);
  if (skip) return { status: "inapplicable", reason: skip };
  if (INAPPLICABLE[expectation]) return { status: "inapplicable", reason: INAPPLICABLE[expectation] };
  const out = t.out ?? {};
  const expectsError = "traceback_substring" in out || (Object.keys(out).length === 0 && t.in.catch_exceptions);
  const k = t.in;
  let mapped;
  let checker;
  try {
    const mostly = k.mostly;
    if (mostly !== undefined && !(typeof mostly === "number" && mostly >= 0 && mostly <= 1)) throw new Error("mostly must be a number between 0 and 1");
    mapped = MAPPING[expectation](k);
    if (mapped.file.dataset?.[0]?.vacuous) return compare(expectsError, out, { success: true });
    // One checker over the whole dataset: uniqueness and dataset rules see every row.
    checker = api.compileRules(api.toRuleSet(mapped.file)).createChecker();
  } catch (error) {
    if (String(error.message).startsWith("inapplicable: ")) return { status: "inapplicable", reason: error.message.slice(14) };
    return expectsError ? { status: "pass" } : { status: "fail", reason: `Cleanse refused the rule: ${error.message.split("\n").slice(-1)[0].trim()}` };
  }
  const rows = rowsOf(ds.data);
  const flagged = new Set();
  for (let i = 0; i < rows.length; i++) if (checker.check(rows[i]).length > 0) flagged.add(i);
  const datasetIssues = checker.finish();
  if (mapped.firstOccurrences) for (const issue of datasetIssues) for (const record of issue.value ?? []) flagged.add(record - 1);
  let success;
  if (mapped.kind === "aggregate") success = datasetIssues.length === 0;
  else {
    const counted =
      mapped.denominator === "all"
        ? rows.length
        : mapped.kind === "map"
          ? rows.filter((r) => r[mapped.column] !== null).length
          : rows.filter((r, i) => flagged.has(i) || !mapped.columns.every((c) => r[c] === null)).length;
    const ratio = counted === 0 ? 0 : flagged.size / counted;
    success = ratio <= 1 - (k.mostly ?? 1) + 1e-12;
  }
  const indexes = [...flagged].sort((a, b) => a - b);
  const values = indexes.map((i) => (mapped.kind === "map" ? rows[i][mapped.column] : mapped.kind === "pair" ? mapped.columns.map((c) => rows[i][c]) : Object.fromEntries(mapped.columns.map((c) => [c, rows[i][c]]))));
  return compare(expectsError, out, { success, indexes, values });
}

function compare(expectsError, out, result) {
  if (expectsError) return result.success === false ? { status: "pass" } : { status: "fail", reason: "GX raises an error; Cleanse accepted the data" };
  if ("success" in out && out.success !== result.success) return { status: "fail", reason: `success is ${result.success}, GX expects ${out.success}` };
  if (Array.isArray(out.unexpected_index_list) && result.indexes) {
    const expected = out.unexpected_index_list.map((e) => (typeof e === "object" ? e.pk_index : e)).sort((a, b) => a - b);
    if (JSON.stringify(expected) !== JSON.stringify(result.indexes)) return { status: "fail", reason: `flags records ${JSON.stringify(result.indexes)}, GX ${JSON.stringify(expected)}` };
  }
  if (Array.isArray(out.unexpected_list) && result.values && !sameMultiset(out.unexpected_list, result.values)) {
    return { status: "fail", reason: `unexpected values ${JSON.stringify(result.values)}, GX ${JSON.stringify(out.unexpected_list)}` };
  }
  return { status: "pass" };
}

/** Runs every case under a folder of GX test definitions. */
export function runConformance(api, root) {
  const results = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith(".json")) {
        const spec = JSON.parse(readFileSync(path, "utf8"));
        const expectation = spec.expectation_type ?? name.replace(/\.json$/, "");
        const fileKey = name.replace(/\.json$/, "");
        for (const ds of spec.datasets) {
          for (const t of ds.tests ?? []) {
            const r = runCase(api, MAPPING[fileKey] ? fileKey : expectation, ds, t);
            results.push({ expectation: fileKey, title: t.title, ...r });
          }
        }
      }
    }
  };
  walk(root);
  return results;
}

/** Renders the results as docs/conformance.md. */
export function renderConformance(results) {
  const byExpectation = new Map();
  for (const r of results) {
    const e = byExpectation.get(r.expectation) ?? { pass: 0, fail: 0, inapplicable: 0, failures: [], reasons: new Map() };
    e[r.status]++;
    if (r.status === "fail") e.failures.push(r);
    if (r.status === "inapplicable") e.reasons.set(r.reason, (e.reasons.get(r.reason) ?? 0) + 1);
    byExpectation.set(r.expectation, e);
  }
  const pass = results.filter((r) => r.status === "pass").length;
  const fail = results.filter((r) => r.status === "fail").length;
  const applicable = pass + fail;
  const pct = (a, b) => (b === 0 ? "-" : `${((100 * a) / b).toFixed(1)}%`);
  const lines = [
    "# Great Expectations conformance",
    "",
    "Cleanse runs the test cases of Great Expectations' own expectation suite (`tests/test_definitions`, Apache-2.0,",
    "copied in `packages/rules/test-data/ge_test_definitions/`) through the equivalent Cleanse rules and compares the outcome",
    "with each case's `out` block: `success`, and the flagged records (`unexpected_index_list`) and values",
    "(`unexpected_list`) where the case gives them. `observed_value` details are not compared.",
    "",
    "How a case is run:",
    "",
    "- The data (columns of values, `null` for missing) becomes one record per row; the expectation and its kwargs become a",
    "  rule file through the mapping table in `packages/rules/scripts/conformance.mjs` (e.g. `expect_column_values_to_be_between`",
    "  → `range`, `expect_compound_columns_to_be_unique` → `records: [{ unique: [...] }]`, column pairs → `checks`).",
    "- `mostly` is applied as GX does: the share of flagged records among the non-null ones must be at most `1 - mostly`.",
    "- `row_condition` becomes the rule's `when` expression; `ignore_row_if` becomes a `when` on the columns.",
    "- Uniqueness: Cleanse flags later duplicates on their records and lists first occurrences in a dataset finding;",
    "  both count as flagged, as in GX.",
    "- Cases where GX raises an error (a `traceback_substring`, or an empty `out` with `catch_exceptions`) pass when",
    "  Cleanse refuses the rule file or reports a failure, since GX then reports `success: false`.",
    "- Cases GX only runs on SQL or Spark backends, or never on pandas, are inapplicable, as are expectations without a",
    "  Cleanse rule (listed below with the reason).",
    "",
    `**${pass} of ${applicable} applicable cases pass (${pct(pass, applicable)}).** ${results.length} cases in all; ${results.length - applicable} inapplicable.`,
    "",
    "Regenerate with `node scripts/build.mjs && node packages/rules/scripts/conformance.mjs`; the test",
    "`packages/rules/src/conformance/conformance.test.ts` fails when this page is out of date.",
    "",
    "## Pass rate per expectation",
    "",
    "| Expectation | Cases | Applicable | Pass | Rate |",
    "| --- | ---: | ---: | ---: | ---: |",
  ];
  for (const [name, e] of [...byExpectation.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
    const app = e.pass + e.fail;
    lines.push(`| \`${name}\` | ${e.pass + e.fail + e.inapplicable} | ${app} | ${e.pass} | ${pct(e.pass, app)} |`);
  }
  lines.push(
    "",
    "## Cases that differ",
    "",
    "The remaining differences are deliberate:",
    "",
    "- A bound rule without any bound (`min`, `max`, `equals`) or with `min` above `max` is refused as a rule-file error;",
    "  GX calls some of these vacuously true and others an error.",
    "- Numeric text counts as a number (`\"12.5\"` is in `range: { min: 0 }`) and numbers are measured as text by `length`,",
    "  because CSV values are text; GX raises a type error for such columns.",
    "- A value of the wrong type is one more failing value, not an error for the whole column: with `mostly`, a column with",
    "  one text value among numbers can still pass.",
    "- A column list of `null` is refused rather than read as any set of columns.",
    "",
  );
  const failures = [...byExpectation.entries()].flatMap(([, e]) => e.failures);
  if (failures.length === 0) lines.push("None.");
  for (const f of failures) lines.push(`- \`${f.expectation}\` / ${f.title}: ${f.reason}`);
  lines.push("", "## Inapplicable cases", "", "| Expectation | Cases | Reason |", "| --- | ---: | --- |");
  for (const [name, e] of [...byExpectation.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
    for (const [reason, count] of e.reasons) lines.push(`| \`${name}\` | ${count} | ${reason} |`);
  }
  return `${lines.join("\n")}\n`;
}

const here = dirname(fileURLToPath(import.meta.url));
export const DEFINITIONS = join(here, "..", "test-data", "ge_test_definitions");
export const REPORT = join(here, "..", "..", "..", "docs", "conformance.md");

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const api = await import("../dist/index.js");
  const results = runConformance(api, DEFINITIONS);
  writeFileSync(REPORT, renderConformance(results));
  const pass = results.filter((r) => r.status === "pass").length;
  const applicable = results.filter((r) => r.status !== "inapplicable").length;
  console.log(`wrote ${relative(process.cwd(), REPORT)}: ${pass}/${applicable} applicable cases pass`);
}
