import type { Issue } from "@cleanse/core";
import type { InvalidBytes } from "./chunkDecoder.ts";

/** An `invalid_encoding` issue for the invalid bytes found in one record. */
export function invalidEncodingIssue(found: readonly InvalidBytes[], encoding: string, file: string, line: number): Issue {
  const first = found[0]!;
  const bytes = found.reduce((n, x) => n + x.length, 0);
  const message =
    found.length === 1
      ? `${bytes === 1 ? "A byte" : `${bytes} bytes`} at byte offset ${first.byteOffset} ${bytes === 1 ? "is" : "are"} not valid ${encoding}; replaced by U+FFFD`
      : `${found.length} byte sequences (first at byte offset ${first.byteOffset}) are not valid ${encoding}; replaced by U+FFFD`;
  return { code: "invalid_encoding", rule: "encoding", severity: "error", dimension: "validity", message, location: { file, line, byteOffset: first.byteOffset } };
}
