export {
  parseConfigText,
  type ConfigDocument,
  type ConfigPath,
  type ParseConfigTextOptions,
} from "./parseConfigText/parseConfigText.ts";
export { readConfigFile } from "./readConfigFile/readConfigFile.ts";
export { readConfigText, type ReadConfigTextOptions } from "./readConfigText/readConfigText.ts";
export { ConfigValidationError, type ConfigProblem } from "./ConfigValidationError/ConfigValidationError.ts";
export { configError, validateConfig, type ValidateConfigOptions } from "./validateConfig/validateConfig.ts";
export { suggest } from "./suggest/suggest.ts";
export { toJsonSchema, type ToJsonSchemaOptions } from "./toJsonSchema/toJsonSchema.ts";
