import { z } from "zod";
import { RuleOptionError, type RuleDefinition, type RuleFinding } from "../../defineRule/defineRule.ts";
import { compareValues, fromField } from "../expression/values.ts";
import { createExactKeyTable, createHashedKeyTable, type KeyTable } from "@cleanse/values";
import { fieldReader } from "../fieldPath.ts";
import { isMissing, toKey } from "../values.ts";
import { builtin, show } from "./define.ts";

const MAX_LISTED = 20;
const MAX_RETURNED = 1000;

/**
 * First-seen uniqueness: a later occurrence of a key is flagged on its own record right away; the first
 * occurrences of keys that turned out to repeat are listed in one dataset finding at the end.
 * Memory: one hashed slot per distinct key (16 bytes per slot, ~23-46 bytes per key), or the key strings with `exact`.
 */
function createUniqueness(exact: boolean) {
  const table: KeyTable = exact ? createExactKeyTable() : createHashedKeyTable(true);
  let firstOfLast = -1;
  const firstDuplicated: number[] = [];
  // Kept for the final finding: one number per repeated key (bounded by the number of distinct keys).
  let duplicatedKeys = 0;
  return {
    /** True when the key is new; otherwise remembers the first record for the message. */
    see(key: string, seq: number): boolean {
      const stored = table.put(key, seq);
      if (stored === -1) return true;
      if (stored >= 0) {
        duplicatedKeys++;
        firstDuplicated.push(stored);
        table.set(key, -2 - stored);
        firstOfLast = stored;
      } else {
        firstOfLast = -2 - stored;
      }
      return false;
    },
    firstOfLast: () => firstOfLast,
    /** The dataset finding; `one` and `many` name the keys ("value", "values"). */
    finish(one: string, many: string): readonly RuleFinding[] {
      if (duplicatedKeys === 0) return [];
      firstDuplicated.sort((a, b) => a - b);
      const listed = firstDuplicated.slice(0, MAX_LISTED).map((s) => s + 1);
      const first =
        duplicatedKeys === 1 ? `the first occurrence is record ${listed[0]}` : `the first occurrences are records ${listed.join(", ")}${duplicatedKeys > MAX_LISTED ? ", ..." : ""}`;
      return [
        {
          code: "duplicate",
          // The record numbers of the first occurrences (at most 1000), so callers can flag them too.
          value: firstDuplicated.slice(0, MAX_RETURNED).map((s) => s + 1),
          message: `${duplicatedKeys} ${duplicatedKeys === 1 ? `${one} occurs` : `${many} occur`} more than once; later occurrences are flagged on their records, ${first}`,
        },
      ];
    },
  };
}

const uniqueOptions = z.strictObject({
  fields: z.array(z.string()).min(1).optional().describe("Compound key (in the records: list)"),
  exact: z.boolean().optional().describe("Keep the key strings rather than 64-bit hashes (exact, several times more memory)"),
  ignore_case: z.boolean().optional(),
  ignore_missing: z.enum(["any", "all"]).optional().describe("Compound keys: skip records where any (default) or all key fields are missing"),
});

const unique = builtin({
  name: "unique",
  description:
    "No two records may share the value (under a field) or the combination of `fields` (in `records:`). Every later occurrence is flagged on its record; the first occurrences of repeated keys are listed in a dataset finding. Missing values are never duplicates. Memory: 64-bit key hashes, about 16 bytes per slot (collision chance n²/2^65 over n keys); `exact: true` keeps the strings.",
  scopes: ["field", "record"],
  code: "duplicate",
  dimension: "uniqueness",
  options: uniqueOptions,
  shorthand: "fields",
  examples: ["customer_id: [required, unique]", "records:\n  - { unique: [first_name, last_name, birth_date] }"],
  compile: (o, target) => {
    const fold = o.ignore_case ? (s: string) => s.toLowerCase() : (s: string) => s;
    const state = createUniqueness(o.exact ?? false);
    if (o.fields === undefined) {
      if (target.field === undefined) throw new RuleOptionError("unique in records: needs the key fields, e.g. { unique: [first_name, last_name] }", []);
      return {
        kind: "value",
        stateful: true,
        test: (v, seq) => state.see(fold(toKey(v)), seq),
        message: (v) => `duplicate value ${show(v)}, first seen in record ${state.firstOfLast() + 1}`,
        finish: () => state.finish("value", "values"),
      };
    }
    const fields = o.fields;
    const readers = fields.map(fieldReader);
    const skipAll = o.ignore_missing === "all";
    return {
      kind: "record",
      stateful: true,
      check(record, seq) {
        let missing = 0;
        let key = "";
        for (let i = 0; i < fields.length; i++) {
          const v = readers[i]!(record);
          if (isMissing(v)) missing++;
          key += `${i === 0 ? "" : "\u001f"}${isMissing(v) ? "\u0000" : fold(toKey(v))}`;
        }
        if (skipAll ? missing === fields.length : missing > 0) return undefined;
        if (state.see(key, seq)) return undefined;
        return { message: `duplicate combination of ${fields.join(", ")}, first seen in record ${state.firstOfLast() + 1}`, value: readers.map((read) => read(record)) };
      },
      finish: () => state.finish(`combination of ${fields.join(", ")}`, `combinations of ${fields.join(", ")}`),
    };
  },
});

function monotonic(name: "increasing" | "decreasing") {
  const sign = name === "increasing" ? 1 : -1;
  return builtin({
    name,
    description: `Each present value must be ${name === "increasing" ? "greater" : "less"} than or equal to the one before it (strictly with \`strict: true\`), in input order. Numbers, numeric text, ISO dates and text compare as in checks.`,
    code: "out_of_order",
    dimension: "consistency",
    options: z.strictObject({ strict: z.boolean().optional() }),
    examples: [`${name === "increasing" ? "invoice_no" : "remaining_stock"}: [${name}]`, `event_time: [{ ${name}: { strict: true } }]`],
    compile: (o) => {
      const strict = o.strict ?? false;
      let previous: ReturnType<typeof fromField> = null;
      let previousRaw: unknown;
      let lastPrevious: unknown;
      return {
        kind: "value",
        stateful: true,
        test: (v) => {
          const current = fromField(v);
          const before = previous;
          lastPrevious = previousRaw;
          previous = current;
          previousRaw = v;
          if (before === null || current === null) return true;
          const c = compareValues(current, before) * sign;
          return strict ? c > 0 : c >= 0;
        },
        message: (v) => `${show(v)} is not ${strict ? "strictly " : ""}${name === "increasing" ? "above" : "below"} the previous value ${show(lastPrevious)}`,
      };
    },
  });
}

export const statefulRules: readonly RuleDefinition[] = [unique, monotonic("increasing"), monotonic("decreasing")];
