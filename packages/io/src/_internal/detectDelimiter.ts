/** Delimiters tried by auto-detection, in order of preference on ties. */
export const DELIMITER_CANDIDATES: readonly string[] = [",", ";", "\t", "|"];

/**
 * Picks the delimiter that splits the sample's rows into the same number (at least two) of fields,
 * counting only delimiters outside quotes. Falls back to a comma.
 * @param sample - the first lines of the file
 * @param complete - whether the sample's last line is complete (end of input)
 */
export function detectDelimiter(sample: string, complete: boolean): string {
  let best = ",";
  let bestScore = 0;
  for (const candidate of DELIMITER_CANDIDATES) {
    const counts = fieldCounts(sample, candidate.charCodeAt(0), complete);
    const first = counts[0];
    if (first === undefined || first < 2) continue;
    let same = 0;
    for (const n of counts) if (n === first) same++;
    const score = same / counts.length + Math.min(first, 50) / 1000;
    if (score > bestScore) {
      bestScore = score;
      best = candidate;
    }
  }
  return best;
}

function fieldCounts(sample: string, delimiter: number, complete: boolean): number[] {
  const counts: number[] = [];
  let inQuotes = false;
  let fields = 1;
  let empty = true;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 34) inQuotes = !inQuotes;
    else if (inQuotes) continue;
    else if (c === delimiter) fields++;
    else if (c === 10 || c === 13) {
      if (!empty || fields > 1) counts.push(fields);
      fields = 1;
      empty = true;
      continue;
    }
    empty = false;
  }
  if (complete && (!empty || fields > 1)) counts.push(fields);
  return counts;
}
