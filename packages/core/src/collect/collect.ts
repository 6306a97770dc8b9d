/**
 * Gathers a stream into an array (Node 20 has no `Array.fromAsync`).
 * @param items - an async or sync iterable
 * @returns all its items, in order
 * @example
 * await collect(toAsync([1, 2])) //=> [1, 2]
 */
export async function collect<T>(items: AsyncIterable<T> | Iterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}
