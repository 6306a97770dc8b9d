import { isAbsolute, resolve } from "node:path";
import { CleanseError, ConfigError, type DataRecord, type RecordSource } from "@cleanse/core";
import { z } from "zod";
import { RuleOptionError, type RuleDefinition, type RuleTarget } from "../../defineRule/defineRule.ts";
import { createExactKeyTable, createHashedKeyTable, type KeyTable } from "@cleanse/values";
import { fieldReader, type FieldReader } from "../fieldPath.ts";
import { isMissing, toKey } from "../values.ts";
import { builtin, show } from "./define.ts";

const fieldList = z.union([z.string(), z.array(z.string()).min(1)]);

/** A source spec in a rule file: a path, or a path with reader options (delimiter, encoding, ...). */
export const sourceSpecSchema: z.ZodType<string | { readonly path: string; readonly [option: string]: unknown }> = z.union([
  z.string().min(1),
  z.looseObject({ path: z.string().min(1) }),
]);

const recordsSchema = z.custom<Iterable<DataRecord> | AsyncIterable<DataRecord> | RecordSource>(
  (v) => typeof v === "object" && v !== null && (Symbol.iterator in v || Symbol.asyncIterator in v || typeof (v as RecordSource).batches === "function"),
  "expected an iterable of records or a record source",
);

const referenceOptions = z.strictObject({
  field: fieldList.optional().describe("Field (or fields, for a compound key) of this dataset"),
  in: z
    .strictObject({
      source: sourceSpecSchema.optional().describe("File (relative to the rule file) or named source holding the keys"),
      field: fieldList.describe("Key field (or fields) in the other source"),
      records: recordsSchema.optional().describe("TypeScript only: the other dataset's records"),
    })
    .describe("Where the keys come from"),
  exact: z.boolean().optional().describe("Keep key strings instead of 64-bit hashes (exact, more memory)"),
  ignore_case: z.boolean().optional(),
});

type ReferenceOptions = z.infer<typeof referenceOptions>;

/** Resolves a source spec against the rule file's folder. */
export function resolveSourceSpec(spec: string | { readonly path: string; readonly [option: string]: unknown }, baseDir: string): string | { readonly path: string; readonly [option: string]: unknown } {
  const path = typeof spec === "string" ? spec : spec.path;
  if (isAbsolute(path) || /^[a-z][a-z0-9+.-]*:\/\//i.test(path)) return spec;
  const absolute = resolve(baseDir, path);
  return typeof spec === "string" ? absolute : { ...spec, path: absolute };
}

async function* recordsOf(input: Iterable<DataRecord> | AsyncIterable<DataRecord> | RecordSource): AsyncGenerator<DataRecord> {
  if (typeof (input as RecordSource).batches === "function") {
    for await (const batch of (input as RecordSource).batches()) yield* batch.records;
    return;
  }
  yield* input as AsyncIterable<DataRecord>;
}

function keyOf(record: DataRecord, fields: readonly FieldReader[], fold: (s: string) => string): string | undefined {
  if (fields.length === 1) {
    const v = fields[0]!(record);
    return isMissing(v) ? undefined : fold(toKey(v));
  }
  let key = "";
  for (let i = 0; i < fields.length; i++) {
    const v = fields[i]!(record);
    if (isMissing(v)) return undefined;
    key += `${i === 0 ? "" : "\u001f"}${fold(toKey(v))}`;
  }
  return key;
}

function sourceName(o: ReferenceOptions): string {
  const s = o.in.source;
  return s === undefined ? "the reference records" : typeof s === "string" ? s : s.path;
}

function compileReference(o: ReferenceOptions, target: RuleTarget) {
  const own = o.field === undefined ? (target.field === undefined ? undefined : [target.field]) : typeof o.field === "string" ? [o.field] : o.field;
  if (own === undefined) throw new RuleOptionError("a reference needs field: the field of this dataset to look up", ["field"]);
  const other = typeof o.in.field === "string" ? [o.in.field] : o.in.field;
  if (other.length !== own.length) throw new RuleOptionError(`field lists differ in length: ${own.length} here, ${other.length} in the other source`, ["in", "field"]);
  if (o.in.source === undefined && o.in.records === undefined) throw new RuleOptionError("in: needs a source (a file) or, from TypeScript, records", ["in"]);
  const fold = o.ignore_case ? (s: string) => s.toLowerCase() : (s: string) => s;
  const ownReaders = own.map(fieldReader);
  const otherReaders = other.map(fieldReader);
  const name = sourceName(o);
  let table: KeyTable | undefined;
  return {
    kind: "record" as const,
    async prepare() {
      let input: Iterable<DataRecord> | AsyncIterable<DataRecord> | RecordSource;
      if (o.in.records !== undefined) input = o.in.records;
      else {
        if (!target.openSource) {
          throw new ConfigError(`The reference to ${name} needs a way to open that file: run it through the CLI, pass openSource in the step context, or give in.records from TypeScript.`, {
            code: "CLEANSE_NO_SOURCE_OPENER",
            ...(target.location ? { location: target.location } : {}),
          });
        }
        input = target.openSource(resolveSourceSpec(o.in.source!, target.baseDir));
      }
      const t = o.exact ? createExactKeyTable() : createHashedKeyTable(false, 1024);
      for await (const record of recordsOf(input)) {
        const key = keyOf(record, otherReaders, fold);
        if (key !== undefined) t.put(key, 0);
      }
      table = t;
    },
    check(record: DataRecord) {
      const key = keyOf(record, ownReaders, fold);
      if (key === undefined) return undefined;
      if (table === undefined) {
        throw new CleanseError(`The reference to ${name} has not loaded its keys yet: await prepare() on the compiled rule set before checking records (createRulesStep does it when the run starts).`, {
          code: "CLEANSE_NOT_PREPARED",
          ...(target.location ? { location: target.location } : {}),
        });
      }
      if (table.get(key) !== -1) return undefined;
      const value = own.length === 1 ? ownReaders[0]!(record) : ownReaders.map((read) => read(record));
      return {
        message: `${own.join(", ")} ${show(value)} not found in ${name} (${other.join(", ")})`,
        ...(own.length === 1 ? { field: own[0]! } : {}),
        value,
      };
    },
    /** Keys loaded and bytes held, for the report. */
    stats: () => ({ keys: table?.size ?? 0, bytes: table?.bytes() ?? 0 }),
  };
}

const reference = builtin({
  name: "reference",
  description:
    "Referential integrity: each present value (or combination of fields) must exist as a key in another dataset, e.g. every order's customer_id among the customers' ids. The keys are streamed once from the other source into a compact set of 64-bit hashes (8 bytes per slot; false match chance n/2^64 per lookup); `exact: true` keeps the strings. Usually written in the `references:` list.",
  scopes: ["field", "record"],
  code: "reference_missing",
  dimension: "integrity",
  options: referenceOptions,
  examples: ["references:\n  - field: customer_id\n    in: { source: customers.csv, field: id }"],
  compile: compileReference,
});

export const referenceRules: readonly RuleDefinition[] = [reference];
