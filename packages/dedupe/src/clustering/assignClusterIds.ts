import { compareIds } from "./compareIds.ts";

/**
 * The id a group of records would take on its own: the smallest previous cluster id among its members
 * (incremental runs), else its smallest member id.
 * @param members - the records (indices)
 * @param ids - every record id
 * @param previousId - each record's cluster id from an earlier run, if any
 * @returns the id
 * @example
 * preferredClusterId([0, 1], ["10", "9"]) //=> "9"
 */
export function preferredClusterId(members: readonly number[], ids: readonly string[], previousId?: readonly (string | undefined)[]): string {
  let best: string | undefined;
  if (previousId !== undefined) {
    for (const m of members) {
      const prev = previousId[m];
      if (prev !== undefined && (best === undefined || compareIds(prev, best) < 0)) best = prev;
    }
    if (best !== undefined) return best;
  }
  for (const m of members) {
    if (best === undefined || compareIds(ids[m]!, best) < 0) best = ids[m]!;
  }
  return best!;
}

/**
 * Names clusters with unique, stable ids. Each cluster takes its smallest member id, or in incremental runs the
 * smallest previous cluster id among its members. When several clusters claim the same previous id (an old
 * cluster that is now split), the one with the most members from it keeps it (ties: the one holding the
 * smallest member id) and the others take their smallest member id no other cluster holds.
 * @param memberIds - each cluster's member ids, sorted by {@link compareIds}
 * @param members - each cluster's records (indices into `previousId`)
 * @param previousId - each record's cluster id from an earlier run, if any
 * @returns one id per cluster
 * @example
 * assignClusterIds([["3", "4"], ["7"]], [[0, 1], [2]], ["A", "B", "A"]) //=> ["A", "7"]
 */
export function assignClusterIds(
  memberIds: readonly (readonly string[])[],
  members: readonly (readonly number[])[],
  previousId?: readonly (string | undefined)[],
): string[] {
  if (previousId === undefined) return memberIds.map((m) => m[0]!);
  const claim: (string | undefined)[] = [];
  const support: number[] = [];
  const winner = new Map<string, number>();
  members.forEach((list, k) => {
    const counts = new Map<string, number>();
    let best: string | undefined;
    for (const m of list) {
      const prev = previousId[m];
      if (prev === undefined) continue;
      counts.set(prev, (counts.get(prev) ?? 0) + 1);
      if (best === undefined || compareIds(prev, best) < 0) best = prev;
    }
    claim.push(best);
    support.push(best === undefined ? 0 : counts.get(best)!);
    if (best === undefined) return;
    const w = winner.get(best);
    if (w === undefined || support[k]! > support[w]! || (support[k] === support[w] && compareIds(memberIds[k]![0]!, memberIds[w]![0]!) < 0)) {
      winner.set(best, k);
    }
  });
  const taken = new Set(winner.keys());
  return memberIds.map((own, k) => {
    const c = claim[k];
    if (c !== undefined && winner.get(c) === k) return c;
    const free = own.find((id) => !taken.has(id));
    if (free !== undefined) return free;
    let suffix = 2;
    while (taken.has(`${own[0]!}#${suffix}`)) suffix++;
    const id = `${own[0]!}#${suffix}`;
    taken.add(id);
    return id;
  });
}
