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

/** An output that shares its file with an earlier output, or that replaces a file the run reads. */
export interface OutputCollision {
  /** The claim at fault: the later of two outputs, or the source an output replaces. */
  readonly claim: PathClaim;
  /** What is wrong, naming both claims. */
  readonly message: string;
}

/**
 * Finds every output of a run that is not its own file (after resolving `..`, links and case where the file
 * system ignores it), and every source an output replaces, unless an earlier dataset of the same run writes it.
 * Outputs come first, then sources, each in the order they were written.
 * @param claims - outputs and sources, in the order they were written
 * @returns the collisions; empty when every path is fine
 */
export function findOutputCollisions(claims: readonly PathClaim[]): OutputCollision[] {
  const found: OutputCollision[] = [];
  // The first output of each file: a later one on the same file collides with it.
  const outputs = new Map<string, PathClaim>();
  for (const claim of claims) {
    if (claim.kind !== "output") continue;
    const key = keyOf(claim.path);
    const other = outputs.get(key);
    if (other) {
      found.push({
        claim,
        message: `${claim.label} writes ${claim.path}, which ${other.label} writes too; each output needs a path of its own, or the run would lose records`,
      });
    } else outputs.set(key, claim);
  }
  for (const claim of claims) {
    if (claim.kind !== "source") continue;
    const writer = outputs.get(keyOf(claim.path));
    if (writer && !(claim.order !== undefined && (writer.order ?? Number.POSITIVE_INFINITY) < claim.order)) {
      found.push({ claim, message: `${claim.label} reads ${claim.path}, which ${writer.label} replaces; write the output somewhere else` });
    }
  }
  return found;
}

/**
 * Checks that every output of a run is its own file and that no output replaces a file the run reads (see
 * {@link findOutputCollisions}).
 * @param claims - outputs and sources, in the order they were written
 * @throws the first collision's error, built by its claim (a configuration error at its file:line:column, or naming its flag)
 */
export function checkOutputPaths(claims: readonly PathClaim[]): void {
  const first = findOutputCollisions(claims)[0];
  if (first) throw first.claim.error(first.message);
}
