import type { SourceLocation } from "../Issue/Issue.ts";

/**
 * Formats a location the way compilers do, followed by the record number.
 * @param location - the location to format
 * @returns `file:line:column, record N`, with the parts that are known
 * @example
 * formatLocation({ file: "crm.csv", line: 42, column: 7, record: 41 }) //=> "crm.csv:42:7, record 41"
 */
export function formatLocation(location: SourceLocation | undefined): string {
  if (!location) return "";
  let head = location.file ?? "";
  if (location.line !== undefined) {
    head += `${head ? ":" : "line "}${location.line}`;
    if (location.column !== undefined) head += `:${location.column}`;
  }
  const parts: string[] = [];
  if (head) parts.push(head);
  if (location.record !== undefined) parts.push(`record ${location.record}`);
  if (location.byteOffset !== undefined) parts.push(`byte ${location.byteOffset}`);
  return parts.join(", ");
}
