import { displayWidth } from "@cleanse/core";
import { describe, expect, test } from "vitest";
import { profileRecords } from "../profileRecords/profileRecords.ts";
import { formatProfile } from "./formatProfile.ts";

const records = [
  { id: "C1", name: "王伟", phone: "13812345678", amount: 10 },
  { id: "C2", name: "Alice Smith", phone: "", amount: 250.5 },
  { id: "C3", name: "李娜", phone: "13987654321", amount: 99 },
];

/** The display columns each cell of a table row spans, cells being separated by two or more spaces. */
function cellSpans(line: string): { start: number; end: number }[] {
  return [...line.matchAll(/\S+(?: \S+)*/g)].map((m) => {
    const start = displayWidth(line.slice(0, m.index));
    return { start, end: start + displayWidth(m[0]) };
  });
}

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
    expect(unknown).toContain("  ambiguous  1 date fits day-first and month-first (such as 03/04/2024); no order known, so it is left out of min, max and histogram");
    const two = formatProfile(await profileRecords([{ d: "2024-01-05" }, { d: "03/04/2024" }, { d: "05/06/2024" }]));
    expect(two).toContain("  ambiguous  2 dates fit day-first and month-first (such as 03/04/2024); no order known, so they are left out of min, max and histogram");
  });

  test("says record and column for one, records and columns for more", async () => {
    const one = await profileRecords([{ id: "C1" }], { name: "people" });
    expect(formatProfile(one).split("\n")[0]).toBe("people: 1 record, 1 column");
    expect(formatProfile(one, { format: "markdown" })).toContain("1 record, 1 column; candidate keys: id.");
    const many = await profileRecords(Array.from({ length: 1200 }, (_, i) => ({ id: i, name: `n${i}` })), { name: "people" });
    expect(formatProfile(many).split("\n")[0]).toBe("people: 1,200 records, 2 columns");
  });

  test("lines up the columns of the summary table by display width with Chinese, Japanese and Korean text", async () => {
    const cjk = [
      { 编号: "C1", 手机号: "13812345678", 姓名: "王伟", カタカナ: "アイウエオ", 한국어: "김민준" },
      { 编号: "C2", 手机号: "13987654321", 姓名: "Alice Smith", カタカナ: "abc", 한국어: "이서연 님" },
      { 编号: "C3", 手机号: "", 姓名: "李娜", カタカナ: "カ", 한국어: "kim" },
    ];
    const text = formatProfile(await profileRecords(cjk, { name: "客户", phoneRegion: "CN" }));
    const lines = text.split("\n");
    const table = lines.slice(3, 10);
    expect(table.map((l) => l.split("  ")[0])).toEqual(["column", "--------", "编号", "手机号", "姓名", "カタカナ", "한국어"]);
    const spans = table.map(cellSpans);
    for (const row of spans) expect(row).toHaveLength(8);
    // column, type, min and max are left-aligned: every cell starts at the header's column; fit, null, empty and distinct end there.
    for (const i of [0, 1, 6, 7]) expect(new Set(spans.map((r) => r[i]!.start)).size).toBe(1);
    for (const i of [2, 3, 4, 5]) expect(new Set(spans.map((r) => r[i]!.end)).size).toBe(1);
    expect(table[2]).toBe("编号      string      100.0%  0.0%   0.0%         3  C1           C3");
    expect(table[6]).toBe("한국어    string      100.0%  0.0%   0.0%         3  kim          이서연 님");
  });

  test("cuts long values at a display width without splitting a wide character", async () => {
    const text = formatProfile(await profileRecords([{ 备注: "一二三四五六七八九十" }, { 备注: "カタカナカタカナ" }]), { maxValueLength: 8 });
    const row = text.split("\n").find((l) => l.startsWith("备注  "))!;
    // Eight columns: three wide characters and the ellipsis, as a fourth would end at column nine.
    expect(row.endsWith("  カタカ…  一二三…")).toBe(true);
  });
});
