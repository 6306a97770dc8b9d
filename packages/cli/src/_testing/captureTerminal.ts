import type { Terminal } from "../_internal/terminal.ts";

/** A terminal that keeps what a command prints, for tests; `input` is what a command reads from `-`. */
export function captureTerminal(input?: string | Uint8Array): Terminal & { stdout: string; stderr: string } {
  const decoder = new TextDecoder();
  const t = {
    stdout: "",
    stderr: "",
    isTTY: false,
    ...(input === undefined ? {} : { stdin: [typeof input === "string" ? new TextEncoder().encode(input) : input] }),
    out(s: string) {
      t.stdout += s;
    },
    err(s: string) {
      t.stderr += s;
    },
    async writeOut(bytes: Uint8Array) {
      t.stdout += decoder.decode(bytes, { stream: true });
    },
  };
  return t;
}
