import type { Table } from "../_internal/table.ts";
import { modelCodes, wordTokens } from "../comparisons/productTokens.ts";
import type { ResolvedBlockingRule } from "../config/resolveConfig.ts";
import type { PairMode } from "./blockPairs.ts";

/** Where a rule writes its pairs and block counts (the emitter of blockPairs). */
export interface TokenRuleOutput {
  readonly out: { push(code: number): void };
  blocks: number;
  largest: number;
}

/** Words of a record for token blocking: the tfidf comparison's words and the model codes, each once. */
function recordTokens(text: string): string[] {
  return [...new Set([...wordTokens(text), ...modelCodes(text)])];
}

/**
 * Token blocking with cardinality node pruning: every word held by 2 to `maxBlockSize` records is a block, and each
 * record keeps the `neighbours` records its blocks share most weight with (the summed log(n / df) of the words
 * they share), so the pairs stay within n x neighbours however the words are spread.
 */
export function tokenRule(table: Table, rule: Extract<ResolvedBlockingRule, { type: "tokens" }>, mode: PairMode, out: TokenRuleOutput): void {
  const n = table.n;
  const cols = rule.on.map((f) => table.column(f));
  const tokensOf: (readonly string[] | null)[] = new Array(n);
  const df = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    let text: string | null = null;
    for (const c of cols) {
      const v = c[i];
      if (v !== null && v !== undefined) text = text === null ? v : `${text} ${v}`;
    }
    if (text === null) {
      tokensOf[i] = null;
      continue;
    }
    const tokens = recordTokens(text);
    tokensOf[i] = tokens;
    for (const t of tokens) df.set(t, (df.get(t) ?? 0) + 1);
  }
  const maxSize = rule.maxBlockSize ?? Math.max(20, Math.round(2 * Math.sqrt(n)));
  // Posting lists of the words that make a block, and each word's weight.
  const ids = new Map<string, number>();
  const postings: number[][] = [];
  const weight: number[] = [];
  for (const [t, c] of df) {
    if (c < 2 || c > maxSize) continue;
    ids.set(t, postings.length);
    postings.push([]);
    weight.push(Math.log(n / c));
  }
  const recordBlocks: Int32Array[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const tokens = tokensOf[i];
    const own: number[] = [];
    if (tokens) {
      for (const t of tokens) {
        const id = ids.get(t);
        if (id === undefined) continue;
        own.push(id);
        postings[id]!.push(i);
      }
    }
    recordBlocks[i] = Int32Array.from(own);
  }
  out.blocks = postings.length;
  for (const p of postings) if (p.length > out.largest) out.largest = p.length;
  const src = table.source;
  const score = new Float64Array(n);
  const touched: number[] = [];
  const k = rule.neighbours;
  for (let i = 0; i < n; i++) {
    const blocks = recordBlocks[i]!;
    if (blocks.length === 0) continue;
    touched.length = 0;
    for (let b = 0; b < blocks.length; b++) {
      const id = blocks[b]!;
      const w = weight[id]!;
      for (const j of postings[id]!) {
        if (j === i) continue;
        if (src && mode !== "dedupe") {
          if (mode === "link" ? src[i] === src[j] : src[i] === 0 && src[j] === 0) continue;
        }
        if (score[j] === 0) touched.push(j);
        score[j]! += w;
      }
    }
    if (touched.length > k) touched.sort((a, b) => score[b]! - score[a]! || a - b);
    const keep = Math.min(k, touched.length);
    for (let x = 0; x < keep; x++) {
      const j = touched[x]!;
      out.out.push(i < j ? i * n + j : j * n + i);
    }
    for (const j of touched) score[j] = 0;
  }
}
