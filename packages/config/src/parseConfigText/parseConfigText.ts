import { ConfigError, type SourceLocation } from "@cleanse/core";
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from "yaml";

/** A path into a configuration value: keys and array indexes. */
export type ConfigPath = readonly (string | number)[];

/** A parsed job or rule file that still knows where each value was written. */
export interface ConfigDocument {
  readonly file: string;
  /** The plain value (objects, arrays, strings, numbers, booleans, null). */
  readonly value: unknown;
  /**
   * Where the node at `path` was written. With `key: true`, the key of the last segment.
   * Falls back to the nearest ancestor that exists.
   */
  locate(path: ConfigPath, options?: { readonly key?: boolean }): SourceLocation;
}

/** Options of {@link parseConfigText}. */
export interface ParseConfigTextOptions {
  /** File name used in locations. */
  readonly file: string;
  /** Defaults to `json` for `.json` files and `yaml` otherwise. JSON is parsed as YAML 1.2, its superset. */
  readonly format?: "yaml" | "json";
}

/**
 * Parses YAML or JSON text, keeping the line and column of every value.
 * @param text - the file's text
 * @param options - file name (for messages) and format
 * @returns the parsed document
 * @throws ConfigError (`CLEANSE_CONFIG_SYNTAX`) with file:line:column on a syntax error
 * @example
 * parseConfigText("a:\n  b: 1\n", { file: "job.yaml" }).locate(["a", "b"]) //=> { file: "job.yaml", line: 2, column: 6 }
 */
export function parseConfigText(text: string, options: ParseConfigTextOptions): ConfigDocument {
  const file = options.file;
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true });
  const at = (offset: number): SourceLocation => {
    const pos = lineCounter.linePos(offset);
    return { file, line: pos.line, column: pos.col };
  };
  if (doc.errors.length > 0) {
    const first = doc.errors[0]!;
    const location = at(first.pos[0]);
    const messages = doc.errors.map((e) => `${file}:${at(e.pos[0]).line}:${at(e.pos[0]).column}: ${cleanYamlMessage(e.message)}`);
    throw new ConfigError(`Cannot parse ${file}:\n${messages.join("\n")}`, { code: "CLEANSE_CONFIG_SYNTAX", location });
  }
  const value: unknown = doc.toJS({ maxAliasCount: 100 }) ?? {};
  const root = doc.contents as YamlNode | null;
  return {
    file,
    value,
    locate(path, locateOptions = {}) {
      let node: unknown = root;
      let found: SourceLocation = { file, line: 1, column: 1 };
      if (node && (node as YamlNode).range) found = at((node as YamlNode).range![0]);
      for (let i = 0; i < path.length; i++) {
        const seg = path[i]!;
        const last = i === path.length - 1;
        if (isMap(node)) {
          const pair = node.items.find((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === String(seg));
          if (!pair) return found;
          const keyNode = pair.key as YamlNode | null;
          if (last && locateOptions.key && keyNode?.range) return at(keyNode.range[0]);
          node = pair.value;
          const target = (pair.value as YamlNode | null)?.range ? (pair.value as YamlNode) : keyNode;
          if (target?.range) found = at(target.range[0]);
        } else if (isSeq(node) && typeof seg === "number") {
          const item = node.items[seg] as YamlNode | undefined;
          if (!item) return found;
          node = item;
          if (item.range) found = at(item.range[0]);
        } else {
          return found;
        }
      }
      return found;
    },
  };
}

function cleanYamlMessage(message: string): string {
  const firstLine = message.split("\n")[0] ?? message;
  return firstLine.replace(/ at line \d+, column \d+:?$/, "");
}
