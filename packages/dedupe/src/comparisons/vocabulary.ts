/**
 * How many records of a column hold each token: the document frequencies that weigh tokens by rarity
 * (TF-IDF) and tell rare model codes from common ones. Counted on the run's records and saved in the model,
 * so incremental runs and explanations weigh tokens the same way.
 */
export interface Vocabulary {
  /** Records with a value. */
  readonly docs: number;
  /** Records holding each token (tokens held by one record are left out: their count is 1). */
  readonly counts: Readonly<Record<string, number>>;
}

/** Counts the records holding each token of `texts`, as `tokenize` splits them. */
export function buildVocabulary(texts: readonly (string | null)[], tokenize: (text: string) => readonly string[]): Vocabulary {
  const counts = new Map<string, number>();
  let docs = 0;
  for (const t of texts) {
    if (t === null) continue;
    docs++;
    for (const token of new Set(tokenize(t))) counts.set(token, (counts.get(token) ?? 0) + 1);
  }
  const kept: Record<string, number> = Object.create(null) as Record<string, number>;
  for (const [token, c] of counts) if (c >= 2) kept[token] = c;
  return { docs, counts: kept };
}

/** Records holding `token`: at least 1, so a token the vocabulary has never seen counts as rare. */
export function documentFrequency(vocabulary: Vocabulary, token: string): number {
  return Object.hasOwn(vocabulary.counts, token) ? vocabulary.counts[token]! : 1;
}

/** Inverse document frequency, smoothed: log((docs + 1) / df), at least a small positive weight. */
export function inverseFrequency(vocabulary: Vocabulary, token: string): number {
  return Math.max(0.01, Math.log((vocabulary.docs + 1) / documentFrequency(vocabulary, token)));
}
