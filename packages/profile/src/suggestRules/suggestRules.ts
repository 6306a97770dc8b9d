import { formatCount, plural } from "@cleanse/core";
import { Document, isMap, isSeq, type Node, type YAMLMap, type YAMLSeq } from "yaml";
import type { ColumnProfile, DatasetProfile } from "../profileRecords/DatasetProfile.ts";

/** Options of {@link suggestRules}. */
export interface SuggestRulesOptions {
  /** Lowest share of values fitting a type for its format rule to be proposed. Defaults to 0.8. */
  readonly minConfidence?: number;
  /** Most values in a proposed `in` list. Defaults to 12. */
  readonly maxSetSize?: number;
  /** Highest share of missing values for which `required` is still proposed. Defaults to 0.02. */
  readonly requiredUpTo?: number;
  /** Lowest share of values with one shape (e.g. `Adddddd`) for a `regex` rule to be proposed. Defaults to 0.95. */
  readonly minShapeShare?: number;
}

/**
 * Turns a value pattern with digits (`Adddddd`, `ddd-dddd-dddd`) into an anchored regular expression
 * (`^[A-Z]\d{6}$`); patterns without digits or cut short say too little to become a rule.
 */
function patternToRegex(pattern: string): string | undefined {
  if (!pattern.includes("d") || pattern.includes("…")) return undefined;
  let out = "^";
  for (let i = 0; i < pattern.length; ) {
    const ch = pattern[i]!;
    if (ch === "d") {
      let n = 0;
      while (pattern[i] === "d") {
        n++;
        i++;
      }
      out += n === 1 ? "\\d" : `\\d{${n}}`;
      continue;
    }
    const plus = pattern[i + 1] === "+";
    const cls = ch === "A" ? "[A-Z]" : ch === "a" ? "[a-z]" : ch === "C" ? "\\p{Han}" : ch.replace(/[\\^$.*+?()[\]{}|\/-]/g, "\\$&");
    out += plus ? `${cls}+` : cls;
    i += plus ? 2 : 1;
  }
  return `${out}$`;
}

type RuleEntry = string | Record<string, unknown>;

interface Suggestion {
  readonly rule: RuleEntry;
  readonly comment?: string;
}

const ID_NAME = /(^|[_\s-])(id|key|code|no|number|uuid|guid)$|^id[_\s-]|Id$|ID$|编号|编码|代码|号码$|单号$|^(id|key|code|uuid|guid)$/i;
const pct = (r: number) => `${(r * 100).toFixed(r > 0 && r < 0.01 ? 2 : 0)}%`;

function suggestColumn(c: ColumnProfile, o: Required<SuggestRulesOptions>): { rules: Suggestion[]; notes: string[] } {
  const rules: Suggestion[] = [];
  const notes: string[] = [];
  if (c.count === 0 || c.present === 0) return { rules, notes: ["no values seen"] };
  const missing = c.nulls + c.empties;
  const missingShare = missing / c.count;
  if (missing === 0) rules.push({ rule: "required" });
  else if (missingShare <= o.requiredUpTo) rules.push({ rule: "required", comment: `${formatCount(missing)} of ${formatCount(c.count)} values missing now` });
  else notes.push(`${pct(missingShare)} of values are missing`);

  const idLike = ID_NAME.test(c.name) || c.type === "uuid";
  if (idLike && c.uniqueness === "unique") rules.push({ rule: "unique" });
  else if (idLike && c.uniqueness === "duplicates" && c.distinct.count >= 0.9 * c.present) {
    const dupes = c.present - c.distinct.count;
    rules.push({ rule: "unique", comment: `${c.distinct.exact ? "" : "about "}${plural(dupes, "duplicate value")} now` });
  } else if (!idLike && c.uniqueness === "unique" && c.present === c.count && c.count >= 20 && c.type !== "boolean") {
    notes.push("every value is different: add unique if it identifies a record");
  }

  const sure = c.typeConfidence >= o.minConfidence;
  const unsure = `${pct(c.typeConfidence)} of values look like ${c.type === "integer" ? "integers" : c.type === "number" ? "numbers" : `${c.type}s`}`;
  const off = c.typeConfidence < 1 ? `${pct(c.typeConfidence)} of values fit` : undefined;
  const withOff = (rule: RuleEntry): Suggestion => (off ? { rule, comment: off } : { rule });
  switch (c.type) {
    case "email":
    case "uuid":
    case "url":
    case "boolean":
    case "datetime":
      if (sure) rules.push(withOff(c.type));
      else notes.push(unsure);
      break;
    case "phone":
      if (sure) rules.push(withOff(c.phoneRegion ? { phone: { region: c.phoneRegion } } : "phone"));
      else notes.push(unsure);
      break;
    case "date": {
      if (!sure) {
        notes.push(unsure);
        break;
      }
      const formats = c.dateFormats ?? [];
      const main = formats[0]?.format;
      const others = formats.slice(1);
      const comment = [off, others.length > 0 ? `also seen: ${others.slice(0, 4).map((f) => `${f.format} (${formatCount(f.count)})`).join(", ")}` : undefined]
        .filter(Boolean)
        .join("; ");
      rules.push({ rule: main ? { date: { format: main } } : "date", ...(comment ? { comment } : {}) });
      break;
    }
    case "integer":
    case "number":
      if (!sure) {
        notes.push(unsure);
        break;
      }
      rules.push(withOff(c.type));
      if (typeof c.min === "number" && typeof c.max === "number") rules.push({ rule: { range: { min: c.min, max: c.max } }, comment: "the range seen so far" });
      break;
    default: {
      const exactSmallSet = c.topValuesExact && c.distinct.exact && c.distinct.count <= o.maxSetSize && c.present >= 20 && c.distinct.count * 4 <= c.present;
      if (exactSmallSet) {
        const floor = Math.max(2, Math.ceil(c.present * 0.01));
        const common = c.topValues.filter((v) => v.count >= floor);
        const rare = c.topValues.filter((v) => v.count < floor);
        if (common.length > 0) {
          rules.push({
            rule: { in: common.map((v) => v.value) },
            ...(rare.length > 0 ? { comment: `left out, seen rarely: ${rare.map((v) => `${JSON.stringify(v.value)} (${v.count})`).join(", ")}` } : {}),
          });
          break;
        }
      }
      const shape = c.patterns[0];
      const regex = shape && shape.ratio >= o.minShapeShare ? patternToRegex(shape.pattern) : undefined;
      if (shape && regex) {
        rules.push({ rule: { regex }, comment: `${pct(shape.ratio)} of values have the shape ${shape.pattern}` });
        break;
      }
      if (c.length) rules.push({ rule: { length: { max: c.length.max } }, comment: "the longest value seen" });
    }
  }
  return { rules, notes };
}

