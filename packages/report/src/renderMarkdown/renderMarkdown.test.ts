import { describe, expect, test } from "vitest";
import { datasetReport, demoReport, maskedDemoReport } from "../../test-support/fixtures.ts";
import { compareReports } from "../compareReports/compareReports.ts";
import { renderMarkdown } from "./renderMarkdown.ts";

describe("renderMarkdown", () => {
  test("opens with the job's score and counts, then a table of its datasets", () => {
    const md = renderMarkdown(demoReport());
    const lines = md.split("\n");
    expect(lines[0]).toBe("# Data quality: crm-erp-demo");
    expect(lines[2]).toMatch(/^\*\*Score 77\.7\*\* \/ 100 \(poor\) · 1,309 records · 1,028 clean · 281 quarantined \(21\.5%\) · /);
    expect(md).toContain("| [crm_customers](#crm_customers) | 408 | 211 | 197 (48.3%) | 0 | 49.0 |");
    expect(md).toContain("| **all** | **1,309** | **1,028** | **281** (21.5%) | **0** | **77.7** |");
  });

  test("gives each dataset its dimension bars, score distribution, failing rules and fields", () => {
    const md = renderMarkdown(demoReport());
    expect(md).toContain("## erp_orders\n\n**Score 88.9** / 100 (fair) · 640 records: 569 clean, 71 quarantined (11.1%).");
    expect(md).toContain("| integrity | 94.1 | `█████████▍` | 38 of 640 checks failed |");
    expect(md).toContain("Record scores: `     ▁▁▁▁█` (0 → 100), median 100, 10th percentile 95, 569 perfect.");
    expect(md).toContain('| reference | customer_id | error | 38 | 5.9% | record 5: customer_id "E29007" not found in the reference records (erp_id) |');
    expect(md).toContain("| customer_id | 94.1 | 38 | 0 | reference_missing 38 |");
  });

  test("shows examples as the report holds them: masking is the report builder's, not the renderer's", () => {
    const md = renderMarkdown(demoReport());
    expect(md).toContain('| phone | phone | error | 8 | 2.0% | record 29 (line 30): expected a phone number (CN), received "+86 1*****5756" (Invalid phone number "+86 1*****… |');
    expect(md).toContain('| in | status | warning | 213 | 52.2% | record 1 (line 2): "PROSPECT" is not one of "active", "inactive", "prospect" |');
    expect(renderMarkdown(datasetReport())).toContain('received "li.wei#qq.com"');
  });

  test("explains a match of the dedupe section in a collapsed block, with the values the report holds", () => {
    const md = renderMarkdown(maskedDemoReport());
    expect(md).toContain("### Duplicates");
    expect(md).toContain("<details><summary>Why C00002 and C00003 match (match probability 1)</summary>");
    expect(md).toContain("| phone | 158****3798 / 158****3798 | exact | +18.43 |");
    expect(md).toContain("| id_card | ∅ / ∅ | null | ±0 |");
    expect(md).toContain("| **total** | | | **+78.62** |");
  });

  test("says what changed since a baseline", () => {
    const current = datasetReport();
    const baseline = datasetReport({ rules: current.rules.map((r) => (r.rule === "email" ? { ...r, failed: 60, ratio: 0.3 } : r)) });
    const md = renderMarkdown(current, { comparison: compareReports(baseline, current) });
    expect(md).toContain("**Since the baseline** (2025-03-01 08:00:01 UTC): 1 better, 0 worse.");
    expect(md).toContain("| people | email | email | 60 (30.0%) | 40 (20.0%) | −10 pp ▲ |");
  });

  test("renders a dataset report without a score from the report's own dimension scores", () => {
    const dimensions = [
      { dimension: "completeness", failedRecords: 10, score: 95, basis: "records" as const },
      { dimension: "validity", failedRecords: 40, score: 80, basis: "records" as const },
    ];
    const md = renderMarkdown(datasetReport({ sections: {}, dimensions }));
    expect(md.split("\n").slice(0, 3)).toEqual(["# Data quality: people", "", "200 records · 150 clean · 50 quarantined (25.0%) · 1.50 s"]);
    expect(md).toContain("| validity | 80.0 | `████████  ` | 40 records failing |");
    expect(md).toContain("- **warning** row_count: 200 records, expected at least 500");
    expect(md).toContain("> **warning:** 2 rows had an extra column");
    expect(md).toContain("1 more rule found nothing.");
  });

  test("counts one record, one check, one failing record and one rule in the singular", () => {
    const md = renderMarkdown(
      datasetReport({
        totals: { total: 1, clean: 1, quarantined: 0, merged: 0 },
        rules: [{ rule: "unique", field: "id", severity: "error", dimension: "uniqueness", failed: 0, ratio: 0, examples: [] }],
        dimensions: [{ dimension: "uniqueness", failedRecords: 0, score: 100, basis: "checks", weight: 1, records: 1, checks: 1, failed: 0 }],
        sections: {},
      }),
    );
    expect(md.split("\n")[2]).toBe("1 record · 1 clean · 0 quarantined (0%) · 1.50 s");
    expect(md).toContain("## people\n\n1 record: 1 clean, 0 quarantined (0%).");
    expect(md).toContain("| 0 of 1 check failed |");
    expect(md).toContain("\nThe one rule passed.\n");
    const failing = renderMarkdown(datasetReport({ sections: {}, dimensions: [{ dimension: "validity", failedRecords: 1, score: 99.5, basis: "records" }] }));
    expect(failing).toContain("| 1 record failing |");
    const passed = renderMarkdown(datasetReport({ rules: datasetReport().rules.map((r) => ({ ...r, failed: 0, ratio: 0, examples: [] })) }));
    expect(passed).toContain("\nAll 3 rules passed.\n");
  });

  test("says in one sentence how the score is computed, with a link to the formula, which it spells out", () => {
    const md = renderMarkdown(demoReport());
    const lines = md.split("\n");
    expect(lines[4]).toBe(
      "The score is the mean of the record scores (each the weighted mean of the record's dimension scores, from the share of its checks that passed), with quarantined records counting 0 ([how the score is computed](#how-the-score-is-computed)).",
    );
    expect(md).toContain("## How the score is computed\n");
    expect(md).toContain("- Dataset score: Σ S(r) over the records not quarantined / all records, so it is at most 100 × (1 − quarantined share).");
    expect(md).toContain("- Bands: good ≥ 95 with at most 2% quarantined, fair ≥ 80, poor below.");
    expect(renderMarkdown(datasetReport({ sections: {} }))).not.toContain("How the score is computed");
  });

  test.each([
    [97, { total: 1000, clean: 990, quarantined: 10, merged: 0 }, "good"],
    [97, { total: 1000, clean: 970, quarantined: 30, merged: 0 }, "fair"],
    [94.9, { total: 1000, clean: 1000, quarantined: 0, merged: 0 }, "fair"],
    [79.9, { total: 1000, clean: 1000, quarantined: 0, merged: 0 }, "poor"],
  ])("labels a dataset score of %s with %j as %s, in the job headline too", (score, totals, label) => {
    const base = datasetReport();
    const md = renderMarkdown(datasetReport({ totals, sections: { score: { ...(base.sections.score as object), score } } }));
    expect(md).toContain(`**Score ${score.toFixed(1)}** / 100 (${label}) · ${totals.total.toLocaleString("en-US")} records`);
    expect(md).toContain(`**Score ${score.toFixed(1)}** / 100 (${label}) · ${totals.total.toLocaleString("en-US")} records: `);
  });

  test("shows the dimension scores the report holds, the score step's, with their check counts", () => {
    const md = renderMarkdown(demoReport());
    expect(md).toContain("| uniqueness | 88.2 | `████████▉ ` | 48 of 816 checks failed |");
    expect(md).toContain("| validity | 89.3 | `████████▉ ` | 414 of 3,266 checks failed |");
  });

  test("escapes what would break a table", () => {
    const r = datasetReport({ sections: {}, rules: [{ rule: "a|b", field: "x", severity: "error", dimension: "validity", failed: 1, ratio: 0.005, examples: [{ message: "line1\nline2 <b>" }] }] });
    expect(renderMarkdown(r)).toContain("| a\\|b | x | error | 1 | 0.5% | line1 line2 &lt;b> |");
  });
});
