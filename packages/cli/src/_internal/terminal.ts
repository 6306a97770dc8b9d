/** Where a command writes; tests pass their own. */
export interface Terminal {
  out(text: string): void;
  err(text: string): void;
  /** Whether stderr is an interactive terminal (progress is shown only then). */
  readonly isTTY: boolean;
  /** Width of stderr in columns, when it is a terminal: progress lines are cut to it. */
  columns?(): number | undefined;
  /** Standard input as bytes, for a file argument of `-` (and the answers of `cleanse review`). */
  readonly stdin?: AsyncIterable<Uint8Array> | Iterable<Uint8Array>;
  /** Whether standard input is an interactive terminal: someone types the answers (they are not echoed then). */
  readonly stdinIsTTY?: boolean;
  /** Writes bytes to standard output (an output of `-`), resolving when they are flushed. */
  writeOut?(bytes: Uint8Array): Promise<void>;
}

/** The process's own terminal. */
export function processTerminal(): Terminal {
  return {
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
    isTTY: process.stderr.isTTY === true,
    columns: () => process.stderr.columns,
    stdin: process.stdin,
    stdinIsTTY: process.stdin.isTTY === true,
    writeOut: (bytes) =>
      new Promise<void>((resolve, reject) => {
        process.stdout.write(bytes, (error) => (error ? reject(error) : resolve()));
      }),
  };
}
