import type { z } from "zod";

type AnyDef = {
  type?: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  element?: z.ZodType;
  valueType?: z.ZodType;
  options?: readonly z.ZodType[];
  getter?: () => z.ZodType;
  shape?: Record<string, z.ZodType>;
};

function defOf(schema: z.ZodType): AnyDef {
  return (schema as unknown as { _zod: { def: AnyDef } })._zod.def;
}

/** The schema itself without optional, default, pipe and similar wrappers. */
function bare(schema: z.ZodType): z.ZodType {
  const def = defOf(schema);
  switch (def.type) {
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "readonly":
    case "catch":
    case "nonoptional":
      return def.innerType ? bare(def.innerType) : schema;
    case "pipe":
      return def.in ? bare(def.in) : schema;
    case "lazy":
      return def.getter ? bare(def.getter()) : schema;
    default:
      return schema;
  }
}

/** The schemas a value may match: wrappers removed, each union kept and followed by its options, recursively. */
function forms(schema: z.ZodType): z.ZodType[] {
  const s = bare(schema);
  const def = defOf(s);
  return def.type === "union" ? [s, ...(def.options ?? []).flatMap(forms)] : [s];
}

function childrenAt(schemas: readonly z.ZodType[], path: readonly (string | number)[]): z.ZodType[] {
  let current = schemas.flatMap(forms);
  for (const seg of path) {
    const next: z.ZodType[] = [];
    for (const s of current) {
      const def = defOf(s);
      if (def.type === "object") {
        const child = Object.hasOwn(shapeOf(s), String(seg)) ? shapeOf(s)[String(seg)] : undefined;
        if (child) next.push(...forms(child));
      } else if (def.type === "array" && def.element) next.push(...forms(def.element));
      else if (def.type === "record" && def.valueType) next.push(...forms(def.valueType));
    }
    current = next;
  }
  return current;
}

function shapeOf(schema: z.ZodType): Record<string, z.ZodType> {
  return (schema as unknown as { shape: Record<string, z.ZodType> }).shape;
}

/**
 * Every form the value at `path` may take (unions expanded into their options), for known keys.
 * @param schema - the schema of the value at the start of `path`
 * @param path - keys and indexes below it
 */
export function schemaAt(schema: z.ZodType, path: readonly (string | number)[]): z.ZodType[] {
  return childrenAt([schema], path).filter((s) => defOf(s).type !== "union");
}

/**
 * The options of the union at `path` that has `count` options, in order, so that the issues zod reports
 * per option of an `invalid_union` can be matched with the option they came from.
 */
export function unionOptionsAt(schema: z.ZodType, path: readonly (string | number)[], count: number): readonly z.ZodType[] | undefined {
  for (const s of childrenAt([schema], path)) {
    const def = defOf(s);
    if (def.type === "union" && def.options?.length === count) return def.options;
  }
  return undefined;
}

/**
 * The keys that the object forms among `schemas` accept.
 * @param schemas - forms, as {@link schemaAt} returns them
 */
export function knownKeys(schemas: readonly z.ZodType[]): string[] {
  const keys = new Set<string>();
  for (const s of schemas) if (defOf(s).type === "object") for (const k of Object.keys(shapeOf(s))) keys.add(k);
  return [...keys];
}

/** The keys an option of a union accepts at its top, or undefined when it is not an object (or a union of objects). */
export function topKeys(schema: z.ZodType): readonly string[] | undefined {
  const objects = forms(schema).filter((s) => defOf(s).type === "object");
  return objects.length > 0 ? knownKeys(objects) : undefined;
}
