import { describe, expect, test } from "vitest";
import type { ComparisonConfig } from "../config/dedupeConfigSchema.ts";
import { createComparison } from "./createComparison.ts";
import { buildVocabulary } from "./vocabulary.ts";

function levelOf(config: ComparisonConfig, a: unknown, b: unknown): string {
  const c = createComparison(config);
  return c.levels[c.compare({ v: a }, { v: b })]!.label;
}

describe("createComparison", () => {
  test.each<[ComparisonConfig, unknown, unknown, string]>([
    [{ field: "v", type: "exact" }, "Smith", " smith ", "exact"],
    [{ field: "v", type: "exact" }, "Smith", "Smyth", "else"],
    [{ field: "v", type: "exact" }, "Smith", null, "null"],
    [{ field: "v", type: "exact" }, "", "Smith", "null"],
    [{ field: "v", type: "jaroWinkler" }, "Jonathan", "Jonathon", "jaro-winkler >= 0.92"],
    [{ field: "v", type: "jaroWinkler" }, "Jon", "John", "jaro-winkler >= 0.92"],
    [{ field: "v", type: "jaroWinkler" }, "Dwayne", "Duane", "jaro-winkler >= 0.8"],
    [{ field: "v", type: "jaroWinkler" }, "Smith", "Jones", "else"],
    [{ field: "v", type: "levenshtein" }, "smith", "smyth", "levenshtein similarity >= 0.8"],
    [{ field: "v", type: "levenshtein", distances: [1, 2] }, "kitten", "sitten", "levenshtein <= 1"],
    [{ field: "v", type: "levenshtein", distances: [1, 2] }, "kitten", "sittin", "levenshtein <= 2"],
    [{ field: "v", type: "levenshtein", distances: [1, 2] }, "kitten", "sitting", "else"],
    [{ field: "v", type: "damerauLevenshtein", distances: [1] }, "2635962", "7635969", "else"],
    [{ field: "v", type: "damerauLevenshtein", distances: [1] }, "2635962", "2635692", "damerau-levenshtein <= 1"],
    [{ field: "v", type: "damerauLevenshtein" }, "jhon", "john", "damerau-levenshtein similarity >= 0.6"],
    [{ field: "v", type: "jaccard" }, "jonathan", "jonathon", "2-gram jaccard >= 0.5"],
    [{ field: "v", type: "jaccard", q: 3 }, "data quality", "data quality", "exact"],
    [{ field: "v", type: "tokenSet" }, "Smith, John", "John Smith", "exact"],
    [{ field: "v", type: "tokenSet" }, "John A Smith", "John Smith", "token set >= 0.7"],
    [{ field: "v", type: "numeric", thresholds: [1, 5] }, "100", 100.5, "within 1"],
    [{ field: "v", type: "numeric", thresholds: [1, 5] }, "100", "104", "within 5"],
    // "1,000" alone may be one thousand or one point zero: the value kernel refuses it, so it is no evidence.
    [{ field: "v", type: "numeric", thresholds: [1, 5] }, "100", "1,000", "null"],
    [{ field: "v", type: "numeric", thresholds: [1, 5] }, "1995,", "1996.", "within 1"],
    [{ field: "v", type: "numeric", relative: true, thresholds: [0.1] }, 100, 95, "within 10%"],
    [{ field: "v", type: "numeric" }, "n/a", 5, "null"],
    [{ field: "v", type: "numeric" }, "￥1,000", "1000", "exact"],
    [{ field: "v", type: "numeric" }, "1.234,5", "1234.50", "exact"],
    [{ field: "v", type: "numeric", thresholds: [0.1] }, "1.1", "1.0", "within 0.1"],
    [{ field: "v", type: "numeric", relative: true, thresholds: [0.1] }, "1.1", "1.0", "within 10%"],
    [{ field: "v", type: "numeric", thresholds: [0.01] }, "1.005", "1.015", "within 0.01"],
    [{ field: "v", type: "date" }, "1971-06-24", "24/06/1971", "exact"],
    [{ field: "v", type: "date" }, "1971-06-04", "1971-04-06", "day and month swapped"],
    [{ field: "v", type: "date" }, "1971-06-24", "1971-06-27", "one digit typo"],
    [{ field: "v", type: "date" }, "1971-06-24", "1971-07-10", "within 31 days"],
    [{ field: "v", type: "date", thresholds: [1, 31] }, "1971-06-30", "1971-07-01", "within 1 day"],
    [{ field: "v", type: "date" }, "1971-06-24", "1972-03-01", "within 366 days"],
    [{ field: "v", type: "date" }, "1971-06-24", "1990-01-01", "else"],
    [{ field: "v", type: "date" }, "unknown", "1990-01-01", "null"],
    [{ field: "v", type: "date" }, "dec 7, 1958", "dec 7, 1958", "exact"],
    [{ field: "v", type: "date" }, "1958-12-07", "dec 7, 1958", "exact"],
    [{ field: "v", type: "date" }, "1958年12月7日", "7 December 1958", "exact"],
    [{ field: "v", type: "date" }, "1. März 2023", "2023-03-01", "exact"],
    [{ field: "v", type: "date" }, "2023-01-31T23:30:00-05:00", "2023-01-31", "exact"],
    // Impossible and ambiguous dates are refused by the value kernel: no evidence, never a guess.
    [{ field: "v", type: "date" }, "19710624", "19710642", "null"],
    [{ field: "v", type: "date" }, "2023-02-30", "2023-02-30", "null"],
    [{ field: "v", type: "date" }, "01/02/2023", "01/02/2023", "null"],
    [{ field: "v", type: "date" }, "01/02/2023", "2023-02-01", "null"],
    [{ field: "v", type: "date", order: "dmy" }, "01/02/2023", "2023-02-01", "exact"],
    [{ field: "v", type: "date", order: "mdy" }, "01/02/2023", "2023-01-02", "exact"],
    [{ field: "v", type: "date", order: "mdy" }, "01/02/2023", "2023-02-01", "day and month swapped"],
    [{ field: "v", type: "phone" }, "0412 345 678", "(04) 1234-5678", "exact"],
    [{ field: "v", type: "phone" }, "+61 412 345 678", "0412 345 678", "same last 8+ digits"],
    [{ field: "v", type: "phone" }, "0412 345 678", "0412 345 687", "one digit typo"],
    [{ field: "v", type: "phone" }, "0412 345 678", "0398 765 432", "else"],
    [{ field: "v", type: "phone", region: "AU" }, "+61 412 345 678", "0412 345 678", "exact"],
    [{ field: "v", type: "phone", region: "CN" }, "(+86) 138-1234-5678", "13812345678", "exact"],
    [{ field: "v", type: "phone", region: "CN" }, "13812345678", "13812345687", "one digit typo"],
    [{ field: "v", type: "phone", region: "CN" }, "(415) 415-1627", "4154151627", "null"],
    [{ field: "v", type: "email" }, "Anna.Lee@Example.com", "anna.lee@example.com", "exact"],
    [{ field: "v", type: "email" }, "mailto:anna.lee@EXAMPLE.com", "anna.lee@example.com", "exact"],
    [{ field: "v", type: "email" }, "anna.lee@example.com", "anna.lee@work.org", "same local part"],
    [{ field: "v", type: "email" }, "anna.lee@example.com", "anna.le@example.com", "jaro-winkler >= 0.88"],
    [{ field: "v", type: "email" }, "anna.lee@example.com", "bob@other.net", "else"],
    [{ field: "v", type: "email" }, "m************m", "m************m", "null"],
    [{ field: "v", type: "tfidf" }, "Sony KDL-46V5100 LCD", "lcd sony kdl 46v5100", "exact"],
    [{ field: "v", type: "tfidf" }, "SanDisk Ultra 64 GB", "sandisk ultra 64gb", "exact"],
    [{ field: "v", type: "tfidf" }, "SanDisk Ultra 64GB", "SanDisk Ultra 128GB", "tf-idf cosine >= 0.6"],
    [{ field: "v", type: "tfidf" }, "SanDisk Ultra 64GB", "Kingston DataTraveler", "else"],
    [{ field: "v", type: "tfidf" }, "---", "sandisk", "null"],
    [{ field: "v", type: "tfidf", soft: true }, "sandisk ultra", "sandisk ultr", "soft tf-idf >= 0.8"],
    [{ field: "v", type: "codes" }, "Sony KDL-46V5100 46in", "sony kdl46v5100", "same rare code"],
    [{ field: "v", type: "codes" }, "Sony KDL-46V5100", "Sony KDL-40V5100", "else"],
    [{ field: "v", type: "codes" }, "Sony KDL 46V5100", "Sony KDL-46V5100", "same rare code"],
    // Two colours of one series share the part before the slash, but are two products.
    [{ field: "v", type: "codes" }, "Sony VAIO VGN-NW280F/L", "Sony VAIO VGN-NW280F/S", "else"],
    [{ field: "v", type: "codes" }, "Sony KDL-46V5100", "Sony Bravia 46 inch", "null"],
    [{ field: "v", type: "tokenSet", normalize: "orgName" }, "ACME Holdings Co., Ltd.", "Acme Holdings Limited", "exact"],
    [{ field: "v", type: "exact", normalize: "orgName" }, "华为技术有限公司", "华为技术", "exact"],
    [{ field: "v", type: "exact", normalize: "orgName" }, "Limited", "limited", "exact"],
    [{ field: "v", type: "quantities" }, "SanDisk Ultra 64 GB", "sandisk ultra 64gb microSD", "same quantities"],
    [{ field: "v", type: "quantities" }, "SanDisk Ultra 64GB 100MB/s", "SanDisk Ultra 64GB 80 MB/s", "some quantities differ"],
    [{ field: "v", type: "quantities" }, "SanDisk Ultra 64GB", "SanDisk Ultra 128GB", "else"],
    [{ field: "v", type: "quantities" }, 'Dell 15.6" 8GB', "Dell 15.6 inch 8 GB RAM", "same quantities"],
    [{ field: "v", type: "quantities" }, "SanDisk Ultra 64GB", 'SanDisk 14"', "null"],
    [{ field: "v", type: "quantities" }, "SanDisk Ultra", "SanDisk Ultra 64GB", "null"],
    [{ field: "v", type: "quantities" }, "Anker PowerCore 10,000 mAh", "Anker PowerCore 10000mAh", "null"],
    [{ field: "v", type: "quantities" }, "WD Elements 1,000 GB", "WD Elements 1 GB", "null"],
  ])("%o: %s vs %s -> %s", (config, a, b, expected) => {
    expect(levelOf(config, a, b)).toBe(expected);
  });

  test("orders levels null, exact, thresholds from close to far, else", () => {
    const c = createComparison({ field: "name", type: "jaroWinkler", thresholds: [0.8, 0.95] });
    expect(c.levels.map((l) => [l.label, l.kind])).toEqual([
      ["null", "null"],
      ["exact", "exact"],
      ["jaro-winkler >= 0.95", "close"],
      ["jaro-winkler >= 0.8", "close"],
      ["else", "else"],
    ]);
  });

  test("joins several fields with a space", () => {
    const c = createComparison({ field: ["first", "last"], type: "tokenSet" });
    expect(c.name).toBe("first+last");
    expect(c.textOf({ first: "Ann", last: "Lee" })).toBe("ann lee");
    expect(c.levels[c.compare({ first: "Ann", last: "Lee" }, { first: "Lee", last: "Ann" })]!.kind).toBe("exact");
  });

  test("compares Chinese names through pinyin when asked", () => {
    const c = createComparison({ field: "name", type: "exact", normalize: "pinyin" });
    expect(c.textOf({ name: "王小明" })).toBe("wang xiao ming");
    expect(c.levels[c.compare({ name: "王小明" }, { name: "汪小明" })]!.label).toBe("exact");
  });

  test("weighs tf-idf words and model codes by the vocabulary it is given", () => {
    const titles = ["dell latitude e6400 core2 p8400", "dell latitude e6410 core2 p8400", "hp elitebook 8440p core2 p8400", "lenovo t61 core2 p8400", "lenovo x200 core2 p8400", "dell latitude e6400 core2"];
    const config: ComparisonConfig = { field: "v", type: "codes" };
    const probe = createComparison(config);
    const vocabulary = buildVocabulary(titles, probe.vocabularyTokens!);
    const codes = createComparison(config, { vocabulary });
    const level = (a: string, b: string) => codes.levels[codes.compare({ v: a }, { v: b })]!.label;
    expect(level(titles[0]!, titles[5]!)).toBe("same rare code");
    // p8400, a processor, is held by five of six titles: agreeing on it says little.
    expect(level(titles[1]!, titles[2]!)).toBe("same common code");
    const words = createComparison({ field: "v", type: "tfidf" }, { vocabulary: buildVocabulary(titles, createComparison({ field: "v", type: "tfidf" }).vocabularyTokens!) });
    const cosine = (a: string, b: string) => words.levels[words.compare({ v: a }, { v: b })]!.index;
    expect(cosine(titles[0]!, titles[5]!)).toBeLessThan(cosine(titles[3]!, titles[4]!));
  });

  test("reads the fields together in their text form, as a run does", () => {
    const c = createComparison({ field: ["name", "form"], type: "exact", normalize: "orgName" });
    expect(c.textOf({ name: "Acme", form: "Ltd" })).toBe("acme");
    expect(c.levels[c.compare({ name: "Acme", form: "Ltd" }, { name: "ACME Limited", form: "" })]!.label).toBe("exact");
  });

  test("treats configured null values as missing", () => {
    const c = createComparison({ field: "v", type: "exact" }, { nullValues: ["unknown"] });
    expect(c.compare({ v: "Unknown" }, { v: "unknown" })).toBe(0);
  });
});
