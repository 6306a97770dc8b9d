import { ConfigError, plural } from "@cleanse/core";
import { z } from "zod";
import { dedupeConfigSchema } from "../config/dedupeConfigSchema.ts";
import type { DedupeModel } from "../scoring/DedupeModel.ts";

/**
 * Serializes a trained model to JSON text, to reuse it with {@link loadModel} on new data.
 * @param model - the model from dedupeRecords or linkRecords
 * @returns JSON text
 * @example
 * loadModel(saveModel(result.model)).lambda === result.model.lambda //=> true
 */
export function saveModel(model: DedupeModel): string {
  return JSON.stringify(model, null, 2);
}

const level = z.object({
  label: z.string(),
  kind: z.enum(["null", "exact", "close", "else"]),
  m: z.number().positive().max(1),
  u: z.number().positive().max(1),
});
const modelSchema = z.object({
  format: z.literal("cleanse-dedupe-model"),
  version: z.literal(1),
  mode: z.enum(["dedupe", "link"]),
  config: dedupeConfigSchema,
  lambda: z.number().gt(0).lt(1),
  populationLambda: z.number().min(0).max(1),
  comparisons: z.array(
    z.object({
      name: z.string(),
      fields: z.array(z.string()),
      type: z.string(),
      levels: z.array(level).min(2),
      termFrequency: z
        .object({ total: z.number().nonnegative(), sumSquares: z.number().nonnegative(), counts: z.record(z.string(), z.number()) })
        .exactOptional(),
      vocabulary: z.object({ docs: z.number().nonnegative(), counts: z.record(z.string(), z.number().positive()) }).exactOptional(),
    }),
  ),
  training: z.looseObject({ method: z.enum(["em", "labels", "fixed"]) }),
});

/**
 * Reads a model saved with {@link saveModel}, checking its shape. Throws a `ConfigError` with code
 * `CLEANSE_DEDUPE_BAD_MODEL` when the text is not such a model.
 * @param json - JSON text or an already parsed object
 * @returns the model
 * @example
 * loadModel(saveModel(model)).format //=> "cleanse-dedupe-model"
 */
export function loadModel(json: string | unknown): DedupeModel {
  let data: unknown = json;
  if (typeof json === "string") {
    try {
      data = JSON.parse(json);
    } catch (error) {
      throw new ConfigError(`Cannot read the dedupe model: expected JSON, received text that does not parse (${(error as Error).message}).`, {
        code: "CLEANSE_DEDUPE_BAD_MODEL",
        cause: error,
      });
    }
  }
  const result = modelSchema.safeParse(data);
  if (!result.success) {
    const problems = result.error.issues.slice(0, 5).map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`);
    throw new ConfigError(`Invalid dedupe model: expected a model written by saveModel, received ${problems.join("; ")}.`, {
      code: "CLEANSE_DEDUPE_BAD_MODEL",
      hint: "Train a model with dedupeRecords or linkRecords and save it with saveModel.",
    });
  }
  const model = result.data as unknown as DedupeModel;
  const compiledLevels = model.comparisons.length === model.config.comparisons.length;
  if (!compiledLevels) {
    throw new ConfigError(`Invalid dedupe model: it has ${plural(model.comparisons.length, "trained comparison")} but its config lists ${model.config.comparisons.length}.`, {
      code: "CLEANSE_DEDUPE_BAD_MODEL",
    });
  }
  return model;
}
