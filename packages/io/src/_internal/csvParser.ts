import { DataError, plural, type DataRecord, type Issue } from "@cleanse/core";
import type { InvalidBytes } from "./chunkDecoder.ts";
import { detectDelimiter } from "./detectDelimiter.ts";
import { headerNames } from "./csvHeader.ts";
import { scan, type ScanState } from "./csvScan.ts";
import { encodingError, encodingIssues } from "./issues.ts";
import { createRecordFactory } from "./recordFactory.ts";

export interface CsvParserOptions {
  /** File or source name, for locations and messages. */
  readonly file: string;
  /** Undefined to detect it. */
  readonly delimiter: string | undefined;
  readonly header: boolean;
  readonly columns: readonly string[] | undefined;
  readonly headerMap: Readonly<Record<string, string>> | undefined;
  readonly ragged: "quarantine" | "error" | "pad";
  readonly emptyAs: "" | null;
  readonly invalidBytes: "quarantine" | "error" | "replace";
  /** Largest record, in characters, before the parser gives up (most likely an unclosed quote). */
  readonly maxRecordSize: number;
  /** Name of the encoding in use, for messages. */
  readonly encoding: () => string;
  readonly warn: (message: string) => void;
}

export interface ParsedBatch {
  readonly records: DataRecord[];
  readonly lines: number[];
  readonly issues: Map<number, Issue[]> | undefined;
}

export interface CsvParser {
  /** Parses the next piece of text; returns the records it completed. */
  push(text: string, invalid: readonly InvalidBytes[]): ParsedBatch;
  /** Parses what is left at the end of the input. */
  finish(): ParsedBatch;
  /** Column names, once the header is known. */
  readonly columns: readonly string[] | undefined;
  /** The delimiter, once known. */
  readonly delimiter: string | undefined;
}

/** The field that keeps the values past the last column of a ragged row. */
const EXTRA = "_extra";
const PROLOGUE_LINES = 20;
const PROLOGUE_CHARS = 65536;
const REPARSE_FROM = 65536;

