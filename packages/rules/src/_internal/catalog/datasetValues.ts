import { z } from "zod";
import { RuleOptionError, type RuleDefinition, type RuleFinding } from "../../defineRule/defineRule.ts";
import { formatFloating } from "@cleanse/values";
import { plural } from "@cleanse/core";
import { compileDateFormats, nowFloating, parseDuration } from "../dates.ts";
import { isMissing, toDecimalText, toKey } from "../values.ts";
import { compileBounds, fieldOption, verdict } from "./aggregates.ts";
import { dateReader } from "./numbers.ts";
import { fieldReader } from "../fieldPath.ts";
import { builtin, show, targetField } from "./define.ts";

const valueList = z.array(z.union([z.string(), z.number(), z.boolean()]));

const freshness = builtin({
  name: "freshness",
  description: "The latest date-time in the field must be no older than `max_age` (`24h`, `7d`, `2w`, or a number of days) when the run starts: the data is fresh.",
  scopes: ["dataset", "field"],
  code: "stale_data",
  dimension: "timeliness",
  options: z.strictObject({
    field: fieldOption,
    max_age: z.union([z.number().positive(), z.string()]).describe("Oldest acceptable age of the newest value: 24h, 7d, 2w, 30min"),
    format: z.string().optional().describe("Date format of the values (default ISO 8601; auto: what parseDate of @cleanse/values reads)"),
  }),
  examples: ["dataset:\n  - { freshness: { field: updated_at, max_age: 2d } }"],
  compile: (o, target) => {
    const field = targetField(o, target, "freshness");
    const readValue = fieldReader(field);
    const age = parseDuration(o.max_age);
    if (Number.isNaN(age)) throw new RuleOptionError(`${show(o.max_age)} is not a duration (use 24h, 7d, 2w, 30min or a number of days)`, ["max_age"]);
    const read = dateReader(o.format === undefined ? undefined : compileDateFormats(o.format, { kind: "datetime", path: ["format"] }).read);
    const started = nowFloating();
    let latest = Number.NaN;
    return {
      kind: "dataset",
      add(record) {
        const raw = readValue(record);
        if (isMissing(raw)) return;
        const t = read(raw);
        if (!Number.isNaN(t) && (Number.isNaN(latest) || t > latest)) latest = t;
      },
      finish() {
        if (Number.isNaN(latest)) return [{ message: `no dates in ${field}: cannot tell how fresh the data is` }];
        const ageMs = started - latest;
        if (ageMs <= age) return [];
        return [{ value: formatFloating(latest), message: `latest ${field} is ${formatFloating(latest)}, ${(ageMs / 86_400_000).toFixed(1)} days old; expected at most ${o.max_age}` }];
      },
    };
  },
});

const distinctValues = builtin({
  name: "distinct_values",
  description: "The set of distinct present values of the field must be within `in`, contain all of `contains`, or be exactly `equals`.",
  scopes: ["dataset", "field"],
  code: "not_allowed",
  dimension: "validity",
  options: z.strictObject({ field: fieldOption, in: valueList.optional(), contains: valueList.optional(), equals: valueList.optional() }),
  examples: ["dataset:\n  - { distinct_values: { field: currency, contains: [CNY, USD] } }"],
  compile: (o, target) => {
    const field = targetField(o, target, "distinct_values");
    const read = fieldReader(field);
    if (o.in === undefined && o.contains === undefined && o.equals === undefined) throw new RuleOptionError("give in, contains or equals", []);
    const allowed = o.in ?? o.equals;
    const required = o.contains ?? o.equals;
    const allowedKeys = allowed === undefined ? undefined : new Set(allowed.map(toKey));
    // Listed numbers match numeric text of the same exact value ("1.0" is 1).
    const decimalOf = (x: unknown) => (typeof x === "number" ? toDecimalText(x) : undefined);
    const allowedNumbers = new Set((allowed ?? []).map(decimalOf).filter((d) => d !== undefined));
    const requiredKeys = new Map((required ?? []).map((x) => [toKey(x), x]));
    const requiredNumbers = new Map((required ?? []).flatMap((x) => (decimalOf(x) === undefined ? [] : [[decimalOf(x)!, toKey(x)] as const])));
    const seenRequired = new Set<string>();
    const outsiders = new Set<string>();
    const matches = (key: string, raw: unknown): string | undefined => {
      if (requiredKeys.has(key)) return key;
      if (requiredNumbers.size === 0) return undefined;
      const d = toDecimalText(raw);
      return d === undefined ? undefined : requiredNumbers.get(d);
    };
    return {
      kind: "dataset",
      add(record) {
        const raw = read(record);
        if (isMissing(raw)) return;
        const key = toKey(raw);
        const hit = matches(key, raw);
        if (hit !== undefined) seenRequired.add(hit);
        if (allowedKeys && !allowedKeys.has(key) && outsiders.size < 100) {
          const d = allowedNumbers.size === 0 ? undefined : toDecimalText(raw);
          if (d === undefined || !allowedNumbers.has(d)) outsiders.add(key);
        }
      },
      finish() {
        const findings: RuleFinding[] = [];
        if (outsiders.size > 0) findings.push({ value: [...outsiders], message: `${field} has values outside the set: ${[...outsiders].slice(0, 10).map((x) => show(x)).join(", ")}` });
        const absent = [...requiredKeys.keys()].filter((k) => !seenRequired.has(k));
        if (absent.length > 0) findings.push({ value: absent, message: `${field} never has the values ${absent.map((x) => show(x)).join(", ")}` });
        return findings;
      },
    };
  },
});

