import { z } from "zod";
import type { StandardizeDateOptions } from "../standardizeDate/standardizeDate.ts";
import type { StandardizeDecimalOptions } from "../standardizeDecimal/standardizeDecimal.ts";
import type { StandardizeEmailOptions } from "../standardizeEmail/standardizeEmail.ts";
import type { MapValuesOptions } from "../mapValues/mapValues.ts";
import type { StandardizePhoneOptions } from "../standardizePhone/standardizePhone.ts";
import type { RepairMojibakeOptions } from "../repairMojibake/repairMojibake.ts";
import type { StandardizeTextOptions } from "../standardizeText/standardizeText.ts";

/** The standardizers a job can name. */
export type StandardizerKind = "date" | "phone" | "decimal" | "text" | "email" | "map" | "mojibake";

/** Date options in a job; `order: infer` decides the order from the first values of the column. */
export type DateStepOptions = Omit<StandardizeDateOptions, "order"> & { readonly order?: StandardizeDateOptions["order"] | "infer" };
/** Phone options in a job; `regionField` names the field of the record that holds each number's region (ISO code or country name). */
export type PhoneStepOptions = StandardizePhoneOptions & { readonly regionField?: string };
/** Map options in a job: a built-in dictionary name, a file (relative to the job) or an inline mapping. */
export type MapStepOptions = MapValuesOptions & { readonly dictionary: string | Readonly<Record<string, readonly string[] | string | null>> };

/** One standardizer of a field, as a job file writes it: a bare kind, or the kind with its options. */
export type StandardizerSpec =
  | StandardizerKind
  | { readonly date: DateStepOptions | null }
  | { readonly phone: PhoneStepOptions | null }
  | { readonly decimal: StandardizeDecimalOptions | null }
  | { readonly text: StandardizeTextOptions | null }
  | { readonly email: StandardizeEmailOptions | null }
  | { readonly map: MapStepOptions }
  | { readonly mojibake: RepairMojibakeOptions | null };

/** The configuration of a standardize step, as in a job file. */
export interface StandardizeStepConfig {
  /** Field name -> standardizer, or several applied in order. */
  readonly standardize: Readonly<Record<string, StandardizerSpec | readonly StandardizerSpec[]>>;
  /** `quarantine` (default): values that cannot be standardized are errors; `keep`: warnings. Values are never lost. */
  readonly on_error?: "quarantine" | "keep";
  /** Records buffered to infer a date order (`order: infer`). Default 1000. */
  readonly infer_rows?: number;
  /** Share of deciding values that must agree before an inferred order is used, 0-1. Default 0.9. */
  readonly infer_confidence?: number;
}

/** One standardizer after validation: its kind and options. */
export interface ParsedStandardizer {
  readonly kind: StandardizerKind;
  readonly options: Readonly<Record<string, unknown>>;
}

/** A validated step configuration. */
export interface ParsedStandardizeStep {
  readonly fields: readonly { readonly field: string; readonly chain: readonly ParsedStandardizer[] }[];
  readonly onError: "quarantine" | "keep";
  readonly inferRows: number;
  readonly inferConfidence: number;
}

const empty = z.enum(["null", "keep"]).optional();

