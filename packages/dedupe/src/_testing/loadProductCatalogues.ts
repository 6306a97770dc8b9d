import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { DataRecord } from "@cleanse/core";
import { parse } from "csv-parse/sync";

/** Folder of the generated two-catalogue product dataset (see its README). */
export const productCataloguesDir: string = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "test-data", "products");

function readTable(file: string): DataRecord[] {
  return parse(readFileSync(join(productCataloguesDir, file), "utf8"), { columns: true }) as DataRecord[];
}

/** The two product catalogues (`id, name, description, manufacturer, price` each) and their true links. */
export function loadProductCatalogues(): { left: DataRecord[]; right: DataRecord[]; truth: [string, string][] } {
  const truth = readTable("matches.csv").map((m) => [String(m.left_id), String(m.right_id)] as [string, string]);
  return { left: readTable("left.csv"), right: readTable("right.csv"), truth };
}
