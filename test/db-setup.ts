// Vitest globalSetup: starts one throwaway PostgreSQL cluster for every test file that needs one,
// shares its URL through provide/inject, and stops and deletes it after the run. Where PostgreSQL is
// not installed, it says loudly how to enable the database tests, which are then skipped.
import type { TestProject } from "vitest/node";
import { findPostgresBin, POSTGRES_SKIP_NOTICE, startPostgresCluster } from "../packages/db/src/_testing/postgresCluster.ts";
import type {} from "../packages/db/src/_testing/usePostgres.ts";

export default async function setup(project: TestProject): Promise<() => void> {
  if (!findPostgresBin()) {
    process.stderr.write(`\n${"!".repeat(78)}\n${POSTGRES_SKIP_NOTICE}\n${"!".repeat(78)}\n\n`);
    project.provide("cleansePostgresUrl", null);
    return () => {};
  }
  const cluster = await startPostgresCluster();
  project.provide("cleansePostgresUrl", cluster.url);
  return () => cluster.stop();
}
