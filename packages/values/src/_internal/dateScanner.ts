import { daysInMonth } from "../calendar/calendar.ts";
import {
  CJK_DAY,
  CJK_HOUR,
  CJK_MINUTE,
  CJK_MONTH,
  CJK_SECOND,
  CJK_YEAR,
  kinds,
  lens,
  NUM,
  SEP,
  starts,
  tokenize,
  vals,
  W_AM,
  W_NOON,
  W_OF,
  W_ORDINAL,
  W_PM,
  W_T,
  W_UTC,
  W_WEEKDAY,
  W_Z,
  WORD,
} from "./dateTokens.ts";

let count = 0;

/** Which of day and month comes first when the year does not decide. */
export type DateOrder = "dmy" | "mdy" | "ymd";

/** Mutable result of one scan; a standardizer owns one and reuses it for every value. */
export interface ScannedDate {
  year: number;
  month: number;
  day: number;
  hasTime: boolean;
  hour: number;
  minute: number;
  second: number;
  /** Fraction-of-second digits as written ("" when none). */
  fraction: string;
  /** Offset from UTC in minutes, or NaN when the value has none. */
  offset: number;
  /** What the value itself says about day/month order, for inference. */
  evidence: Evidence;
  /** Explanation when the status is not OK. */
  reason: string;
  /** Whether the column's order decided which number is the day and which the month. */
  usedOrder: boolean;
}

export type Evidence = "dmy" | "mdy" | "ymd" | "either" | "none";

export const OK = 0;
export const UNRECOGNIZED = 1;
export const AMBIGUOUS = 2;
export const IMPOSSIBLE = 3;
export type ScanStatus = typeof OK | typeof UNRECOGNIZED | typeof AMBIGUOUS | typeof IMPOSSIBLE;

export function createScannedDate(): ScannedDate {
  return { year: 0, month: 0, day: 0, hasTime: false, hour: 0, minute: 0, second: 0, fraction: "", offset: Number.NaN, evidence: "none", reason: "", usedOrder: false };
}

const MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

export interface ScanOptions {
  readonly order: DateOrder | undefined;
  /** Two-digit years yy become the year in (pivotYear - 100, pivotYear] that ends in yy. */
  readonly pivotYear: number | undefined;
}

/**
 * Recognises a date or date-time written in one of the common shapes and fills `out`.
 * Never guesses: a value whose day and month could be swapped needs `order`.
 */
export function scanDate(text: string, options: ScanOptions, out: ScannedDate): ScanStatus {
  out.hasTime = false;
  out.hour = 0;
  out.minute = 0;
  out.second = 0;
  out.fraction = "";
  out.offset = Number.NaN;
  out.evidence = "none";
  out.usedOrder = false;
  count = tokenize(text);
  if (count <= 0) return unrecognized(out);

  // Where does the time start? At "T", at the first "H:" or at the first "H时".
  let dateEnd = count;
  let timeStart = count;
  for (let i = 0; i < count; i++) {
    const k = kinds[i];
    if (k === WORD && vals[i] === W_T && i > 0) {
      dateEnd = i;
      timeStart = i + 1;
      break;
    }
    if (k === NUM && i + 2 < count && kinds[i + 1] === SEP && vals[i + 1] === 58) {
      dateEnd = i;
      timeStart = i;
      break;
    }
    if (k === NUM && i + 1 < count && kinds[i + 1] === WORD && vals[i + 1] === CJK_HOUR) {
      dateEnd = i;
      timeStart = i;
      break;
    }
    if (k === WORD && (vals[i] === W_AM || vals[i] === W_PM || vals[i] === W_NOON) && i + 1 < count && kinds[i + 1] === NUM) {
      // 下午3点: the day-part word comes before the hour
      dateEnd = i;
      timeStart = i;
      break;
    }
  }
  if (dateEnd < count && timeStart >= count) return unrecognized(out); // a "T" with nothing after it
  // Separators between the date and the time ("2023-01-01, 10:20", "2023-01-01 10:20") belong to neither.
  if (timeStart < count) {
    while (dateEnd > 0 && kinds[dateEnd - 1] === SEP && (vals[dateEnd - 1] === 32 || vals[dateEnd - 1] === 44)) dateEnd--;
  }

  const status = scanDatePart(text, 0, dateEnd, options, out);
  if (status !== OK) return status;
  if (timeStart < count) return scanTimePart(text, timeStart, count, out);
  return OK;
}

function unrecognized(out: ScannedDate): ScanStatus {
  out.reason = "";
  return UNRECOGNIZED;
}

