import { describe, expect, test } from "vitest";
import { inferDateOrder } from "./inferDateOrder.ts";

describe("inferDateOrder", () => {
  test.each([
    [["01/02/2023", "25/12/2023", "13/01/2024"], "dmy", 1],
    [["01/02/2023", "12/25/2023", "01/13/2024"], "mdy", 1],
    [["01-01-2023", "31-01-2023"], "dmy", 1],
    [["2023-01-02", "2023/12/25"], "ymd", 1],
    [["2023年1月2日"], "ymd", 1],
    [["25/12/2023", "26/12/2023", "27/12/2023", "12/28/2023"], "dmy", 0.75],
    [["01/02/2023", "03/04/2023"], undefined, 0],
    [["Jan 1, 2023", "", null, 42], undefined, 0],
    [[], undefined, 0],
  ] as const)("%j -> %s (confidence %d)", (values, order, confidence) => {
    const result = inferDateOrder(values);
    expect(result.order).toBe(order);
    expect(result.confidence).toBe(confidence);
  });

  test("counts the evidence of each kind", () => {
    expect(inferDateOrder(["01/02/2023", "25/12/2023", "12/25/2023", "2023-01-01", "foo", 7, "05/05/2023"]).evidence).toEqual({
      dmy: 1,
      mdy: 1,
      ymd: 1,
      ambiguous: 1,
      other: 3,
    });
  });

  test("accepts any iterable, such as a generator", () => {
    function* column() {
      yield "31.01.2023";
      yield "01.02.2023";
    }
    expect(inferDateOrder(column()).order).toBe("dmy");
  });
});
