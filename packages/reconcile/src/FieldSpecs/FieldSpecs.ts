import type { FieldStandardizer } from "../builtinStandardizers/builtinStandardizers.ts";

// How fields are standardized and compared, as plain data (job files) or as functions (TypeScript).

/** A standardizer by name with options: `"email"`, `{ phone: { region: "CN" } }`, `{ date: { order: "dmy" } }`. */
export type StandardizerSpec = string | Readonly<Record<string, Readonly<Record<string, unknown>> | null>>;

/** Finds a named standardizer outside this package; `undefined` falls back to the built-in ones. */
export type StandardizerResolver = (name: string, options: Readonly<Record<string, unknown>>) => FieldStandardizer | undefined;

/** Tells whether two standardized values are the same. */
export type FieldComparator = (left: unknown, right: unknown) => boolean;

/** A comparator by name: `exact`, `ignore_case`, `ignore`, `{ number: { tolerance } }`, `{ date: { tolerance_days } }`. */
export type ComparatorSpec =
  | "exact"
  | "ignore_case"
  | "ignore"
  | { readonly number: { readonly tolerance?: number; readonly relative?: number } | null }
  | { readonly date: { readonly tolerance_days?: number; readonly tolerance_seconds?: number } | null };
