import type { DateOrder } from "../_internal/dateScanner.ts";
import { parseIsoDateTime } from "../isoDates/isoDates.ts";

// The date-fns pattern a date was written in, told from its text and its reading (a helper of classifyValue).

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const DAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];
const MAX_RUNS = 8;
const runStart = new Uint16Array(MAX_RUNS);
const runLen = new Uint8Array(MAX_RUNS);
const runValue = new Int32Array(MAX_RUNS);

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isLetter = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
const pad = (letter: string, len: number): string => (len === 1 ? letter : letter + letter);

/**
 * The pattern of a date the kernel read (`yyyy-MM-dd`, `dd/MM/yyyy`, `yyyy年M月d日`, `MMM d, yyyy`, `yyyyMMdd`,
 * `yyyy/MM/dd HH:mm`), `iso` for an ISO 8601 date-time, or undefined when the text says more than a pattern can
 * (offsets other than ISO, Chinese times, full-width digits) or when day and month are the same number and no
 * order tells which is which.
 * @param text - the trimmed text
 * @param canonical - its reading by parseDate (`yyyy-MM-dd...`)
 * @param hasTime - whether the reading has a time
 * @param order - the column's day/month order, if known
 */
export function dateFormatOf(text: string, canonical: string, hasTime: boolean, order: DateOrder | undefined): string | undefined {
  if (hasTime && !Number.isNaN(parseIsoDateTime(text))) return "iso";
  // The digit runs, and whether a month is written as a word.
  let runs = 0;
  let monthWord = false;
  let cjk = false;
  let meridiem = false;
  for (let i = 0; i < text.length; ) {
    const c = text.charCodeAt(i);
    if (isDigit(c)) {
      if (runs === MAX_RUNS) return undefined;
      const start = i;
      let v = 0;
      while (i < text.length && isDigit(text.charCodeAt(i))) v = v * 10 + (text.charCodeAt(i++) - 48);
      runStart[runs] = start;
      runLen[runs] = i - start;
      runValue[runs] = v;
      runs++;
    } else if (isLetter(c)) {
      const start = i;
      while (i < text.length && (isLetter(text.charCodeAt(i)) || text.charCodeAt(i) === 46)) i++;
      const word = text.slice(start, i).toLowerCase();
      if (MONTHS.includes(word) || MONTHS.some((m) => m.slice(0, 3) === word)) monthWord = true;
      else if (word === "am" || word === "pm") meridiem = true;
    } else {
      if (c === 0x5e74) cjk = true; // 年
      i++;
    }
  }
  if (runs === 0) return undefined;

  // Roles of the date's numbers: y, M or d, in the order written.
  const roles: string[] = [];
  const day = Number(canonical.slice(8, 10));
  const month = Number(canonical.slice(5, 7));
  let dateRuns: number;
  if (runLen[0] === 8 || runLen[0] === 14) {
    roles.push(runLen[0] === 8 ? "yyyyMMdd" : "yyyyMMddHHmmss");
    dateRuns = 1;
  } else if (cjk) {
    if (runs < 3) return undefined;
    roles.push(runLen[0] === 4 ? "yyyy" : "yy", pad("M", runLen[1]!), pad("d", runLen[2]!));
    dateRuns = 3;
  } else if (monthWord) {
    if (runs < 2) return undefined;
    const yearFirst = runLen[0] === 4;
    roles.push(yearFirst ? "yyyy" : pad("d", runLen[0]!), yearFirst ? pad("d", runLen[1]!) : runLen[1] === 4 ? "yyyy" : "yy");
    dateRuns = 2;
  } else {
    if (runs < 3) return undefined;
    if (runLen[0] === 4) roles.push("yyyy", pad("M", runLen[1]!), pad("d", runLen[2]!));
    else {
      const a = runValue[0]!, b = runValue[1]!;
      const dayFirst = a === b ? (order === "dmy" ? true : order === "mdy" ? false : undefined) : a === day && b === month;
      if (dayFirst === undefined) return undefined;
      roles.push(dayFirst ? pad("d", runLen[0]!) : pad("M", runLen[0]!), dayFirst ? pad("M", runLen[1]!) : pad("d", runLen[1]!), runLen[2] === 4 ? "yyyy" : "yy");
    }
    dateRuns = 3;
  }
  // The time's numbers: hour, minute, second, fraction of a second; nothing after them.
  const timeRoles = [pad(meridiem ? "h" : "H", 2), "mm", "ss"];
  for (let r = dateRuns; r < runs; r++) {
    const k = r - dateRuns;
    if (k === 0) roles.push(runLen[r] === 1 ? (meridiem ? "h" : "H") : timeRoles[0]!);
    else if (k < 3) roles.push(timeRoles[k]!);
    else if (k === 3 && text.charCodeAt(runStart[r]! - 1) === 46) roles.push("S".repeat(runLen[r]!));
    else return undefined;
  }
  if (hasTime !== (runs > dateRuns || runLen[0] === 14)) return undefined;

  // Write the pattern: numbers by role, words as tokens, separators as themselves.
  let out = "";
  let r = 0;
  for (let i = 0; i < text.length; ) {
    const c = text.charCodeAt(i);
    if (isDigit(c)) {
      out += roles[r]!;
      i += runLen[r]!;
      r++;
    } else if (isLetter(c)) {
      const start = i;
      while (i < text.length && isLetter(text.charCodeAt(i))) i++;
      const word = text.slice(start, i).toLowerCase();
      if (MONTHS.includes(word)) out += "MMMM";
      else if (word.length === 3 && MONTHS.some((m) => m.slice(0, 3) === word)) out += "MMM";
      else if (DAYS.includes(word)) out += "EEEE";
      else if (word.length === 3 && DAYS.some((d) => d.slice(0, 3) === word)) out += "EEE";
      else if (word === "st" || word === "nd" || word === "rd" || word === "th") {
        if (!out.endsWith("d")) return undefined;
        out = `${out.replace(/d+$/, "")}do`;
      } else if (word === "t") out += "'T'";
      else if (word === "am" || word === "pm") out += "a";
      else if (word === "of") out += "'of'";
      else return undefined;
    } else if (c === 32 || c === 44 || c === 45 || c === 46 || c === 47 || c === 58) {
      out += text[i];
      i++;
    } else if (c === 0x5e74 || c === 0x6708 || c === 0x65e5) {
      out += text[i];
      i++;
    } else return undefined;
  }
  return out;
}