/**
 * Proposes a starter rule file (YAML, in the `@cleanse/rules` format) from a profile: `required` for
 * complete columns, `unique` for identifiers, a format rule for each confidently typed column
 * (`email`, `{ phone: { region: CN } }`, `{ date: { format } }`, ...), `in` for small sets of values,
 * `range` for numbers and `length` for free text, each with a comment saying what the data shows.
 * @param profile - the dataset profile from `profileRecords`
 * @param options - thresholds for proposing rules
 * @returns YAML text to review and save as a rule file
 * @example
 * suggestRules(await profileRecords([{ email: "li@example.cn" }])) //=> "# Starter rules for input ...\nfields:\n  email:\n    - required\n    - email\n"
 */
export function suggestRules(profile: DatasetProfile, options: SuggestRulesOptions = {}): string {
  const o: Required<SuggestRulesOptions> = {
    minConfidence: options.minConfidence ?? 0.8,
    maxSetSize: options.maxSetSize ?? 12,
    requiredUpTo: options.requiredUpTo ?? 0.02,
    minShapeShare: options.minShapeShare ?? 0.95,
  };
  const suggested = profile.columns.map((c) => ({ column: c, ...suggestColumn(c, o) }));
  const fields: Record<string, RuleEntry[]> = {};
  for (const s of suggested) fields[s.column.name] = s.rules.map((r) => r.rule);
  const doc = new Document({ fields });
  doc.commentBefore =
    ` Starter rules for ${profile.dataset} (${plural(profile.records, "record")}), suggested from its profile.\n` +
    " They describe the data as it is: review each one, tighten it, and remove what does not hold.";
  const fieldsNode = doc.get("fields", true) as YAMLMap<unknown, Node>;
  if (isMap(fieldsNode)) {
    for (const s of suggested) {
      const seq = fieldsNode.get(s.column.name, true) as YAMLSeq<Node> | undefined;
      if (!seq || !isSeq(seq)) continue;
      seq.flow = s.rules.length === 0;
      seq.items.forEach((item, i) => {
        if (isMap(item)) item.flow = true;
        const comment = s.rules[i]?.comment;
        if (comment) item.comment = ` ${comment}`;
      });
      const typeNote = `${s.column.type}${s.column.type === "string" ? "" : ` (${pct(s.column.typeConfidence)})`}, ${formatCount(s.column.distinct.count)}${s.column.distinct.exact ? "" : "~"} distinct`;
      const note = [typeNote, ...s.notes].join("; ");
      if (s.rules.length === 0) seq.comment = ` ${note}`;
      else seq.commentBefore = ` ${note}`;
    }
  }
  return doc.toString({ lineWidth: 0 });
}
