import { DataError, type Issue } from "@cleanse/core";
import type { InvalidBytes } from "./chunkDecoder.ts";

/**
 * The issues of one record for what the decoder found in it: `invalid_encoding` for bytes not valid
 * in the encoding, `mixed_encoding` for a line that is valid UTF-8 in a file detected as a legacy
 * encoding. Both are errors, so the record goes to quarantine.
 */
export function encodingIssues(found: readonly InvalidBytes[], encoding: string, file: string, line: number): Issue[] {
  const invalid = found.filter((x) => x.kind === undefined);
  const mixed = invalid.length === found.length ? [] : found.filter((x) => x.kind === "mixed");
  const out: Issue[] = [];
  if (invalid.length > 0) out.push(invalidEncodingIssue(invalid, encoding, file, line));
  if (mixed.length > 0) {
    const first = mixed[0]!;
    const message = `${mixed.length === 1 ? "A line" : `${mixed.length} lines`} (first at byte offset ${first.byteOffset}) ${mixed.length === 1 ? "is" : "are"} valid UTF-8, but the file was detected as ${encoding}; the record was decoded as ${encoding}. Set the encoding option, or convert these lines to ${encoding}`;
    out.push({ code: "mixed_encoding", rule: "encoding", severity: "error", dimension: "validity", message, location: { file, line, byteOffset: first.byteOffset } });
  }
  return out;
}

/** The error thrown with `invalidBytes: "error"`, for the first of `found`. */
export function encodingError(found: InvalidBytes, encoding: string, file: string, line: number): DataError {
  const location = { file, line, byteOffset: found.byteOffset };
  if (found.kind === "mixed") {
    return new DataError(`${file}:${line}: the line at byte offset ${found.byteOffset} is valid UTF-8, but the file was detected as ${encoding}.`, {
      code: "CLEANSE_MIXED_ENCODING",
      location,
      hint: "Convert the file to one encoding, or set the encoding option to read it as one.",
    });
  }
  return new DataError(
    `${file}:${line}: ${found.length === 1 ? "a byte" : `${found.length} bytes`} at byte offset ${found.byteOffset} ${found.length === 1 ? "is" : "are"} not valid ${encoding}.`,
    { code: "CLEANSE_INVALID_ENCODING", location, hint: "Set the encoding option to the file's real encoding." },
  );
}

function invalidEncodingIssue(found: readonly InvalidBytes[], encoding: string, file: string, line: number): Issue {
  const first = found[0]!;
  const bytes = found.reduce((n, x) => n + x.length, 0);
  const message =
    found.length === 1
      ? `${bytes === 1 ? "A byte" : `${bytes} bytes`} at byte offset ${first.byteOffset} ${bytes === 1 ? "is" : "are"} not valid ${encoding}; replaced by U+FFFD`
      : `${found.length} byte sequences (first at byte offset ${first.byteOffset}) are not valid ${encoding}; replaced by U+FFFD`;
  return { code: "invalid_encoding", rule: "encoding", severity: "error", dimension: "validity", message, location: { file, line, byteOffset: first.byteOffset } };
}