function impossible(out: ScannedDate, reason: string): ScanStatus {
  out.reason = reason;
  return IMPOSSIBLE;
}

function setDate(out: ScannedDate, year: number, month: number, day: number): ScanStatus {
  if (month < 1 || month > 12) return impossible(out, `there is no month ${month}`);
  if (day < 1 || day > daysInMonth(year, month)) {
    return impossible(out, day < 1 ? "there is no day 0" : `${MONTH_NAMES[month - 1]} ${year} has ${daysInMonth(year, month)} days`);
  }
  out.year = year;
  out.month = month;
  out.day = day;
  return OK;
}

function fullYear(value: number, len: number, options: ScanOptions, out: ScannedDate): number {
  if (len === 4) return value;
  if (len === 2 && options.pivotYear !== undefined) {
    const pivot = options.pivotYear;
    let year = pivot - (pivot % 100) + value;
    if (year > pivot) year -= 100;
    return year;
  }
  out.reason = len === 2 ? "the year has two digits; set pivotYear to say which century" : "";
  return -1;
}

function scanDatePart(text: string, from: number, to: number, options: ScanOptions, out: ScannedDate): ScanStatus {
  // Collect the numbers and month words, remember separators and CJK markers.
  let n0 = -1, n1 = -1, n2 = -1;
  let nums = 0;
  let month = 0;
  let monthAt = -1;
  let sep = -1;
  let sepMixed = false;
  let cjk = 0;
  for (let i = from; i < to; i++) {
    const k = kinds[i];
    if (k === NUM) {
      if (nums === 0) n0 = i;
      else if (nums === 1) n1 = i;
      else if (nums === 2) n2 = i;
      else return unrecognized(out);
      nums++;
    } else if (k === WORD) {
      const w = vals[i]!;
      if (w >= 1 && w <= 12) {
        if (month !== 0) return unrecognized(out);
        month = w;
        monthAt = i;
      } else if (w === CJK_YEAR || w === CJK_MONTH || w === CJK_DAY) {
        cjk++;
        if (i === from || kinds[i - 1] !== NUM) return unrecognized(out);
      } else if (w === W_ORDINAL) {
        if (i === from || kinds[i - 1] !== NUM) return unrecognized(out);
      } else if (w !== W_WEEKDAY && w !== W_OF) return unrecognized(out);
    } else {
      const s = vals[i]!;
      if (sep === -1) sep = s;
      else if (s !== sep && s !== 44 && s !== 32) sepMixed = true;
    }
  }

  if (cjk > 0) {
    // 2023年1月1日: every number carries its own marker.
    if (nums !== 3 || month !== 0) return unrecognized(out);
    if (vals[n0 + 1] !== CJK_YEAR || vals[n1 + 1] !== CJK_MONTH || vals[n2 + 1] !== CJK_DAY || kinds[n0 + 1] !== WORD) return unrecognized(out);
    const year = fullYear(vals[n0]!, lens[n0]!, options, out);
    if (year < 0) return out.reason ? AMBIGUOUS : unrecognized(out);
    out.evidence = "ymd";
    return setDate(out, year, vals[n1]!, vals[n2]!);
  }

  if (month !== 0) {
    // Month written as a word: the four-digit number is the year, the other one the day.
    if (nums !== 2) return unrecognized(out);
    let yearAt = -1;
    let dayAt = -1;
    if (lens[n0] === 4 && lens[n1]! <= 2) {
      yearAt = n0;
      dayAt = n1;
    } else if (lens[n1] === 4 && lens[n0]! <= 2) {
      yearAt = n1;
      dayAt = n0;
    } else if (lens[n0]! <= 2 && lens[n1]! === 2 && n0 < monthAt && monthAt < n1 && options.pivotYear !== undefined) {
      // 01-Jan-23: day, month, two-digit year
      yearAt = n1;
      dayAt = n0;
    } else {
      out.reason = "the year has two digits; set pivotYear to say which century";
      return lens[n0]! <= 2 && lens[n1]! <= 2 ? AMBIGUOUS : unrecognized(out);
    }
    // An ordinal suffix only fits the day; "2023rd" is not a date.
    if (kinds[yearAt + 1] === WORD && vals[yearAt + 1] === W_ORDINAL) return unrecognized(out);
    if (monthAt < 0) return unrecognized(out);
    out.evidence = "none";
    return setDate(out, fullYear(vals[yearAt]!, lens[yearAt]!, options, out), month, vals[dayAt]!);
  }

  if (nums === 1 && to - from === 1) {
    const len = lens[n0]!;
    if (len === 8 || len === 14) {
      // yyyyMMdd, or yyyyMMddHHmmss
      const year = Number(text.substr(starts[n0]!, 4));
      const status = setDate(out, year, Number(text.substr(starts[n0]! + 4, 2)), Number(text.substr(starts[n0]! + 6, 2)));
      if (status !== OK) return status;
      out.evidence = "ymd";
      if (len === 14) {
        out.hasTime = true;
        return setTime(out, Number(text.substr(starts[n0]! + 8, 2)), Number(text.substr(starts[n0]! + 10, 2)), Number(text.substr(starts[n0]! + 12, 2)));
      }
      return OK;
    }
    out.reason = "a bare number";
    return UNRECOGNIZED;
  }

  if (nums !== 3 || sepMixed || to - from !== 5) return unrecognized(out);
  if (sep !== 45 && sep !== 47 && sep !== 46 && sep !== 32) return unrecognized(out);
  const a = vals[n0]!, b = vals[n1]!, c = vals[n2]!;
  const la = lens[n0]!, lb = lens[n1]!, lc = lens[n2]!;
  if (lb > 2) return unrecognized(out);
  if (la === 4) {
    // y-m-d: ISO order; nobody writes y-d-m.
    if (lc > 2) return unrecognized(out);
    // A four-digit year first is unambiguous whatever the column's order.
    out.evidence = "ymd";
    return setDate(out, a, b, c);
  }
  if (la > 2) return unrecognized(out);
  if (lc === 4) {
    out.evidence = a === b ? "none" : a > 12 && b <= 12 ? "dmy" : b > 12 && a <= 12 ? "mdy" : a <= 12 && b <= 12 ? "either" : "none";
    const order = options.order;
    out.usedOrder = order === "dmy" || order === "mdy";
    if (order === "dmy") return setDate(out, c, b, a);
    if (order === "mdy") return setDate(out, c, a, b);
    if (a === b) return setDate(out, c, a, b);
    if (a > 12 && b <= 12) return setDate(out, c, b, a);
    if (b > 12 && a <= 12) return setDate(out, c, a, b);
    if (a <= 12 && b <= 12) {
      out.reason = 'day and month are both 12 or less; set order ("dmy" or "mdy") to decide (a job can use order: infer)';
      return AMBIGUOUS;
    }
    return impossible(out, "neither the first nor the second number can be a month");
  }
  if (lc !== 2 || la > 2) return unrecognized(out);
  // Two-digit year: only the column's order and pivotYear can say which number is which.
  if (options.order === undefined) {
    out.reason = "the year has two digits and the order of year, month and day is unknown; set order and pivotYear";
    out.evidence = "none";
    return AMBIGUOUS;
  }
  if (options.pivotYear === undefined) {
    out.reason = "the year has two digits; set pivotYear to say which century";
    return AMBIGUOUS;
  }
  out.usedOrder = true;
  if (options.order === "ymd") return setDate(out, fullYear(a, 2, options, out), b, c);
  if (options.order === "dmy") return setDate(out, fullYear(c, 2, options, out), b, a);
  return setDate(out, fullYear(c, 2, options, out), a, b);
}

