// A small JSON Schema checker for the subset the report schema uses ($ref to $defs, oneOf, type,
// properties, required, additionalProperties, items, enum, const, minimum, maximum). Test-only.
type Schema = Record<string, unknown>;

const typeOf = (v: unknown): string =>
  v === null ? "null" : Array.isArray(v) ? "array" : typeof v === "number" ? (Number.isInteger(v) ? "integer" : "number") : typeof v;

/** Returns the problems found, as `path: message`; empty when the value fits. */
export function validateJsonSchema(root: Schema, value: unknown): string[] {
  const errors: string[] = [];
  const resolve = (s: Schema): Schema => {
    const ref = s.$ref;
    if (typeof ref !== "string") return s;
    const name = ref.replace("#/$defs/", "");
    const def = (root.$defs as Record<string, Schema>)[name];
    if (!def) throw new Error(`unknown $ref ${ref}`);
    return def;
  };
  const check = (schema: Schema, v: unknown, path: string, out: string[]): void => {
    const s = resolve(schema);
    if (Array.isArray(s.oneOf)) {
      const fits = (s.oneOf as Schema[]).filter((alt) => {
        const e: string[] = [];
        check(alt, v, path, e);
        return e.length === 0;
      });
      if (fits.length !== 1) out.push(`${path}: fits ${fits.length} of the oneOf alternatives`);
      return;
    }
    if ("const" in s && v !== s.const) out.push(`${path}: expected ${JSON.stringify(s.const)}`);
    if (Array.isArray(s.enum) && !s.enum.includes(v)) out.push(`${path}: not one of ${JSON.stringify(s.enum)}`);
    const t = typeOf(v);
    if (typeof s.type === "string" && !(s.type === t || (s.type === "number" && t === "integer"))) {
      out.push(`${path}: expected ${s.type}, received ${t}`);
      return;
    }
    if (typeof v === "number") {
      if (typeof s.minimum === "number" && v < s.minimum) out.push(`${path}: below ${s.minimum}`);
      if (typeof s.maximum === "number" && v > s.maximum) out.push(`${path}: above ${s.maximum}`);
    }
    if (t === "array" && s.items) (v as unknown[]).forEach((item, i) => check(s.items as Schema, item, `${path}[${i}]`, out));
    if (t === "object") {
      const o = v as Record<string, unknown>;
      const props = (s.properties ?? {}) as Record<string, Schema>;
      for (const r of (s.required ?? []) as string[]) if (!(r in o)) out.push(`${path}: missing ${r}`);
      for (const [k, item] of Object.entries(o)) {
        if (props[k]) check(props[k], item, `${path}.${k}`, out);
        else if (s.additionalProperties === false) out.push(`${path}: unexpected key ${k}`);
        else if (typeof s.additionalProperties === "object") check(s.additionalProperties as Schema, item, `${path}.${k}`, out);
      }
    }
  };
  check(root, value, "$", errors);
  return errors;
}
