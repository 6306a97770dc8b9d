import { ConfigError, IoError, isCleanseError } from "@cleanse/core";
import pg from "pg";
import { maskConnectionString } from "../maskConnectionString/maskConnectionString.ts";

/** Where a PostgreSQL connection comes from: an environment variable holding a URL, or the PG* variables. */
export interface PostgresConnectionSpec {
  readonly url_env?: string | undefined;
}

/** A resolved connection: the driver config, a password-free description, and secrets to scrub. */
export interface ResolvedConnection {
  readonly config: pg.ClientConfig;
  /** For messages: `postgres://user:***@host:5432/db`. */
  readonly display: string;
  readonly secrets: readonly string[];
  /** Identifies the database: equal for two specifications that reach the same server, user and database. Holds the password; never show it. */
  readonly key: string;
}

type Env = Readonly<Record<string, string | undefined>>;

// Dates and times stay in PostgreSQL's text form, so no timezone is applied twice and values
// round-trip into text columns unchanged.
const DATE_OIDS = new Set([1082, 1083, 1114, 1184, 1266, 1182, 1115, 1185]);

/** Type parsers shared by the cursor and COPY readers, so both give the same values. */
export const typeParsers: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: "text" | "binary") => {
    if (DATE_OIDS.has(oid)) return (value: string) => value;
    return pg.types.getTypeParser(oid, format ?? "text");
  }) as pg.CustomTypesConfig["getTypeParser"],
};

/**
 * Resolves a connection from the environment: `url_env` names a variable holding a URL; without it,
 * the standard PGHOST, PGPORT, PGUSER, PGPASSWORD and PGDATABASE variables apply.
 */
export function resolveConnection(spec: PostgresConnectionSpec, env: Env = process.env): ResolvedConnection {
  if (spec.url_env !== undefined) {
    const url = env[spec.url_env];
    if (url === undefined || url.trim() === "") {
      throw new ConfigError(`The environment variable ${spec.url_env} is not set; it should hold a URL such as postgres://user:password@host:5432/database.`, {
        code: "CLEANSE_DB_MISSING_ENV",
        hint: `export ${spec.url_env}=postgres://... before running, or leave url_env out to use the PG* variables`,
      });
    }
    let secrets: string[] = [];
    try {
      const parsed = new URL(url);
      if (parsed.password) secrets = [parsed.password, decodeURIComponent(parsed.password)];
    } catch {
      throw new ConfigError(`The environment variable ${spec.url_env} does not hold a valid URL: ${maskConnectionString(url)}`, {
        code: "CLEANSE_DB_BAD_URL",
      });
    }
    return { config: { connectionString: url, types: typeParsers }, display: maskConnectionString(url), secrets, key: new URL(url).href };
  }
  const config: pg.ClientConfig = { types: typeParsers };
  if (env.PGHOST) config.host = env.PGHOST;
  if (env.PGPORT) config.port = Number(env.PGPORT);
  if (env.PGUSER) config.user = env.PGUSER;
  if (env.PGPASSWORD) config.password = env.PGPASSWORD;
  if (env.PGDATABASE) config.database = env.PGDATABASE;
  const display = `postgres://${config.user ?? ""}${config.password ? ":***" : ""}${config.user || config.password ? "@" : ""}${config.host ?? "localhost"}:${config.port ?? 5432}/${config.database ?? config.user ?? ""}`;
  const key = JSON.stringify([config.host ?? "", config.port ?? "", config.user ?? "", config.password ?? "", config.database ?? ""]);
  return { config, display, secrets: env.PGPASSWORD ? [env.PGPASSWORD] : [], key };
}

/** Removes passwords from a message. */
export function scrub(message: string, secrets: readonly string[]): string {
  let out = maskConnectionString(message);
  for (const s of secrets) if (s.length >= 3) out = out.replaceAll(s, "***");
  return out;
}

/**
 * Wraps a driver error in an IoError with the password removed and what to do next.
 * @param what - what was being done, e.g. `reading "customers"`
 */
export function dbError(error: unknown, what: string, conn: ResolvedConnection, code?: string): Error {
  if (isCleanseError(error)) return error;
  const e = error as Error & { code?: string; hint?: string; position?: string };
  const detail = scrub(e?.message ?? String(error), conn.secrets);
  const pgCode = typeof e?.code === "string" && /^[0-9A-Z]{5}$/.test(e.code) ? ` (SQLSTATE ${e.code})` : "";
  const hint = e?.hint ? scrub(e.hint, conn.secrets) : undefined;
  return new IoError(`PostgreSQL error while ${what} at ${conn.display}: ${detail}${pgCode}`, {
    code: code ?? (pgCode ? "CLEANSE_DB_QUERY" : "CLEANSE_DB_CONNECT"),
    ...(hint ? { hint } : {}),
  });
}

/** Opens a client with UTC/ISO session settings; the caller ends it. */
export async function connect(conn: ResolvedConnection, what: string): Promise<pg.Client> {
  const client = new pg.Client(conn.config);
  // A dropped connection emits "error"; the pending query rejects, so the event itself is only logged away.
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query("SET TIME ZONE 'UTC'; SET DateStyle = 'ISO, YMD'");
  } catch (error) {
    await client.end().catch(() => {});
    throw dbError(error, `connecting for ${what}`, conn, "CLEANSE_DB_CONNECT");
  }
  return client;
}
