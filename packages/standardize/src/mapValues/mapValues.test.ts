import fc from "fast-check";
import { describe, expect, test } from "vitest";
import type { StandardizeResult } from "../StandardizeResult/StandardizeResult.ts";
import { countryDictionary, genderDictionary } from "../builtInDictionaries/builtInDictionaries.ts";
import { mapValues, type MapValuesOptions, type ValueDictionary } from "./mapValues.ts";

const valueOf = (r: StandardizeResult<string, unknown>): string | null | undefined => (r.ok ? r.value : undefined);

describe("mapValues", () => {
  test.each([
    ["男", "M"],
    ["M", "M"],
    ["m", "M"],
    ["male", "M"],
    ["Male", "M"],
    ["MALE", "M"],
    [" male ", "M"],
    ["男性", "M"],
    ["女", "F"],
    ["F", "F"],
    ["Female", "F"],
    ["女士", "F"],
    ["未知", "U"],
    ["Ｍ", "M"],
  ])("gender %j -> %j", (input, expected) => {
    expect(mapValues(input, genderDictionary)).toMatchObject({ ok: true, value: expected, info: { mapped: true } });
  });

  test.each([
    ["China", "CN"],
    ["中国", "CN"],
    ["中國", "CN"],
    ["中华人民共和国", "CN"],
    ["PRC", "CN"],
    ["People's Republic of China", "CN"],
    ["cn", "CN"],
    ["United States", "US"],
    ["USA", "US"],
    ["U.S.A.", "US"],
    ["U.S.", "US"],
    ["united states of america", "US"],
    ["美国", "US"],
    ["美國", "US"],
    ["United Kingdom", "GB"],
    ["UK", "GB"],
    ["Great Britain", "GB"],
    ["英国", "GB"],
    ["Germany", "DE"],
    ["Deutschland", "DE"],
    ["德国", "DE"],
    ["Japan", "JP"],
    ["日本", "JP"],
    ["South Korea", "KR"],
    ["Korea, Republic of", "KR"],
    ["韩国", "KR"],
    ["North Korea", "KP"],
    ["朝鲜", "KP"],
    ["Hong Kong", "HK"],
    ["香港", "HK"],
    ["中国香港", "HK"],
    ["Macau", "MO"],
    ["澳门", "MO"],
    ["Taiwan", "TW"],
    ["台湾", "TW"],
    ["臺灣", "TW"],
    ["Russia", "RU"],
    ["Russian Federation", "RU"],
    ["Viet Nam", "VN"],
    ["Vietnam", "VN"],
    ["Côte d’Ivoire", "CI"],
    ["Cote d'Ivoire", "CI"],
    ["Ivory Coast", "CI"],
    ["Holland", "NL"],
    ["The Netherlands", "NL"],
    ["Netherlands", "NL"],
    ["Türkiye", "TR"],
    ["Turkey", "TR"],
    ["Czech Republic", "CZ"],
    ["Czechia", "CZ"],
    ["St. Lucia", "LC"],
    ["Saint Lucia", "LC"],
    ["Bosnia and Herzegovina", "BA"],
    ["Bosnia & Herzegovina", "BA"],
    ["Democratic Republic of the Congo", "CD"],
    ["刚果（金）", "CD"],
    ["Republic of the Congo", "CG"],
    ["新加坡", "SG"],
    ["Åland Islands", "AX"],
    ["Aland Islands", "AX"],
    ["São Tomé & Príncipe", "ST"],
  ])("country %j -> %j", (input, expected) => {
    expect(mapValues(input, countryDictionary)).toMatchObject({ ok: true, value: expected });
  });

  test("knows all 249 ISO 3166-1 alpha-2 codes without conflicts", () => {
    const codes = Object.keys(countryDictionary.entries);
    expect(codes).toHaveLength(249);
    for (const code of codes) expect(valueOf(mapValues(code.toLowerCase(), countryDictionary))).toBe(code);
  });

  test.each<[unknown, MapValuesOptions, string | null]>([
    ["Mars", {}, "Mars"],
    ["Mars", { unmapped: "keep" }, "Mars"],
    ["Mars", { unmapped: "null" }, null],
    ["", {}, null],
    [null, {}, null],
  ])("unknown or empty %j with %j -> %j", (input, options, expected) => {
    expect(mapValues(input, countryDictionary, options)).toMatchObject({ ok: true, value: expected });
  });

  test("reports unknown values when asked", () => {
    expect(mapValues("Mars", countryDictionary, { unmapped: "error" })).toEqual({
      ok: false,
      issue: { code: "unmapped_value", message: 'Value "Mars" is not in the dictionary "country"; add it as a variant of one of its values.', value: "Mars" },
    });
  });

  test("compares exactly, by case or loosely as asked", () => {
    expect(valueOf(mapValues("male", genderDictionary, { caseInsensitive: false }))).toBe("M");
    expect(valueOf(mapValues("Male", genderDictionary, { caseInsensitive: false }))).toBe("Male");
    expect(valueOf(mapValues("U.S.A.", countryDictionary, { loose: false }))).toBe("US");
    expect(valueOf(mapValues("u.s.a", countryDictionary, { loose: false }))).toBe("u.s.a");
    expect(valueOf(mapValues("u.s.a", countryDictionary))).toBe("US");
  });

  test("says whether the value changed", () => {
    expect(mapValues("M", genderDictionary)).toEqual({ ok: true, value: "M", changed: false, info: { mapped: true } });
    expect(mapValues("Mars", genderDictionary)).toEqual({ ok: true, value: "Mars", changed: false, info: { mapped: false } });
  });

  test("maps numbers by their text", () => {
    const codes: ValueDictionary = { name: "status", entries: { active: ["1", "yes"], inactive: ["0", "no"] } };
    expect(valueOf(mapValues(1, codes))).toBe("active");
    expect(valueOf(mapValues(0, codes))).toBe("inactive");
  });

  test("refuses a dictionary that maps one variant to two values", () => {
    const broken: ValueDictionary = { name: "broken", entries: { A: ["x"], B: ["X"] } };
    expect(() => mapValues("x", broken)).toThrow(expect.objectContaining({ code: "CLEANSE_DICTIONARY_CONFLICT" }));
    expect(valueOf(mapValues("x", broken, { caseInsensitive: false }))).toBe("A");
  });

  test("is idempotent: mapping a mapped value changes nothing (property)", () => {
    const variants = [genderDictionary, countryDictionary].flatMap((d) =>
      Object.entries(d.entries).flatMap(([canonical, names]) => [canonical, ...names].map((v) => [d, v] as const)),
    );
    const input = fc.tuple(
      fc.constantFrom(...variants),
      fc.constantFrom<(s: string) => string>((s) => s, (s) => s.toUpperCase(), (s) => s.toLowerCase(), (s) => `  ${s} `),
      fc.constantFrom<"keep" | "null">("keep", "null"),
    );
    fc.assert(
      fc.property(input, ([[dictionary, variant], change, unmapped]) => {
        const options = { unmapped };
        const once = mapValues(change(variant), dictionary, options);
        expect(once.ok).toBe(true);
        if (!once.ok || once.value === null) return;
        expect(mapValues(once.value, dictionary, options)).toMatchObject({ ok: true, value: once.value, changed: false });
      }),
      { numRuns: 1000 },
    );
  });

  test("is idempotent on canonical values", () => {
    for (const dictionary of [genderDictionary, countryDictionary]) {
      for (const canonical of Object.keys(dictionary.entries)) {
        expect(mapValues(canonical, dictionary)).toEqual({ ok: true, value: canonical, changed: false, info: { mapped: true } });
      }
    }
  });
});
