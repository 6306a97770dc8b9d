import type { DataRecord, Issue } from "@cleanse/core";
import type { RecordFactory } from "./recordFactory.ts";

/** State shared between the scanning loop and the slow path for unusual records. */
export interface ScanState {
  delim: string;
  delimCode: number;
  nl: string;
  nlCode: number;
  stripCr: boolean;
  /** -1 until the header is known. */
  ncols: number;
  factory: RecordFactory | undefined;
  skipBlank: boolean;
  readonly emptyValue: string | null;
  readonly vals: (string | null)[];
  line: number;
  records: DataRecord[];
  lines: number[];
  issues: Map<number, Issue[]> | undefined;
  /** Start of each record in the text, collected only when invalid bytes must be attributed. */
  starts: number[] | undefined;
  slow(nf: number, recLine: number, badQuote: boolean, recStart: number): void;
  unclosed(s: string, quoteAt: number, recStart: number, recLine: number): never;
}

/**
 * The scanning loop: unquoted fields are found with `indexOf` (delimiter and line end positions are
 * cached and reused until passed), quoted fields with a search for the closing quote. Returns the
 * offset of the first character not consumed (the start of an incomplete record).
 */
export function scan(st: ScanState, s: string, start: number, final: boolean): number {
  const len = s.length;
  const delim = st.delim;
  const delimCode = st.delimCode;
  const nl = st.nl;
  const nlCode = st.nlCode;
  const stripCr = st.stripCr;
  const vals = st.vals;
  const emptyValue = st.emptyValue;
  let records = st.records;
  let lines = st.lines;
  let starts = st.starts;
  let ncols = st.ncols;
  let factory = st.factory;
  let skipBlank = st.skipBlank || ncols < 0;
  let line = st.line;
  let pos = start;
  let nextNl = s.indexOf(nl, start);
  if (nextNl === -1) nextNl = len;
  let nextDelim = s.indexOf(delim, start);
  if (nextDelim === -1) nextDelim = len;

  outer: while (pos < len) {
    const recStart = pos;
    let c = s.charCodeAt(pos);
    if (skipBlank) {
      if (c === nlCode) {
        pos++;
        line++;
        continue;
      }
      if (stripCr && c === 13) {
        if (pos + 1 === len && !final) break;
        if (pos + 1 === len || s.charCodeAt(pos + 1) === 10) {
          pos += 2;
          line++;
          continue;
        }
      }
    }
    let nf = 0;
    let extra = 0;
    let badQuote = false;
    while (true) {
      if (c === 34) {
        let q = pos + 1;
        let esc = false;
        let j: number;
        while (true) {
          j = s.indexOf('"', q);
          if (j === -1) {
            if (final) st.unclosed(s, pos, recStart, line);
            pos = recStart;
            break outer;
          }
          if (j + 1 === len) {
            if (!final) {
              pos = recStart;
              break outer;
            }
            break;
          }
          if (s.charCodeAt(j + 1) === 34) {
            esc = true;
            q = j + 2;
            continue;
          }
          break;
        }
        if (nextNl < pos) {
          nextNl = s.indexOf(nl, pos);
          if (nextNl === -1) nextNl = len;
        }
        while (nextNl < j) {
          extra++;
          nextNl = s.indexOf(nl, nextNl + 1);
          if (nextNl === -1) nextNl = len;
        }
        let v = s.slice(pos + 1, j);
        if (esc) v = v.replaceAll('""', '"');
        const fieldStart = pos;
        pos = j + 1;
        c = s.charCodeAt(pos);
        if (c === delimCode) {
          vals[nf++] = v;
          c = s.charCodeAt(++pos);
          continue;
        }
        if (c === nlCode || pos >= len) {
          vals[nf++] = v;
          pos++;
          break;
        }
        if (stripCr && c === 13) {
          if (pos + 1 === len) {
            if (!final) {
              pos = recStart;
              break outer;
            }
            vals[nf++] = v;
            pos = len;
            break;
          }
          if (s.charCodeAt(pos + 1) === 10) {
            vals[nf++] = v;
            pos += 2;
            break;
          }
        }
        // Text after the closing quote: keep the field as written, up to the delimiter or line end.
        badQuote = true;
        if (nextDelim < pos) {
          nextDelim = s.indexOf(delim, pos);
          if (nextDelim === -1) nextDelim = len;
        }
        if (nextDelim < nextNl) {
          vals[nf++] = s.slice(fieldStart, nextDelim);
          pos = nextDelim + 1;
          c = s.charCodeAt(pos);
          continue;
        }
        if (nextNl === len && !final) {
          pos = recStart;
          break outer;
        }
        let e = nextNl;
        if (stripCr && e > pos && s.charCodeAt(e - 1) === 13) e--;
        vals[nf++] = s.slice(fieldStart, e);
        pos = nextNl + 1;
        break;
      }
      if (nextDelim < pos) {
        nextDelim = s.indexOf(delim, pos);
        if (nextDelim === -1) nextDelim = len;
      }
      if (nextNl < pos) {
        nextNl = s.indexOf(nl, pos);
        if (nextNl === -1) nextNl = len;
      }
      if (nextDelim < nextNl) {
        vals[nf++] = nextDelim === pos ? emptyValue : s.slice(pos, nextDelim);
        pos = nextDelim + 1;
        c = s.charCodeAt(pos);
        continue;
      }
      if (nextNl === len && !final) {
        pos = recStart;
        break outer;
      }
      let e = nextNl;
      if (stripCr && e > pos && s.charCodeAt(e - 1) === 13) e--;
      vals[nf++] = e === pos ? emptyValue : s.slice(pos, e);
      pos = nextNl + 1;
      break;
    }
    const recLine = line;
    line += 1 + extra;
    if (nf === ncols && !badQuote) {
      records.push(factory!(vals));
      lines.push(recLine);
      if (starts !== undefined) starts.push(recStart);
    } else {
      st.records = records;
      st.lines = lines;
      st.slow(nf, recLine, badQuote, recStart);
      records = st.records;
      lines = st.lines;
      starts = st.starts;
      ncols = st.ncols;
      factory = st.factory;
      skipBlank = st.skipBlank;
    }
  }
  st.line = line;
  return pos > len ? len : pos;
}
