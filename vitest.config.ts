import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { conditions: ["@cleanse/source"] },
  ssr: { resolve: { conditions: ["@cleanse/source"], externalConditions: ["@cleanse/source"] } },
  test: {
    include: ["packages/*/src/**/*.test.ts", "test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    // One throwaway PostgreSQL cluster for the database tests (skipped, loudly, without PostgreSQL).
    globalSetup: ["./test/db-setup.ts"],
  },
});
