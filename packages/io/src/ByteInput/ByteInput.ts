/**
 * What the readers accept: a file path, bytes in memory, or a stream of byte chunks. Node
 * `Readable` streams and Web `ReadableStream`s of bytes are async iterables of `Uint8Array`.
 * @example
 * readCsv("crm.csv"); readCsv(fs.createReadStream("crm.csv")); readCsv(await response.bytes());
 */
export type ByteInput = string | Uint8Array | AsyncIterable<Uint8Array> | Iterable<Uint8Array>;
