import { ConfigError, formatCount, type SourceLocation } from "@cleanse/core";
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Alias, type Document, type Node as YamlNode } from "yaml";

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
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) ?? {};
  } catch (error) {
    // the yaml package throws a plain ReferenceError, without a position, for too many aliases and for an
    // alias before its anchor
    const worst = error instanceof ReferenceError && /alias count/i.test(error.message) ? largestAlias(doc) : undefined;
    if (worst) {
      const location = at(worst.alias.range?.[0] ?? 0);
      throw new ConfigError(
        `Cannot parse ${file}: ${file}:${location.line}:${location.column}: the alias *${worst.alias.source} expands to ${formatCount(worst.size)} values; aliases that refer to aliases can make a small file take gigabytes (a "billion laughs"). Write the values out, or use fewer nested aliases.`,
        { code: "CLEANSE_CONFIG_ALIASES", location, cause: error },
      );
    }
    const alias = firstAlias(doc);
    const location = alias?.range ? at(alias.range[0]) : { file };
    throw new ConfigError(`Cannot parse ${file}: ${formatAt(location)}${(error as Error).message}`, { code: "CLEANSE_CONFIG_SYNTAX", location, cause: error });
  }
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

/** Alias resolutions the yaml package allows before it gives up on a document (its own default is 100). */
const MAX_ALIAS_COUNT = 100;

const formatAt = (l: SourceLocation): string => (l.line === undefined ? "" : `${l.file}:${l.line}:${l.column}: `);

/**
 * The alias whose value is largest once every alias in it is expanded, and that size in values
 * (scalars and collections). Each alias refers to the last node with its anchor before it.
 */
function largestAlias(doc: Document): { alias: Alias; size: number } | undefined {
  const anchors = new Map<string, YamlNode>();
  const targets = new Map<Alias, YamlNode | undefined>();
  visit(doc, {
    Node(_key, node) {
      if (isAlias(node)) targets.set(node, anchors.get(node.source));
      else if (node.anchor) anchors.set(node.anchor, node);
    },
  });
  const sizes = new Map<unknown, number>();
  const sizeOf = (node: unknown): number => {
    const known = sizes.get(node);
    if (known !== undefined) return known;
    // an alias inside its own anchor's node counts once
    sizes.set(node, 1);
    let size = 1;
    if (isAlias(node)) size = sizeOf(targets.get(node));
    else if (isMap(node)) for (const pair of node.items) size += sizeOf(pair.key) + sizeOf(pair.value);
    else if (isSeq(node)) for (const item of node.items) size += sizeOf(item);
    sizes.set(node, size);
    return size;
  };
  let worst: { alias: Alias; size: number } | undefined;
  for (const alias of targets.keys()) {
    const size = sizeOf(alias);
    if (!worst || size > worst.size) worst = { alias, size };
  }
  return worst;
}

function firstAlias(doc: Document): Alias | undefined {
  let found: Alias | undefined;
  visit(doc, {
    Alias(_key, node) {
      found = node;
      return visit.BREAK;
    },
  });
  return found;
}

function cleanYamlMessage(message: string): string {
  const firstLine = message.split("\n")[0] ?? message;
  return firstLine.replace(/ at line \d+, column \d+:?$/, "");
}