function setTime(out: ScannedDate, hour: number, minute: number, second: number): ScanStatus {
  if (hour > 23) return impossible(out, `there is no hour ${hour}`);
  if (minute > 59) return impossible(out, `there is no minute ${minute}`);
  if (second > 59) return impossible(out, `there is no second ${second}`);
  out.hour = hour;
  out.minute = minute;
  out.second = second;
  return OK;
}

function scanTimePart(text: string, from: number, to: number, out: ScannedDate): ScanStatus {
  out.hasTime = true;
  let i = from;
  let meridiem = 0;
  if (kinds[i] === WORD && (vals[i] === W_AM || vals[i] === W_PM || vals[i] === W_NOON)) {
    meridiem = vals[i]!;
    i++;
  }
  if (kinds[i] !== NUM) return unrecognized(out);
  let hour = -1, minute = 0, second = 0;
  if (i + 1 < to && kinds[i + 1] === WORD && vals[i + 1] === CJK_HOUR) {
    // 10时20分30秒, 10点, 10点半 is not supported
    hour = vals[i]!;
    i += 2;
    if (i < to && kinds[i] === NUM) {
      if (lens[i]! > 2 || kinds[i + 1] !== WORD || vals[i + 1] !== CJK_MINUTE) return unrecognized(out);
      minute = vals[i]!;
      i += 2;
      if (i < to && kinds[i] === NUM) {
        if (lens[i]! > 2 || kinds[i + 1] !== WORD || vals[i + 1] !== CJK_SECOND) return unrecognized(out);
        second = vals[i]!;
        i += 2;
      }
    }
  } else if ((lens[i] === 4 || lens[i] === 6) && !(i + 1 < to && kinds[i + 1] === SEP && vals[i + 1] === 58)) {
    // basic ISO: HHmm or HHmmss after "T"
    if (from === 0 || kinds[from - 1] !== WORD || vals[from - 1] !== W_T) return unrecognized(out);
    const s = starts[i]!;
    hour = Number(text.substr(s, 2));
    minute = Number(text.substr(s + 2, 2));
    if (lens[i] === 6) second = Number(text.substr(s + 4, 2));
    i++;
    if (i + 1 < to && kinds[i] === SEP && (vals[i] === 46 || vals[i] === 44) && kinds[i + 1] === NUM) {
      out.fraction = text.substr(starts[i + 1]!, lens[i + 1]!);
      i += 2;
    }
  } else {
    if (lens[i]! > 2) return unrecognized(out);
    hour = vals[i]!;
    i++;
    if (i + 1 < to && kinds[i] === SEP && vals[i] === 58 && kinds[i + 1] === NUM && lens[i + 1] === 2) {
      minute = vals[i + 1]!;
      i += 2;
      if (i + 1 < to && kinds[i] === SEP && vals[i] === 58 && kinds[i + 1] === NUM && lens[i + 1] === 2) {
        second = vals[i + 1]!;
        i += 2;
        if (i + 1 < to && kinds[i] === SEP && (vals[i] === 46 || vals[i] === 44) && kinds[i + 1] === NUM) {
          out.fraction = text.substr(starts[i + 1]!, lens[i + 1]!);
          i += 2;
        }
      }
    } else if (meridiem === 0) return unrecognized(out);
  }
  if (i < to && kinds[i] === SEP && vals[i] === 32) i++;
  if (i < to && kinds[i] === WORD && (vals[i] === W_AM || vals[i] === W_PM)) {
    if (meridiem !== 0) return unrecognized(out);
    meridiem = vals[i]!;
    i++;
  }
  if (meridiem !== 0) {
    if (hour < 1 || hour > 12) return impossible(out, `there is no hour ${hour} in a 12-hour clock`);
    else if (meridiem === W_AM) hour = hour === 12 ? 0 : hour;
    else if (meridiem === W_PM) hour = hour === 12 ? 12 : hour + 12;
    else hour = hour === 12 ? 12 : hour < 3 ? hour + 12 : hour; // 中午: around noon
  }
  const status = setTime(out, hour, minute, second);
  if (status !== OK) return status;
  if (i < to && kinds[i] === SEP && vals[i] === 32) i++;
  if (i === to) return OK;
  return scanOffset(i, to, out);
}

