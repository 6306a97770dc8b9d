import { describe, expect, test } from "vitest";
import { reconcile } from "../reconcile/reconcile.ts";
import { renderReconcileMarkdown } from "./renderReconcileMarkdown.ts";

const sample = (): ReturnType<typeof reconcile> =>
  reconcile(
    [
      { id: "1", name: "Wu | <b>", updated_at: "2024-05-01T00:00:00Z" },
      { id: "2", name: "He", updated_at: "2024-05-01T00:00:00Z" },
      { id: "3", name: "Xu", updated_at: "2024-05-01T00:00:00Z" },
    ],
    [
      { id: "1", name: "Wu | <i>", updated_at: "2024-05-01T02:00:00Z" },
      { id: "2", name: "He", updated_at: "2024-05-03T00:00:00Z" },
      { id: "4", name: "Li", updated_at: "2024-05-03T00:00:00Z" },
    ],
    { key: "id", standardize: "none", names: { left: "crm", right: "erp" }, mask: false },
  );

describe("renderReconcileMarkdown", () => {
  test("shows totals, fields, examples, one-sided records and the sync lag", async () => {
    const md = renderReconcileMarkdown(await sample());
    expect(md.split("\n")[0]).toBe("# Reconciliation: crm ↔ erp");
    expect(md).toContain("| matched | 2 |");
    expect(md).toContain("| only in crm | 1 |");
    expect(md).toContain("| name | none | 2 | 1 | 50.0% |");
    expect(md).toContain("| `1` | `Wu \\| <b>` | `Wu \\| <i>` |");
    expect(md).toContain("## Only in erp (first 1)");
    expect(md).toContain("## Sync lag (updated_at − updated_at)");
    expect(md).toContain("| 2.0 h | 2.0 h | 2.0 days | 2.0 days | 2.0 days | 2.0 days | 1.0 days |");
  });

  test("counts the pairs with both timestamps in the singular and the plural", async () => {
    expect(renderReconcileMarkdown(await sample())).toContain("2 matched pairs with both timestamps;");
    const one = await reconcile([{ id: "1", updated_at: "2024-05-01T00:00:00Z" }], [{ id: "1", updated_at: "2024-05-01T01:00:00Z" }], { key: "id", standardize: "none" });
    expect(renderReconcileMarkdown(one)).toContain("1 matched pair with both timestamps;");
  });
});
