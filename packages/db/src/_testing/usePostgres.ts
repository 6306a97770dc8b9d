// Test-only: gives a test file a PostgreSQL server. Uses the cluster that test/db-setup.ts started
// (vitest globalSetup, shared through provide/inject); without it, starts one for this file.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, inject } from "vitest";
import { findPostgresBin, POSTGRES_SKIP_NOTICE, startPostgresCluster, type PostgresCluster } from "./postgresCluster.ts";

declare module "vitest" {
  interface ProvidedContext {
    /** Superuser URL of the shared test cluster; null when PostgreSQL is not installed. */
    cleansePostgresUrl: string | null;
  }
}

/** What a test file gets: whether PostgreSQL runs, and fresh databases on it. */
export interface TestPostgres {
  readonly available: boolean;
  /** Superuser URL of the cluster's `postgres` database. */
  url(): string;
  /** Creates an empty database and returns its URL. */
  createDatabase(): Promise<string>;
}

let noticeShown = false;

/**
 * Registers beforeAll/afterAll hooks that make a PostgreSQL server available to the calling test file.
 * Use `describe.runIf(pg.available)` around the tests that need it.
 */
export function usePostgres(): TestPostgres {
  const provided = safeInject();
  const available = provided === undefined ? findPostgresBin() !== undefined : provided !== null;
  if (!available && provided === undefined && !noticeShown) {
    noticeShown = true;
    process.stderr.write(`\n${"!".repeat(78)}\n${POSTGRES_SKIP_NOTICE}\n${"!".repeat(78)}\n\n`);
  }
  let own: PostgresCluster | undefined;
  let url: string | undefined = provided ?? undefined;
  if (available && url === undefined) {
    beforeAll(async () => {
      own = await startPostgresCluster();
      url = own.url;
    });
    afterAll(() => own?.stop());
  }
  return {
    available,
    url() {
      if (!url) throw new Error("PostgreSQL is not available");
      return url;
    },
    async createDatabase() {
      if (!url) throw new Error("PostgreSQL is not available");
      const name = `t_${randomBytes(6).toString("hex")}`;
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      const u = new URL(url);
      u.pathname = `/${name}`;
      return u.toString();
    },
  };
}

function safeInject(): string | null | undefined {
  try {
    return inject("cleansePostgresUrl");
  } catch {
    return undefined;
  }
}
