import { ConfigError } from "@cleanse/core";
import { describe, expect, test } from "vitest";
import { stringify } from "yaml";
import { dedupeConfigSchema } from "./dedupeConfigSchema.ts";
import { dedupeConfigJsonSchema, parseDedupeConfig } from "./parseDedupeConfig.ts";
import { resolveConfig } from "./resolveConfig.ts";

const yaml = `
idField: customer_id
threshold: 0.95
blocking:
  maxBlockSize: 500
  rules:
    - type: key
      on: [dob, { field: surname, transform: soundex }]
    - type: sortedNeighbourhood
      on: [surname, given_name]
      window: 4
    - type: lsh
      on: [given_name, surname]
comparisons:
  - { field: given_name, type: jaroWinkler, thresholds: [0.92, 0.8], termFrequency: true }
  - { field: [address_1, address_2], type: tokenSet }
  - { field: dob, type: date }
golden:
  default: mostComplete
  fields: { email: mostRecent }
  recencyField: updated_at
`;

describe("parseDedupeConfig", () => {
  test("reads YAML into a validated config", () => {
    const config = parseDedupeConfig(yaml);
    expect(config.idField).toBe("customer_id");
    expect(config.blocking.rules).toHaveLength(3);
    expect(parseDedupeConfig(stringify(config))).toEqual(config);
  });

  test("fills defaults and names rules and comparisons", () => {
    const r = resolveConfig(parseDedupeConfig(yaml));
    expect(r.rules.map((x) => x.name)).toEqual([
      "dob & soundex(surname)",
      "sorted(surname, given_name; window 4)",
      "lsh(given_name surname; q=3, 8x3)",
    ]);
    expect(r.comparisons.map((c) => c.name)).toEqual(["given_name", "address_1+address_2", "dob"]);
    expect(r.maxBlockSize).toBe(500);
    expect(r.em.fixU).toBe(false);
    expect(r.golden.default).toBe("mostComplete");
  });

  test("names every problem and the file", () => {
    let error: unknown;
    try {
      parseDedupeConfig({ blocking: { rules: [{ type: "key", on: [] }] }, comparisons: [{ field: "x", type: "fuzzy" }] }, { file: "job.yaml" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).code).toBe("CLEANSE_DEDUPE_BAD_CONFIG");
    expect((error as ConfigError).location).toEqual({ file: "job.yaml" });
    expect((error as ConfigError).message).toMatchInlineSnapshot(
      `"Invalid dedupe configuration: expected the documented shape, received 2 problems: blocking.rules.0.on: Too small: expected array to have >=1 items; comparisons.0.type: Invalid option: expected one of "exact"|"levenshtein"|"damerauLevenshtein"|"jaroWinkler"|"jaccard"|"tokenSet"|"tfidf"|"codes"|"quantities"|"numeric"|"date"|"phone"|"email""`,
    );
  });

  test("counts a single problem in the singular", () => {
    expect(() => parseDedupeConfig({ blocking: { rules: [{ type: "key", on: [] }] }, comparisons: [{ field: "x", type: "exact" }] })).toThrowErrorMatchingInlineSnapshot(
      `[ConfigError: Invalid dedupe configuration: expected the documented shape, received 1 problem: blocking.rules.0.on: Too small: expected array to have >=1 items]`,
    );
  });

  test("rejects unknown keys and broken YAML", () => {
    expect(() => parseDedupeConfig({ blocking: { rules: [{ type: "key", on: ["a"] }] }, comparisons: [{ field: "a", type: "exact" }], extra: 1 })).toThrow(/Unrecognized key/);
    expect(() => parseDedupeConfig("blocking: [")).toThrow(/Cannot read the dedupe configuration/);
  });
});

describe("dedupeConfigSchema", () => {
  test("is exported for validation and as JSON Schema", () => {
    expect(dedupeConfigSchema.safeParse({ blocking: { rules: [{ type: "key", on: ["dob"] }] }, comparisons: [{ field: "n", type: "exact" }] }).success).toBe(true);
    const schema = dedupeConfigJsonSchema();
    expect(schema.type).toBe("object");
    expect(Object.keys(schema.properties as object)).toContain("comparisons");
  });
});

describe("clustering.method", () => {
  const base = { blocking: { rules: [{ type: "key", on: ["dob"] }] }, comparisons: [{ field: "n", type: "exact" }] };

  test("defaults to connected and keeps the chosen method", () => {
    expect(resolveConfig(parseDedupeConfig(base)).clusteringMethod).toBe("connected");
    const config = parseDedupeConfig({ ...base, clustering: { method: "agglomerative", chaining: "split" } });
    expect(resolveConfig(config)).toMatchObject({ clusteringMethod: "agglomerative", chaining: "split" });
  });

  test("rejects an unknown method and lists the methods in the JSON Schema", () => {
    expect(() => parseDedupeConfig({ ...base, clustering: { method: "star" } })).toThrow(
      /clustering\.method: Invalid option: expected one of "connected"\|"center"\|"mergeCenter"\|"agglomerative"/,
    );
    const clustering = (dedupeConfigJsonSchema().properties as Record<string, { properties: Record<string, { enum?: string[] }> }>).clustering!;
    expect(clustering.properties.method!.enum).toEqual(["connected", "center", "mergeCenter", "agglomerative"]);
  });
});
