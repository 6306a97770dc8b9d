import { outputPathKey } from "@cleanse/io";
import type { CleanseError } from "@cleanse/core";

/** A path a run writes (or reads), with what to call it and how to point at it in an error. */
export interface PathClaim {
  /** The file, or `sqlite:<file>#<table>` for a database table. */
  readonly path: string;
  /** How the user wrote it: `datasets[0].outputs.clean`, `--quarantine`. */
  readonly label: string;
  readonly kind: "output" | "source";
  /** For sources: outputs of datasets before this index may be read (they are staged by then). */
  readonly order?: number;
  /** Builds the error, located where the claim was written. */
  readonly error: (message: string) => CleanseError;
}

function keyOf(path: string): string {
  const table = /^sqlite:(.*)#(.*)$/s.exec(path);
  return table ? `sqlite:${outputPathKey(table[1]!)}#${table[2]!.toLowerCase()}` : outputPathKey(path);
}

/**
 * Checks that every output of a run is its own file (after resolving `..`, links and case where the file
 * system ignores it) and that no output replaces a file the run reads, unless an earlier dataset of the same
 * run writes it.
 * @param claims - outputs and sources, in the order they were written
 * @throws the claim's own error (a configuration error at its file:line:column, or naming its flag)
 */
export function checkOutputPaths(claims: readonly PathClaim[]): void {
  const outputs = new Map<string, { claim: PathClaim; order: number }>();
  for (const [i, claim] of claims.entries()) {
    if (claim.kind !== "output") continue;
    const key = keyOf(claim.path);
    const other = outputs.get(key);
    if (other) {
      throw claim.error(
        `${claim.label} writes ${claim.path}, which ${other.claim.label} writes too; each output needs a path of its own, or the run would lose records`,
      );
    }
    outputs.set(key, { claim, order: claim.order ?? i });
  }
  for (const claim of claims) {
    if (claim.kind !== "source") continue;
    const writer = outputs.get(keyOf(claim.path));
    if (writer && !(claim.order !== undefined && (writer.claim.order ?? Number.POSITIVE_INFINITY) < claim.order)) {
      throw claim.error(`${claim.label} reads ${claim.path}, which ${writer.claim.label} replaces; write the output somewhere else`);
    }
  }
}