function scanOffset(from: number, to: number, out: ScannedDate): ScanStatus {
  let i = from;
  if (kinds[i] === WORD && vals[i] === W_Z) {
    out.offset = 0;
    return i + 1 === to ? OK : unrecognized(out);
  }
  let utc = false;
  if (kinds[i] === WORD && vals[i] === W_UTC) {
    utc = true;
    i++;
    if (i === to) {
      out.offset = 0;
      return OK;
    }
  }
  if (kinds[i] !== SEP || (vals[i] !== 43 && vals[i] !== 45)) return unrecognized(out);
  const sign = vals[i] === 45 ? -1 : 1;
  i++;
  if (kinds[i] !== NUM) return unrecognized(out);
  let hours: number;
  let minutes = 0;
  const len = lens[i]!;
  if (len === 4) {
    hours = Math.floor(vals[i]! / 100);
    minutes = vals[i]! % 100;
    i++;
  } else if (len === 2 || (len === 1 && utc)) {
    hours = vals[i]!;
    i++;
    if (i + 1 < to && kinds[i] === SEP && vals[i] === 58 && kinds[i + 1] === NUM && lens[i + 1] === 2) {
      minutes = vals[i + 1]!;
      i += 2;
    }
  } else return unrecognized(out);
  if (i !== to) return unrecognized(out);
  if (hours > 14 || minutes > 59) return impossible(out, "the UTC offset is out of range");
  out.offset = sign * (hours * 60 + minutes);
  return OK;
}
