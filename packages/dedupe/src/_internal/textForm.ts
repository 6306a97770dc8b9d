import { parseOrganisationName } from "@cleanse/values";
import { toPinyinText } from "./pinyinText.ts";

/** How a text comparison reads normalized text beyond lower case and diacritics. */
export type TextForm = "text" | "pinyin" | "orgName" | "none";

/**
 * Normalized text in the form a comparison compares: `pinyin` spells Chinese characters in toneless pinyin;
 * `orgName` drops the legal form of an organisation's name (`ACME Holdings Co., Ltd.` is `acme holdings`, as
 * `parseOrganisationName` reads it; a name that is only a legal form stays as written); `text` and `none` leave it.
 */
export function toTextForm(form: TextForm, text: string): string {
  if (form === "pinyin") return toPinyinText(text);
  if (form === "orgName") {
    const org = parseOrganisationName(text);
    return org === null || org.name === "" ? text : org.name;
  }
  return text;
}
