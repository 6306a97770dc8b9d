/** Disjoint sets over 0..n-1 with path halving and union by size. */
export interface UnionFind {
  find(i: number): number;
  union(a: number, b: number): boolean;
  readonly parent: Int32Array;
}

export function createUnionFind(n: number): UnionFind {
  const parent = new Int32Array(n);
  const size = new Int32Array(n).fill(1);
  for (let i = 0; i < n; i++) parent[i] = i;
  function find(i: number): number {
    let x = i;
    while (parent[x] !== x) {
      const p = parent[parent[x]!]!;
      parent[x] = p;
      x = p;
    }
    return x;
  }
  return {
    parent,
    find,
    union(a, b) {
      let ra = find(a);
      let rb = find(b);
      if (ra === rb) return false;
      if (size[ra]! < size[rb]!) [ra, rb] = [rb, ra];
      parent[rb] = ra;
      size[ra] = size[ra]! + size[rb]!;
      return true;
    },
  };
}
