import type { DataRecord } from "@cleanse/core";
import { describe, expect, test } from "vitest";
import { buildGoldenRecords } from "./buildGoldenRecords.ts";

const records: DataRecord[] = [
  { id: "1", name: "Jon Smith", email: "jon@old.com", phone: "", city: "Sydney", updated: "2020-01-01", source: "erp" },
  { id: "2", name: "Jonathan Smith", email: "jonathan@new.com", phone: "0412 345 678", city: "sydney", updated: "2023-05-01", source: "crm" },
  { id: "3", name: "J Smith", email: null, phone: "0412345678", city: "Sydney ", updated: "2021-07-15", source: "web" },
];
const cluster = [{ cluster_id: "1", members: ["1", "2", "3"] }];

describe("buildGoldenRecords", () => {
  test.each([
    ["mostRecent", "email", "jonathan@new.com", "2"],
    ["mostComplete", "email", "jonathan@new.com", "2"],
    ["longest", "name", "Jonathan Smith", "2"],
    ["mostFrequent", "city", "Sydney", "1"],
    ["sourcePriority", "email", "jon@old.com", "1"],
    ["sourcePriority", "phone", "0412345678", "3"],
  ] as const)("%s picks %s = %s from record %s", (rule, field, value, from) => {
    const [golden] = buildGoldenRecords(records, cluster, {
      fields: { [field]: rule },
      recencyField: "updated",
      sourceField: "source",
      sourcePriority: ["erp", "web", "crm"],
    });
    expect(golden!.record[field]).toBe(value);
    expect(golden!.lineage[field]).toEqual({ id: from, rule });
  });

  test("never lets an empty value win and keeps the cluster id as id", () => {
    const [golden] = buildGoldenRecords(records, cluster, { default: "mostRecent", recencyField: "updated" });
    expect(golden!.record.id).toBe("1");
    expect(golden!.record.phone).toBe("0412 345 678");
    expect(golden!.record.email).toBe("jonathan@new.com");
    expect(golden!.members).toEqual(["1", "2", "3"]);
    expect(Object.keys(golden!.lineage).sort()).toEqual(["city", "email", "name", "phone", "source", "updated"]);
  });

  test("gives null (without lineage) when no member has a value", () => {
    const [golden] = buildGoldenRecords([{ id: "a", x: "" }, { id: "b", x: null }], [{ cluster_id: "a", members: ["a", "b"] }]);
    expect(golden!.record.x).toBeNull();
    expect(golden!.lineage.x).toBeUndefined();
  });
});
