import { ConfigError } from "@cleanse/core";
import type { z } from "zod";

/** Validates a specification, turning schema problems into one ConfigError that lists them all. */
export function parseSpec<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => `${i.path.length > 0 ? i.path.join(".") : "(root)"}: ${i.message}`);
  throw new ConfigError(`Invalid ${what}: ${problems.join("; ")}`, { code: "CLEANSE_DB_BAD_SPEC" });
}

/** A short description of an unexpected specification, for messages. */
export function describeSpec(spec: unknown): string {
  if (typeof spec !== "object" || spec === null) return JSON.stringify(spec) ?? String(spec);
  const keys = Object.keys(spec);
  return keys.length === 0 ? "an empty mapping" : `a mapping with ${keys.map((k) => `"${k}"`).join(", ")}`;
}
