import { describe, expect, test } from "vitest";
import { createLineReader } from "./lineReader.ts";

const bytes = (...chunks: string[]) => chunks.map((c) => new TextEncoder().encode(c));

describe("createLineReader", () => {
  test("reads lines split across chunks, with LF or CRLF, and a last line without a line ending", async () => {
    const reader = createLineReader(bytes("y\r\nn", "o\n\nu", "nsure"));
    const lines: (string | undefined)[] = [];
    for (let k = 0; k < 5; k++) lines.push(await reader.next());
    expect(lines).toEqual(["y", "no", "", "unsure", undefined]);
  });

  test("decodes a character split between two chunks", async () => {
    const [all] = bytes("是\n");
    const reader = createLineReader([all!.subarray(0, 2), all!.subarray(2)]);
    expect(await reader.next()).toBe("是");
  });

  test("stops waiting when the signal aborts, and lets its input go", async () => {
    const controller = new AbortController();
    let released = false;
    const input = {
      [Symbol.asyncIterator]: () => ({
        next: () => new Promise<IteratorResult<Uint8Array>>(() => {}),
        return: async () => {
          released = true;
          return { done: true as const, value: undefined };
        },
      }),
    };
    const reader = createLineReader(input, controller.signal);
    const waiting = reader.next();
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ code: "CLEANSE_ABORTED" });
    await reader.close();
    expect(released).toBe(true);
  });
});