const mostCommonValue = builtin({
  name: "most_common_value",
  description:
    "The most frequent present value of the field must be one of `in`. A tie for most frequent fails, unless `ties_okay: true`, when one of the tied values in the set is enough. Counts every distinct value (memory grows with the number of distinct values).",
  scopes: ["dataset", "field"],
  code: "not_allowed",
  dimension: "validity",
  options: z.strictObject({ field: fieldOption, in: valueList.min(1), ties_okay: z.boolean().optional() }),
  examples: ["dataset:\n  - { most_common_value: { field: country, in: [CN] } }"],
  compile: (o, target) => {
    const field = targetField(o, target, "most_common_value");
    const read = fieldReader(field);
    const allowed = new Set(o.in.map(toKey));
    const counts = new Map<string, number>();
    return {
      kind: "dataset",
      add(record) {
        const raw = read(record);
        if (isMissing(raw)) return;
        const key = toKey(raw);
        counts.set(key, (counts.get(key) ?? 0) + 1);
      },
      finish() {
        let top = 0;
        for (const n of counts.values()) if (n > top) top = n;
        const modes = [...counts.entries()].filter(([, n]) => n === top).map(([k]) => k);
        if (modes.length === 0) return [{ message: `${field} has no values` }];
        const ok = o.ties_okay ? modes.some((m) => allowed.has(m)) : modes.length === 1 && allowed.has(modes[0]!);
        return ok ? [] : [{ value: modes, message: `most common ${field} ${modes.length === 1 ? "is" : "are"} ${modes.map((m) => show(m)).join(", ")} (${plural(top, "record")}), not in ${o.in.map((v) => show(v)).join(", ")}` }];
      },
    };
  },
});

const columns = builtin({
  name: "columns",
  description:
    "Checks the fields the records carry (the union of their keys, in first-seen order): `required` must all appear, `exact` must be the whole set (`ordered: true`: in that order), `at` pins fields to 0-based positions, `count` bounds their number.",
  scopes: ["dataset"],
  code: "schema_mismatch",
  dimension: "consistency",
  options: z.strictObject({
    required: z.array(z.string()).optional(),
    exact: z.array(z.string()).optional(),
    ordered: z.boolean().optional(),
    at: z.record(z.string(), z.number().int().min(0)).optional().describe("Required 0-based positions of fields, e.g. { id: 0 }"),
    count: z.strictObject({ min: z.number().int().min(0).optional(), max: z.number().int().min(0).optional(), equals: z.number().int().min(0).optional() }).optional(),
  }),
  examples: ["dataset:\n  - { columns: { required: [id, name, email] } }", "dataset:\n  - { columns: { exact: [id, name, email], ordered: true } }"],
  compile: (o) => {
    if (o.required === undefined && o.exact === undefined && o.count === undefined && o.at === undefined) throw new RuleOptionError("give required, exact, at or count", []);
    const count = o.count === undefined ? undefined : compileBounds(o.count);
    const seen = new Set<string>();
    return {
      kind: "dataset",
      add(record) {
        for (const k of Object.keys(record)) seen.add(k);
      },
      finish() {
        const have = [...seen];
        const findings: RuleFinding[] = [];
        const missing = (o.required ?? o.exact ?? []).filter((c) => !seen.has(c));
        if (missing.length > 0) findings.push({ value: missing, message: `missing fields: ${missing.join(", ")}` });
        if (o.exact) {
          const extra = have.filter((c) => !o.exact!.includes(c));
          if (extra.length > 0) findings.push({ value: extra, message: `unexpected fields: ${extra.join(", ")}` });
          else if (missing.length === 0 && o.ordered && have.join("\u0000") !== o.exact.join("\u0000")) findings.push({ value: have, message: `fields are in the order ${have.join(", ")}, expected ${o.exact.join(", ")}` });
        }
        for (const [name, index] of Object.entries(o.at ?? {})) {
          if (seen.has(name) && have[index] !== name) findings.push({ value: have.indexOf(name), message: `field ${name} is at position ${have.indexOf(name)}, expected ${index}` });
          if (!seen.has(name) && !missing.includes(name)) findings.push({ value: [name], message: `missing fields: ${name}` });
        }
        if (count) findings.push(...verdict("field count", have.length, count));
        return findings;
      },
    };
  },
});


/** Dataset rules about values and shape: freshness, the set of values, the most common value, the fields. */
export const datasetValueRules: readonly RuleDefinition[] = [freshness, distinctValues, mostCommonValue, columns];
