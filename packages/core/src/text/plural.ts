import { formatCount } from "./formatCount.ts";

/**
 * Writes a count with its noun in the right number, the count with thousands separators: `1 record`, `2 records`.
 * @param count - how many
 * @param singular - the noun for one, e.g. `record`
 * @param pluralForm - the noun for any other count; defaults to `singular` followed by `s`
 * @returns the count and the noun
 * @example
 * plural(1, "record") //=> "1 record"
 * plural(12345, "record") //=> "12,345 records"
 * plural(2, "match", "matches") //=> "2 matches"
 * `${plural(1, "rule")} failed` //=> "1 rule failed"
 */
export function plural(count: number, singular: string, pluralForm: string = `${singular}s`): string {
  return `${formatCount(count)} ${Math.abs(count) === 1 ? singular : pluralForm}`;
}
