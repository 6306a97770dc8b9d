import { normalizeKey } from "../normalizeKey/normalizeKey.ts";

/** An organisation's name without its legal form, and the legal form in one spelling. */
export interface OrganisationName {
  /** The name in lookup form (see `normalizeKey` "loose", `&` read as "and"), without legal forms. */
  readonly name: string;
  /** The legal forms removed, in one spelling each, in the order written (`co ltd`), or null when none. */
  readonly legalForm: string | null;
}

// Each legal form in one spelling, with the word sequences it is written as once dots and commas are gone.
const LATIN_FORMS: readonly (readonly [string, readonly string[]])[] = [
  ["inc", ["inc", "incorporated"]],
  ["corp", ["corp", "corporation"]],
  ["co", ["co", "company", "and co"]],
  ["llc", ["llc"]],
  ["llp", ["llp"]],
  ["lp", ["lp"]],
  ["ltd", ["ltd", "limited"]],
  ["pty ltd", ["pty ltd", "pty limited", "proprietary limited"]],
  ["pvt ltd", ["pvt ltd", "pvt limited", "private ltd", "private limited"]],
  ["pte ltd", ["pte ltd", "pte limited"]],
  ["sdn bhd", ["sdn bhd"]],
  ["se", ["se"]],
  ["sl", ["sl"]],
  ["ltda", ["ltda"]],
  ["sa de cv", ["sa de cv"]],
  ["sab de cv", ["sab de cv"]],
  ["sp z oo", ["sp z oo"]],
  ["plc", ["plc", "public limited company"]],
  ["gmbh", ["gmbh", "gesellschaft mit beschrankter haftung"]],
  ["gmbh co kg", ["gmbh and co kg"]],
  ["ag", ["ag", "aktiengesellschaft"]],
  ["kg", ["kg"]],
  ["nv", ["nv"]],
  ["bv", ["bv"]],
  ["sa", ["sa"]],
  ["sas", ["sas"]],
  ["sarl", ["sarl"]],
  ["spa", ["spa"]],
  ["srl", ["srl"]],
  ["oy", ["oy"]],
  ["ab", ["ab"]],
  ["as", ["a s"]],
  ["kk", ["kk", "kabushiki kaisha"]],
];
// Longest first, so that "pty ltd" wins over "ltd".
const LATIN: readonly (readonly [string, readonly string[]])[] = LATIN_FORMS.flatMap(([form, spellings]) =>
  spellings.map((s) => [form, s.split(" ")] as const),
).sort((a, b) => b[1].length - a[1].length);

// Chinese, Japanese and Korean legal forms, written without spaces before or after the name.
const CJK_SUFFIXES: readonly (readonly [string, string])[] = [
  ["股份有限公司", "股份有限公司"],
  ["有限责任公司", "有限责任公司"],
  ["有限責任公司", "有限责任公司"],
  ["有限公司", "有限公司"],
  ["株式会社", "株式会社"],
  ["有限会社", "有限会社"],
  ["合同会社", "合同会社"],
  ["주식회사", "주식회사"],
];
const CJK_PREFIXES: readonly (readonly [string, string])[] = [
  ["株式会社", "株式会社"],
  ["有限会社", "有限会社"],
  ["주식회사", "주식회사"],
  ["(주)", "주식회사"],
  ["㈜", "주식회사"],
];
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/**
 * Splits an organisation's name from its legal form, so that `ACME Inc.`, `Acme, Incorporated` and `acme` read
 * as one name: legal forms at the end (`Inc`, `Corp`, `Co., Ltd.`, `LLC`, `PLC`, `Pty Ltd`, `Pvt. Ltd.`, `Pte. Ltd.`,
 * `GmbH & Co. KG`, `AG`, `SE`, `N.V.`, `B.V.`, `S.A.`, `S.A. de C.V.`, `S.p.A.`, `S.L.`, `Sp. z o.o.`, `A/S`, ...), `有限公司`, `股份有限公司`, `有限责任公司` at the end, `株式会社` and
 * `주식회사` at either end. A legal form is kept when nothing else would be left (`Limited` alone).
 * @param text - the name as written
 * @returns the name in lookup form and the legal forms removed, or null for a name with no letters or digits
 * @example
 * parseOrganisationName("Siemens Aktiengesellschaft") //=> { name: "siemens", legalForm: "ag" }
 * parseOrganisationName("ACME Holdings Co., Ltd.") //=> { name: "acme holdings", legalForm: "co ltd" }
 * parseOrganisationName("华为技术有限公司") //=> { name: "华为技术", legalForm: "有限公司" }
 */
export function parseOrganisationName(text: string): OrganisationName | null {
  const loose = normalizeKey(text.replace(/&/g, " and "), "loose");
  if (loose === "") return null;
  if (CJK.test(loose)) return cjkName(text, loose);
  const words = loose.split(" ");
  const forms: string[] = [];
  for (;;) {
    const hit = LATIN.find(([, spelling]) => spelling.length < words.length && endsWith(words, spelling));
    if (hit === undefined) break;
    words.length -= hit[1].length;
    forms.unshift(hit[0]);
  }
  return { name: words.join(" "), legalForm: forms.length === 0 ? null : forms.join(" ") };
}

function endsWith(words: readonly string[], spelling: readonly string[]): boolean {
  const offset = words.length - spelling.length;
  return spelling.every((w, k) => words[offset + k] === w);
}

function cjkName(text: string, loose: string): OrganisationName {
  // "(주)" loses its brackets in the loose form: look for the prefixes in the written text too
  let rest = text.normalize("NFKC").trim();
  let compact = loose.replace(/ /g, "");
  const forms: string[] = [];
  for (const [prefix, form] of CJK_PREFIXES) {
    if (rest.startsWith(prefix) && rest.length > prefix.length) {
      rest = rest.slice(prefix.length);
      compact = normalizeKey(rest, "loose").replace(/ /g, "");
      forms.push(form);
      break;
    }
  }
  for (const [suffix, form] of CJK_SUFFIXES) {
    if (compact.endsWith(suffix) && compact.length > suffix.length) {
      compact = compact.slice(0, -suffix.length);
      forms.push(form);
      break;
    }
  }
  return { name: compact, legalForm: forms.length === 0 ? null : forms.join(" ") };
}
