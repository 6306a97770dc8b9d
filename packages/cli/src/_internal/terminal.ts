import type { PipelineProgress } from "@cleanse/core";

/** Where a command writes; tests pass their own. */
export interface Terminal {
  out(text: string): void;
  err(text: string): void;
  /** Whether stderr is an interactive terminal (progress is shown only then). */
  readonly isTTY: boolean;
  /** Standard input as bytes, for a file argument of `-`. */
  readonly stdin?: AsyncIterable<Uint8Array> | Iterable<Uint8Array>;
  /** Writes bytes to standard output (an output of `-`), resolving when they are flushed. */
  writeOut?(bytes: Uint8Array): Promise<void>;
}

/** The process's own terminal. */
export function processTerminal(): Terminal {
  return {
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
    isTTY: process.stderr.isTTY === true,
    stdin: process.stdin,
    writeOut: (bytes) =>
      new Promise<void>((resolve, reject) => {
        process.stdout.write(bytes, (error) => (error ? reject(error) : resolve()));
      }),
  };
}

const fmt = new Intl.NumberFormat("en-US");

/** A progress line on stderr, redrawn in place; nothing when stderr is not a terminal. */
export function createProgress(term: Terminal): { update(dataset: string, p: PipelineProgress): void; done(): void } {
  let shown = false;
  return {
    update(dataset, p) {
      if (!term.isTTY) return;
      const rate = p.elapsedMs > 0 ? Math.round((p.records * 1000) / p.elapsedMs) : 0;
      let tail = "";
      if (p.bytesTotal && p.bytesRead !== undefined && p.bytesRead > 0) {
        const share = Math.min(1, p.bytesRead / p.bytesTotal);
        const eta = share > 0 ? ((p.elapsedMs / share) * (1 - share)) / 1000 : 0;
        tail = `  ${(share * 100).toFixed(0)}%  ETA ${eta < 1 ? "<1" : Math.round(eta)}s`;
      }
      term.err(`\r\x1b[2K${dataset}: ${fmt.format(p.records)} records  ${fmt.format(rate)} rec/s${tail}`);
      shown = true;
    },
    done() {
      if (shown) term.err("\r\x1b[2K");
      shown = false;
    },
  };
}
