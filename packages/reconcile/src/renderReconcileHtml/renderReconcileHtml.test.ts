import { describe, expect, test } from "vitest";
import { reconcile } from "../reconcile/reconcile.ts";
import { renderReconcileHtml } from "./renderReconcileHtml.ts";

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

describe("renderReconcileHtml", () => {
  test("is one self-contained page with every value escaped", async () => {
    const html = renderReconcileHtml(await sample());
    expect(html.startsWith("<!doctype html>")).toBe(true);
    expect(html).toContain("<code>Wu | &lt;b&gt;</code>");
    expect(html).not.toContain("Wu | <b>");
    expect(html).not.toMatch(/<script|<link|src=/);
    expect(html).toContain("<h2>Sync lag (updated_at − updated_at)</h2>");
  });

  test("counts the pairs with both timestamps in the singular and the plural", async () => {
    expect(renderReconcileHtml(await sample())).toContain("<p>2 pairs with both timestamps;");
    const one = await reconcile([{ id: "1", updated_at: "2024-05-01T00:00:00Z" }], [{ id: "1", updated_at: "2024-05-01T01:00:00Z" }], { key: "id", standardize: "none" });
    expect(renderReconcileHtml(one)).toContain("<p>1 pair with both timestamps;");
  });
});
