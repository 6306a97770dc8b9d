import { Readable } from "node:stream";

/**
 * Exposes an async iterable as a Node object-mode `Readable` that pulls only when read.
 * @param items - the items
 * @returns a Readable in object mode
 * @example
 * toNodeReadable(processRecords(records)).pipe(myWritable)
 */
export function toNodeReadable<T>(items: AsyncIterable<T> | Iterable<T>): Readable {
  return Readable.from(items, { objectMode: true, highWaterMark: 64 });
}

/**
 * Exposes an async iterable as a Web `ReadableStream` that pulls only when read.
 * @param items - the items
 * @returns a ReadableStream
 * @example
 * toWebStream(processRecords(records)).pipeTo(writable)
 */
export function toWebStream<T>(items: AsyncIterable<T> | Iterable<T>): ReadableStream<T> {
  const iterator =
    Symbol.asyncIterator in items ? (items as AsyncIterable<T>)[Symbol.asyncIterator]() : (items as Iterable<T>)[Symbol.iterator]();
  return new ReadableStream<T>(
    {
      async pull(controller) {
        const next = await iterator.next();
        if (next.done) controller.close();
        else controller.enqueue(next.value);
      },
      async cancel(reason) {
        await iterator.return?.(reason);
      },
    },
    { highWaterMark: 16 },
  );
}