/** Creates an incremental CSV parser. Line numbers are 1-based and count physical lines. */
export function createCsvParser(options: CsvParserOptions): CsvParser {
  let pending: string[] = [];
  let pendingLength = 0;
  let pendingInvalid: InvalidBytes[] = [];
  let minNext = 0;
  let prologueDone = false;
  let keys: string[] | undefined;
  let awaitingHeader = true;

  const issue = (code: string, message: string, line: number, severity: Issue["severity"] = "error"): Issue => ({
    code,
    rule: "csv-shape",
    severity,
    dimension: "validity",
    message,
    location: { file: options.file, line },
  });

  const addIssue = (st: ScanState, index: number, found: Issue) => {
    st.issues ??= new Map();
    const list = st.issues.get(index);
    if (list) list.push(found);
    else st.issues.set(index, [found]);
  };

  const setColumns = (st: ScanState, names: string[]) => {
    keys = names;
    st.ncols = names.length;
    st.factory = createRecordFactory(names);
    st.skipBlank = names.length !== 1;
    awaitingHeader = false;
  };

  const st: ScanState = {
    delim: ",",
    delimCode: 44,
    nl: "\n",
    nlCode: 10,
    stripCr: true,
    ncols: -1,
    factory: undefined,
    skipBlank: true,
    emptyValue: options.emptyAs,
    vals: [],
    line: 1,
    records: [],
    lines: [],
    issues: undefined,
    starts: undefined,
    slow(nf, recLine, badQuote, recStart) {
      const vals = this.vals;
      if (awaitingHeader) {
        if (options.header) {
          const raw = vals.slice(0, nf).map((v) => v ?? "");
          setColumns(this, headerNames(raw, options));
          if (options.columns && options.columns.length !== nf) {
            options.warn(`The header row has ${plural(nf, "column")} but ${plural(options.columns.length, "column name was", "column names were")} given; the given names are used.`);
          }
          return;
        }
        setColumns(this, options.columns ? [...options.columns] : Array.from({ length: nf }, (_, i) => `column${i + 1}`));
      }
      const ncols = this.ncols;
      const found: Issue[] = [];
      let record: DataRecord;
      if (nf !== ncols) {
        const message = `Expected ${plural(ncols, "field")}, found ${nf}${nf > ncols ? "; the extra values are kept in _extra" : "; the missing fields are null"}`;
        if (options.ragged === "error") {
          throw new DataError(`${options.file}:${recLine}: ${message.split(";")[0]}.`, {
            code: "CLEANSE_CSV_RAGGED_ROW",
            location: { file: options.file, line: recLine },
            hint: 'Fix the row, or read with ragged: "quarantine" to route such rows to quarantine.',
          });
        }
        if (nf < ncols) {
          const fill = options.ragged === "pad" ? this.emptyValue : null;
          for (let i = nf; i < ncols; i++) vals[i] = fill;
          record = this.factory!(vals);
          found.push(
            options.ragged === "pad"
              ? issue("ragged_row", `Expected ${plural(ncols, "field")}, found ${nf}; the missing fields were padded`, recLine, "warning")
              : issue("ragged_row", message, recLine),
          );
        } else {
          if (keys!.includes(EXTRA)) {
            throw new DataError(`${options.file}:${recLine}: ${message.split(";")[0]}, and the extra values cannot be kept in ${EXTRA}: the header has a column of that name.`, {
              code: "CLEANSE_RESERVED_FIELD",
              location: { file: options.file, line: recLine },
              hint: `Fix the row, or rename the ${EXTRA} column in the file (headerMap: { ${EXTRA}: source${EXTRA} } renames it while reading).`,
            });
          }
          record = this.factory!(vals);
          record[EXTRA] = vals.slice(ncols, nf);
          found.push(issue("ragged_row", message, recLine));
        }
      } else {
        record = this.factory!(vals);
      }
      if (badQuote) found.push(issue("invalid_quotes", "Unexpected text after a closing quote; the field is kept as written", recLine));
      this.records.push(record);
      this.lines.push(recLine);
      if (this.starts !== undefined) this.starts.push(recStart);
      for (const f of found) addIssue(this, this.records.length - 1, f);
    },
    unclosed(s, quoteAt, recStart, recLine) {
      let line = recLine;
      let lineStart = recStart;
      for (let i = s.indexOf(this.nl, recStart); i !== -1 && i < quoteAt; i = s.indexOf(this.nl, i + 1)) {
        line++;
        lineStart = i + 1;
      }
      const column = quoteAt - lineStart + 1;
      throw new DataError(`${options.file}:${line}:${column}: a quoted field opened here is never closed.`, {
        code: "CLEANSE_CSV_UNCLOSED_QUOTE",
        location: { file: options.file, line, column },
        hint: 'Close the quote, or double quotes that are part of the value ("").',
      });
    },
  };

  const attributeInvalid = (s: string, consumed: number, batch: ParsedBatch) => {
    const starts = st.starts ?? [];
    const keep: InvalidBytes[] = [];
    const perRecord = new Map<number, InvalidBytes[]>();
    for (const inv of pendingInvalid) {
      if (inv.textIndex >= consumed) {
        keep.push({ ...inv, textIndex: inv.textIndex - consumed });
        continue;
      }
      // The record whose start is the last one at or before the replacement character.
      let lo = 0;
      let hi = starts.length - 1;
      let r = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (starts[mid]! <= inv.textIndex) {
          r = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      if (options.invalidBytes === "error") throw encodingError(inv, options.encoding(), options.file, r === -1 ? 1 : batch.lines[r]!);
      if (r === -1) {
        options.warn(
          inv.kind === "mixed"
            ? `The header row is valid UTF-8, but the file was detected as ${options.encoding()} (byte offset ${inv.byteOffset}); set the encoding option.`
            : `The header row holds bytes that are not valid ${options.encoding()} (byte offset ${inv.byteOffset}); they were replaced by U+FFFD.`,
        );
        continue;
      }
      const list = perRecord.get(r);
      if (list) list.push(inv);
      else perRecord.set(r, [inv]);
    }
    for (const [r, list] of perRecord) for (const found of encodingIssues(list, options.encoding(), options.file, batch.lines[r]!)) addIssue(st, r, found);
    pendingInvalid = keep;
  };

  const prologue = (s: string, final: boolean): boolean => {
    let newlines = 0;
    let cut = -1;
    for (let i = s.indexOf("\n"); i !== -1; i = s.indexOf("\n", i + 1)) {
      if (++newlines === PROLOGUE_LINES) {
        cut = i + 1;
        break;
      }
    }
    if (cut === -1 && s.length < PROLOGUE_CHARS && !final) return false;
    const sample = s.slice(0, cut === -1 ? Math.min(s.length, PROLOGUE_CHARS) : Math.min(cut, PROLOGUE_CHARS));
    const delimiter = options.delimiter ?? detectDelimiter(sample, final && cut === -1 && sample.length === s.length);
    st.delim = delimiter;
    st.delimCode = delimiter.charCodeAt(0);
    // Lines end with CR alone when the first line break outside quotes is a CR not followed by LF.
    let inQuotes = false;
    let crOnly = false;
    for (let i = 0; i < sample.length; i++) {
      const c = sample.charCodeAt(i);
      if (c === 34) inQuotes = !inQuotes;
      else if (!inQuotes && (c === 10 || c === 13)) {
        crOnly = c === 13 && sample.charCodeAt(i + 1) !== 10;
        break;
      }
    }
    if (crOnly) {
      st.nl = "\r";
      st.nlCode = 13;
      st.stripCr = false;
    }
    if (options.columns && !options.header) setColumns(st, [...options.columns]);
    prologueDone = true;
    return true;
  };

  const finishRun = (s: string, consumed: number): void => {
    const restLength = s.length - consumed;
    pending = restLength > 0 ? [s.slice(consumed)] : [];
    pendingLength = restLength;
    if (restLength > options.maxRecordSize) {
      throw new DataError(`${options.file}:${st.line}: a record longer than ${options.maxRecordSize} characters starts here; is a quote left open?`, {
        code: "CLEANSE_CSV_RECORD_TOO_LARGE",
        location: { file: options.file, line: st.line },
        hint: "Close the quote, or raise the maxRecordSize option.",
      });
    }
    minNext = restLength > REPARSE_FROM ? restLength * 2 : 0;
  };

  const run = (final: boolean): ParsedBatch => {
    st.records = [];
    st.lines = [];
    st.issues = undefined;
    const empty: ParsedBatch = { records: st.records, lines: st.lines, issues: undefined };
    if (!final && pendingLength < minNext) return empty;
    if (pendingLength === 0) return empty;
    if (!awaitingHeader && pending.length === 2 && pendingInvalid.length === 0) {
      // Usual case: the end of a record left over from the last piece, then a new piece. Finish
      // that record on a small joined string and parse the new piece in place, without copying it.
      const rest = pending[0]!;
      const text = pending[1]!;
      const k = text.indexOf(st.nl) + 1;
      if (k > 0 && k < text.length) {
        const head = [rest, text.slice(0, k)].join("");
        st.starts = undefined;
        const used = scan(st, head, 0, false);
        if (used === head.length) {
          const consumed = scan(st, text, k, final);
          finishRun(text, consumed);
          return { records: st.records, lines: st.lines, issues: st.issues };
        }
        // The left-over record goes on past that line (a quoted line break): parse it all together.
        st.records.length = 0;
        st.lines.length = 0;
        st.issues = undefined;
        st.line -= lineCount(head, 0, used, st.nl);
      }
    }
    const s = pending.length === 1 ? pending[0]! : pending.join("");
    if (!prologueDone && !prologue(s, final)) {
      pending = [s];
      return empty;
    }
    st.starts = pendingInvalid.length > 0 ? [] : undefined;
    const consumed = scan(st, s, 0, final);
    const batch: ParsedBatch = { records: st.records, lines: st.lines, issues: st.issues };
    if (pendingInvalid.length > 0) {
      attributeInvalid(s, consumed, batch);
      (batch as { issues: Map<number, Issue[]> | undefined }).issues = st.issues;
    }
    finishRun(s, consumed);
    return batch;
  };

  return {
    push(text, invalid) {
      if (invalid.length > 0 && options.invalidBytes !== "replace") for (const inv of invalid) pendingInvalid.push({ ...inv, textIndex: inv.textIndex + pendingLength });
      if (text.length > 0) {
        pending.push(text);
        pendingLength += text.length;
      }
      return run(false);
    },
    finish() {
      return run(true);
    },
    get columns() {
      return keys;
    },
    get delimiter() {
      return prologueDone ? st.delim : undefined;
    },
  };
}


/** Line breaks in `s` between `from` and `to`. */
function lineCount(s: string, from: number, to: number, nl: string): number {
  let n = 0;
  for (let i = s.indexOf(nl, from); i !== -1 && i < to; i = s.indexOf(nl, i + 1)) n++;
  return n;
}
