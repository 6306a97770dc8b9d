import { z } from "zod";

/** Options of {@link toJsonSchema}. */
export interface ToJsonSchemaOptions {
  readonly title?: string;
  readonly id?: string;
  readonly description?: string;
}

/**
 * Generates a JSON Schema (draft 2020-12) from a configuration schema, for editors to autocomplete files.
 * @param schema - the zod schema
 * @param options - title, `$id` and description
 * @returns the JSON Schema as a plain object
 * @example
 * toJsonSchema(z.object({ source: z.string() }), { title: "Job" }).title //=> "Job"
 */
export function toJsonSchema(schema: z.ZodType, options: ToJsonSchemaOptions = {}): Record<string, unknown> {
  const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
  return {
    $schema: json.$schema,
    ...(options.id ? { $id: options.id } : {}),
    ...(options.title ? { title: options.title } : {}),
    ...(options.description ? { description: options.description } : {}),
    ...Object.fromEntries(Object.entries(json).filter(([k]) => k !== "$schema")),
  };
}
