export type { ByteInput } from "./ByteInput/ByteInput.ts";
export { UnknownEncodingError } from "./UnknownEncodingError/UnknownEncodingError.ts";
export { UncertainEncodingError } from "./UncertainEncodingError/UncertainEncodingError.ts";
export { detectEncoding, type DetectedEncoding, type DetectEncodingOptions } from "./detectEncoding/detectEncoding.ts";
export {
  createDecoder,
  type CreateDecoderOptions,
  type DecodeResult,
  type InvalidBytes,
  type StreamDecoder,
} from "./createDecoder/createDecoder.ts";
export { decode } from "./decode/decode.ts";
export { readCsv, type CsvSource, type ReadCsvOptions } from "./readCsv/readCsv.ts";
export { writeCsv, type WriteCsvOptions } from "./writeCsv/writeCsv.ts";
export { readJsonLines, type JsonLinesSource, type ReadJsonLinesOptions } from "./readJsonLines/readJsonLines.ts";
export { writeJsonLines, type WriteJsonLinesOptions } from "./writeJsonLines/writeJsonLines.ts";
export { readJson, type JsonSource, type ReadJsonOptions } from "./readJson/readJson.ts";
export { writeJson, type WriteJsonOptions } from "./writeJson/writeJson.ts";
export { openSource, type OpenSourceOptions, type SourceSpec } from "./openSource/openSource.ts";
export { openSink, type OpenSinkOptions, type SinkSpec } from "./openSink/openSink.ts";
export { writeTextAtomic } from "./writeTextAtomic/writeTextAtomic.ts";
export { outputPathKey, resolveOutputPath } from "./outputPathKey/outputPathKey.ts";
export {
  createOutputSet,
  RUNS_FOLDER,
  type CreateOutputSetOptions,
  type OutputSet,
  type PublishResult,
} from "./createOutputSet/createOutputSet.ts";
