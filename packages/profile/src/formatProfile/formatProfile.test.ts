import { describe, expect, test } from "vitest";
import { profileRecords } from "../profileRecords/profileRecords.ts";
import { formatProfile } from "./formatProfile.ts";

const records = [
  { id: "C1", name: "王伟", phone: "13812345678", amount: 10 },
  { id: "C2", name: "Alice Smith", phone: "", amount: 250.5 },
  { id: "C3", name: "李娜", phone: "13987654321", amount: 99 },
];

// The phones are written without a country code: only the column's region makes them phone numbers.
describe("formatProfile", () => {
  test("renders a summary table and the details of each column as text", async () => {
    const text = formatProfile(await profileRecords(records, { name: "people", phoneRegion: "CN" }));
    const lines = text.split("\n");
    expect(lines.slice(0, 9)).toEqual([
      "people: 3 records, 4 columns",
      "candidate keys: id, name, amount",
      "",
      "column  type           fit  null  empty  distinct  min          max",
      "------  ----------  ------  ----  -----  --------  -----------  -----------",
      "id      string      100.0%  0.0%   0.0%         3  C1           C3",
      "name    string      100.0%  0.0%   0.0%         3  Alice Smith  王伟",
      "phone   phone (CN)  100.0%  0.0%  33.3%         2  13812345678  13987654321",
      "amount  number      100.0%  0.0%   0.0%         3  10           250.5",
    ]);
    expect(text).toContain("name (string)\n  distinct   3 of 3 present; all different\n  length     2..11, mean 5\n  patterns   C+ 66.7%, Aa+ Aa+ 33.3%");
  });

  test("renders Markdown tables", async () => {
    const md = formatProfile(await profileRecords(records, { name: "people", phoneRegion: "CN" }), { format: "markdown" });
    expect(md).toContain("# Profile: people");
    expect(md).toContain("| column | type | fit | null | empty | distinct | min | max |\n|---|---|---:|---:|---:|---:|---|---|");
    expect(md).toContain("| `phone` | phone (CN) | 100.0% | 0.0% | 33.3% | 2 | 13812345678 | 13987654321 |");
    expect(md).toContain("## amount\n\n| | number |\n|---|---|\n| distinct | 3 of 3 present; all different |");
  });

  test("says in which order ambiguous dates were read, or how many could not be read", async () => {
    const inferred = formatProfile(await profileRecords([{ d: "22/09/2022" }, { d: "03/04/2024" }]));
    expect(inferred).toContain("  order      day first (dmy)");
    const unknown = formatProfile(await profileRecords([{ d: "2024-01-05" }, { d: "03/04/2024" }]));
    expect(unknown).toContain("  ambiguous  1 dates fit day-first and month-first (such as 03/04/2024); no order known, so they are left out of min, max and histogram");
  });
});