const dateOptions = z.strictObject({
  order: z.enum(["dmy", "mdy", "ymd", "infer"]).optional(),
  output: z.string().min(1).optional(),
  formats: z.array(z.string().min(1)).optional(),
  minYear: z.int().optional(),
  maxYear: z.int().optional(),
  pivotYear: z.int().optional(),
  excelSerial: z.union([z.boolean(), z.enum(["1900", "1904"])]).optional(),
  epoch: z.enum(["seconds", "milliseconds"]).optional(),
  timezone: z.enum(["keep", "utc"]).optional(),
  defaultOffset: z.string().optional(),
  empty,
});
const phoneTypes = z.enum([
  "mobile", "fixed_line", "fixed_line_or_mobile", "toll_free", "premium_rate", "shared_cost", "voip", "personal_number", "pager", "uan", "voicemail",
]);
const phoneOptions = z.strictObject({
  region: z.string().length(2).optional(),
  format: z.enum(["E.164", "national", "international", "digits"]).optional(),
  types: z.array(phoneTypes).optional(),
  keepExtension: z.boolean().optional(),
  trunkPrefix: z.enum(["required", "optional"]).optional(),
  regionField: z.string().min(1).optional(),
  empty,
});
const decimalOptions = z.strictObject({
  scale: z.int().min(0).max(100).optional(),
  rounding: z.enum(["half-up", "half-even", "half-down", "up", "down", "ceil", "floor"]).optional(),
  locale: z.string().min(2).optional(),
  allowCurrency: z.union([z.boolean(), z.array(z.string().min(1))]).optional(),
  chinese: z.boolean().optional(),
  empty,
});
const textOptions = z.strictObject({
  trim: z.boolean().optional(),
  collapseWhitespace: z.boolean().optional(),
  nfkc: z.boolean().optional(),
  stripControl: z.boolean().optional(),
  case: z.enum(["lower", "upper", "title"]).optional(),
  punctuation: z.enum(["ascii", "cjk"]).optional(),
  empty,
});
const emailOptions = z.strictObject({
  lowercaseLocal: z.boolean().optional(),
  allowUnicodeLocal: z.boolean().optional(),
  empty,
});
const mapOptions = z.strictObject({
  dictionary: z.union([
    z.string().min(1),
    z.record(z.string(), z.union([z.array(z.union([z.string(), z.number(), z.boolean()])), z.string(), z.number(), z.null()])),
  ]),
  unmapped: z.enum(["keep", "null", "error"]).optional(),
  caseInsensitive: z.boolean().optional(),
  loose: z.boolean().optional(),
  empty,
});
const mojibakeOptions = z.strictObject({
  encodings: z.array(z.enum(["windows-1252", "gbk"])).optional(),
  maxPasses: z.int().min(1).max(10).optional(),
});

const KIND_OPTIONS = {
  date: dateOptions,
  phone: phoneOptions,
  decimal: decimalOptions,
  text: textOptions,
  email: emailOptions,
  map: mapOptions,
  mojibake: mojibakeOptions,
} as const;
const KINDS = Object.keys(KIND_OPTIONS) as StandardizerKind[];

const spec = z.union([
  z.enum(KINDS as [StandardizerKind, ...StandardizerKind[]]),
  ...KINDS.map((kind) => z.strictObject({ [kind]: kind === "map" ? KIND_OPTIONS[kind] : KIND_OPTIONS[kind].nullable() })),
]);

/**
 * zod schema of a standardize step (`standardize:` with its fields, `on_error`, `infer_rows`), as a job file
 * writes it; parsing yields the validated plan. Option names are those of the TypeScript options (`minYear`).
 * `z.toJSONSchema(standardizeStepSchema, { io: "input" })` gives the JSON Schema of the job file entry.
 * @example
 * standardizeStepSchema.parse({ standardize: { name: "text" } }).fields[0] //=> { field: "name", chain: [{ kind: "text", options: {} }] }
 */
export const standardizeStepSchema: z.ZodType<ParsedStandardizeStep, StandardizeStepConfig> = z
  .strictObject({
    standardize: z.record(z.string().min(1), z.union([spec, z.array(spec).min(1)])),
    on_error: z.enum(["quarantine", "keep"]).optional(),
    infer_rows: z.int().min(1).max(1_000_000).optional(),
    infer_confidence: z.number().min(0).max(1).optional(),
  })
  .transform((config): ParsedStandardizeStep => ({
    fields: Object.entries(config.standardize).map(([field, value]) => ({
      field,
      chain: (Array.isArray(value) ? value : [value]).map(toParsed),
    })),
    onError: config.on_error ?? "quarantine",
    inferRows: config.infer_rows ?? 1000,
    inferConfidence: config.infer_confidence ?? 0.9,
  })) as unknown as z.ZodType<ParsedStandardizeStep, StandardizeStepConfig>;

function toParsed(value: unknown): ParsedStandardizer {
  if (typeof value === "string") return { kind: value as StandardizerKind, options: {} };
  const [kind, options] = Object.entries(value as Record<string, unknown>)[0]!;
  return { kind: kind as StandardizerKind, options: (options ?? {}) as Record<string, unknown> };
}
