import type { ProgressEvent } from "@cleanse/core";
import { expect } from "vitest";

/**
 * Checks the rules every phase of a progress stream keeps (it starts at 0 and ends with one final event; `done` never
 * decreases nor passes `total`) and returns the phases in the order they ran.
 */
export function checkProgress(events: readonly ProgressEvent[]): string[] {
  const phases: string[] = [];
  let open: ProgressEvent | undefined;
  for (const e of events) {
    if (open === undefined) {
      expect(e.done, `${e.phase} starts at 0`).toBe(0);
      expect(e.final, `${e.phase} starts with an event that is not final`).toBeUndefined();
      phases.push(e.subject === undefined ? e.phase : `${e.phase} ${e.subject}`);
    } else {
      expect(e.phase).toBe(open.phase);
      expect(e.subject).toBe(open.subject);
      expect(e.unit).toBe(open.unit);
      expect(e.done, `${e.phase} never goes back`).toBeGreaterThanOrEqual(open.done);
    }
    if (e.total !== undefined) expect(e.done, `${e.phase} stays within its total`).toBeLessThanOrEqual(e.total);
    open = e.final === true ? undefined : e;
  }
  expect(open, "every phase ends").toBeUndefined();
  return phases;
}
