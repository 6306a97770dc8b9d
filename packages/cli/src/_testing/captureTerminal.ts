import type { Terminal } from "../_internal/terminal.ts";

/** A terminal that keeps what a command prints, for tests. */
export function captureTerminal(): Terminal & { stdout: string; stderr: string } {
  const t = {
    stdout: "",
    stderr: "",
    isTTY: false,
    out(s: string) {
      t.stdout += s;
    },
    err(s: string) {
      t.stderr += s;
    },
  };
  return t;
}
