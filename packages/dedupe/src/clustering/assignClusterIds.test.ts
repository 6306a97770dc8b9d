import { describe, expect, test } from "vitest";
import { assignClusterIds, preferredClusterId } from "./assignClusterIds.ts";

describe("preferredClusterId", () => {
  test("prefers the smallest previous cluster id, else the smallest member id", () => {
    expect(preferredClusterId([0, 1], ["10", "9"])).toBe("9");
    expect(preferredClusterId([0, 1], ["10", "9"], [undefined, "C7"])).toBe("C7");
  });
});

describe("assignClusterIds", () => {
  test("names each cluster by its smallest member id", () => {
    expect(assignClusterIds([["1", "5"], ["2", "3"]], [[0, 1], [2, 3]])).toEqual(["1", "2"]);
  });

  test("gives a split old cluster's id to the part with most of its records", () => {
    const previous = ["A", "A", "A", undefined];
    expect(assignClusterIds([["1"], ["2", "3", "4"]], [[0], [1, 2, 3]], previous)).toEqual(["1", "A"]);
  });

  test("never gives two clusters the same id", () => {
    // The second cluster's own smallest id is the first cluster's previous id.
    const names = assignClusterIds([["1", "2"], ["7", "8"]], [[0, 1], [2, 3]], ["7", "7", undefined, undefined]);
    expect(names).toEqual(["7", "8"]);
  });
});
