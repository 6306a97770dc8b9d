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

describe("buildGoldenRecords with invalid values", () => {
  // Record 2 is the most recent, the most complete and the longest, and "2023-02-30" is the most frequent value,
  // but those values failed standardization.
  const members: DataRecord[] = [
    { id: "1", signup_date: "2023-03-01", updated: "2020-01-01" },
    { id: "2", signup_date: "2023-02-30 10:00", updated: "2023-05-01", phone: "13812345678" },
    { id: "3", signup_date: "2023-02-30", updated: "2021-07-15" },
    { id: "4", signup_date: "2023-02-30", updated: "2019-01-01" },
  ];
  const cluster4 = [{ cluster_id: "1", members: ["1", "2", "3", "4"] }];
  const invalidFields = { "2": ["signup_date"], "3": ["signup_date"], "4": ["signup_date"] };

  test.each(["mostRecent", "mostFrequent", "mostComplete", "longest"] as const)("%s never chooses an invalid value over a valid one", (rule) => {
    const [golden] = buildGoldenRecords(members, cluster4, { fields: { signup_date: rule }, recencyField: "updated", invalidFields });
    expect(golden!.record.signup_date).toBe("2023-03-01");
    expect(golden!.lineage.signup_date).toEqual({ id: "1", rule });
  });

  test("chooses by the rule among invalid values when no member has a valid one, and marks the lineage", () => {
    const [golden] = buildGoldenRecords(members.slice(1), [{ cluster_id: "2", members: ["2", "3"] }], {
      fields: { signup_date: "mostRecent" },
      recencyField: "updated",
      invalidFields,
    });
    expect(golden!.record.signup_date).toBe("2023-02-30 10:00");
    expect(golden!.lineage.signup_date).toEqual({ id: "2", rule: "mostRecent", invalid: true });
    expect(golden!.lineage.updated).toEqual({ id: "2", rule: "mostComplete" });
  });

  test("takes a record whose recency value is invalid as the least recent", () => {
    const [golden] = buildGoldenRecords(members, cluster4, { default: "mostRecent", recencyField: "updated", invalidFields: { "2": ["updated"] } });
    expect(golden!.lineage.signup_date).toEqual({ id: "3", rule: "mostRecent" });
    expect(golden!.lineage.updated).toEqual({ id: "3", rule: "mostRecent" });
  });

  test("reads recency values in every form the value kernel reads", () => {
    const [golden] = buildGoldenRecords(
      [
        { id: "a", email: "old@example.com", updated: "2023-05-01" },
        { id: "b", email: "new@example.com", updated: "2023年12月7日" },
        { id: "c", email: "older@example.com", updated: "1 Jan 2021" },
        { id: "d", email: "never@example.com", updated: "2023-02-30" },
      ],
      [{ cluster_id: "a", members: ["a", "b", "c", "d"] }],
      { default: "mostRecent", recencyField: "updated" },
    );
    expect(golden!.lineage.email).toEqual({ id: "b", rule: "mostRecent" });
  });
});
