/** Applies `headerMap`, names empty headers and makes duplicates unique, with a warning for each change. */
export function headerNames(
  raw: readonly string[],
  options: { readonly headerMap: Readonly<Record<string, string>> | undefined; readonly columns: readonly string[] | undefined; readonly warn: (message: string) => void },
): string[] {
  const map = options.headerMap ?? {};
  for (const from of Object.keys(map)) {
    if (!raw.includes(from)) options.warn(`headerMap renames "${from}", but the header has no such column.`);
  }
  if (options.columns) return [...options.columns];
  const names = raw.map((h) => (Object.hasOwn(map, h) ? map[h]! : h));
  const seen = new Set<string>();
  return names.map((name, i) => {
    let out = name;
    if (out.trim() === "") {
      out = `column${i + 1}`;
      options.warn(`Column ${i + 1} has no name; it is named "${out}".`);
    }
    if (seen.has(out)) {
      let k = 2;
      while (seen.has(`${out}_${k}`) || names.includes(`${out}_${k}`)) k++;
      options.warn(`Column name "${out}" appears more than once; column ${i + 1} is named "${out}_${k}".`);
      out = `${out}_${k}`;
    }
    seen.add(out);
    return out;
  });
}
