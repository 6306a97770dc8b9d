/** How keys are compared: exactly, ignoring case, or also ignoring accents, punctuation and extra spaces. */
export type MatchMode = "exact" | "case" | "loose";

const SILENT = /[.'’‘`´]/g;
const PUNCTUATION = /[\p{P}\p{S}\s]+/gu;
const MARKS = /\p{M}+/gu;

/**
 * Brings a name or code to the form it is looked up in: trimmed (`exact`), also NFKC and lower case with runs of
 * spaces collapsed (`case`), or also without accents, punctuation and a leading "the" (`loose`).
 * @param text - the key as written
 * @param mode - how strictly keys are compared
 * @returns the lookup form
 * @example
 * normalizeKey(" The Netherlands ", "loose") //=> "netherlands"
 */
export function normalizeKey(text: string, mode: MatchMode): string {
  if (mode === "exact") return text.trim();
  let s = text.normalize("NFKC").trim().toLowerCase();
  if (mode === "loose") {
    s = s.normalize("NFD").replace(MARKS, "").replace(SILENT, "").replace(PUNCTUATION, " ").trim().normalize("NFC");
    // "the netherlands" and "netherlands" are the same name
    if (s.startsWith("the ")) s = s.slice(4);
  } else {
    s = s.replace(/\s+/g, " ");
  }
  return s;
}
