import { describe, expect, test } from "vitest";
import { datasetReport, demoReport, maskedDemoReport } from "../../test-support/fixtures.ts";
import { compareReports } from "../compareReports/compareReports.ts";
import { renderHtml } from "./renderHtml.ts";

const visibleText = (html: string) =>
  html
    .replace(/<style>[\s\S]*?<\/style>|<script>[\s\S]*?<\/script>|<title>[\s\S]*?<\/title>/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");

describe("renderHtml", () => {
  test("is one self-contained file: nothing is loaded from anywhere", () => {
    const html = renderHtml(demoReport(), { comparison: compareReports(demoReport(), demoReport()) });
    expect(html.startsWith("<!doctype html>\n<html lang=\"en\">")).toBe(true);
    expect(html).not.toMatch(/(src|href)\s*=\s*"(https?:)?\/\//i);
    expect(html).not.toMatch(/url\(|@import|@font-face|<link rel="stylesheet"|<script src|<img /i);
    expect(html).toContain('<link rel="icon" href="data:,">');
    expect(html.match(/<script>/g)).toHaveLength(1);
    expect(renderHtml(demoReport(), { noScript: true })).not.toContain("<script");
  });

  test("has light and dark colours and accessible tables and charts", () => {
    const html = renderHtml(demoReport());
    expect(html).toContain("@media (prefers-color-scheme: dark)");
    expect(html).toContain('<meta name="color-scheme" content="light dark">');
    expect(html.match(/<table/g)?.length).toBe(html.match(/<caption/g)?.length);
    expect(html.match(/<svg class="(chart|gauge)"/g)?.length).toBe(html.match(/<svg class="(chart|gauge)"[^>]* role="img" aria-label="[^"]+"/g)?.length);
    expect(html).toContain('<th scope="col" class="num">Failed</th>');
  });

  test("shows the scorecard, the counts, the failing rules and the fields", () => {
    const text = visibleText(renderHtml(demoReport()));
    expect(text).toContain("77.7 of 100 poor");
    expect(text).toContain("Records 1,309 Clean 1,028 78.5% Quarantined 281 21.5% Merged 0");
    expect(text).toContain("crm_customers score 49.0 408 records · 211 clean · 197 quarantined (48.3%) · from crm_customers.csv (gbk)");
    expect(text).toContain("validity 414 of 3,266 checks failed");
    expect(text).toContain("median 95 · 10th percentile 66 · 86 records scored 100");
    expect(text).toContain('reference customer_id error integrity 38 5.9% record 5 customer_id "E29007" not found in the reference records (erp_id)');
    expect(text).toContain("status 47.8 213 / 408 213 0 not_allowed 213");
  });

  test("shows duplicates: clusters, golden records and an explained match, with the values the report holds", () => {
    const html = renderHtml(maskedDemoReport());
    const text = visibleText(html);
    expect(text).toContain("clusters with duplicates 48 duplicates 48 candidate pairs 263 pairs above threshold 48 reduction ratio 99.7%");
    expect(text).toContain("C00002 2 C00002 C00003");
    expect(text).toMatch(/C00002 上海 198000 h\*{5}@126\.com F 何涛 158\*{4}3798/);
    expect(text).toContain("Why C00002 and C00003 match: match probability 1 (threshold 0.9)");
    expect(html).toContain('aria-label="Match weight of each comparison (log2 Bayes factor)"');
    expect(text).toContain("phone 158****3798 / 158****3798 exact 0.91 2.6e-6 3.5e+5 +18.43");
  });

  test("colours the headline by its band: red for the demo, amber for a good score with too much quarantined", () => {
    const html = renderHtml(demoReport());
    expect(html).toContain('<div class="headline poor"><svg class="gauge"');
    expect(html).toContain('<circle class="arc poor"');
    expect(html).toContain('aria-label="Overall quality score: 77.7 out of 100, poor"');
    expect(html).toMatch(/<span class="badge poor" title="quality score \(poor\)">score 49\.0<\/span>/);
    expect(html).toMatch(/<span class="badge fair" title="quality score \(fair\)">score 88\.9<\/span>/);
    const base = datasetReport();
    const score = (value: number, quarantined: number) =>
      renderHtml(datasetReport({ totals: { total: 1000, clean: 1000 - quarantined, quarantined, merged: 0 }, sections: { score: { ...(base.sections.score as object), score: value } } }));
    expect(score(97, 30)).toContain('<circle class="arc fair"');
    expect(score(97, 10)).toContain('<circle class="arc good"');
    expect(score(60, 0)).toContain('<circle class="arc poor"');
  });

  test("says in one sentence how the score is computed, linking to the formula further down", () => {
    const html = renderHtml(demoReport());
    expect(visibleText(html)).toContain(
      "The score is the mean of the record scores (each the weighted mean of the record's dimension scores, from the share of its checks that passed), with quarantined records counting 0 ( how the score is computed ).",
    );
    expect(html).toContain('<a href="#how-the-score-is-computed">how the score is computed</a>');
    expect(html).toContain('<section class="card" id="how-the-score-is-computed"');
    expect(visibleText(html)).toContain("Bands: good ≥ 95 with at most 2% quarantined, fair ≥ 80, poor below.");
  });

  test("escapes every text that comes from the data", () => {
    const evil = '<script>alert("x")</script>';
    const html = renderHtml(
      datasetReport({
        dataset: evil,
        rules: [{ rule: evil, field: evil, severity: "error", dimension: evil, failed: 1, ratio: 0.1, examples: [{ value: evil, message: evil }] }],
        warnings: [evil],
      }),
      { title: evil },
    );
    expect(html).not.toContain("<script>alert");
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
  });

  test("renders what there is of a dedupe section of another shape, and ignores one it cannot read", () => {
    const html = renderHtml(
      datasetReport({
        sections: {
          dedupe: {
            clusters: [{ id: 7, members: [{ id: "a" }, { id: "b" }, "c"] }, "junk"],
            golden: [{ clusterId: "7", name: "Li", lineage: { name: "b" } }],
            explained: { ids: ["a", "b"], priorWeight: -3, contributions: [{ comparison: "name", level: "exact", log2Weight: 5 }], weight: 2, match_probability: 0.8 },
          },
        },
      }),
    );
    const text = visibleText(html);
    expect(text).toContain("7 3 a b c");
    expect(text).toContain("Why a and b match: match probability 0.8");
    expect(() => renderHtml(datasetReport({ sections: { dedupe: "nothing here", score: { score: "bad" } } }))).not.toThrow();
  });

  test("shows the comparison with a baseline", () => {
    const current = datasetReport();
    const baseline = datasetReport({ rules: current.rules.map((r) => (r.rule === "email" ? { ...r, failed: 60, ratio: 0.3 } : r)) });
    const text = visibleText(renderHtml(current, { comparison: compareReports(baseline, current) }));
    expect(text).toContain("Since the baseline Compared with the run that finished 2025-03-01 08:00:01 UTC: 1 better , 0 worse .");
    expect(text).toContain("people email email 60 (30.0%) 40 (20.0%) −10 pp ▲ (better)");
  });

  test("renders a report without a score, dataset checks and warnings", () => {
    const dimensions = [{ dimension: "validity", failedRecords: 40, score: 80, basis: "records" as const }];
    const text = visibleText(renderHtml(datasetReport({ sections: {}, dimensions })));
    expect(text).toContain("validity 40 records failing");
    expect(text).not.toContain("How the score is computed");
    expect(text).not.toContain("of 100");
    expect(text).toContain("Share of records without an error or warning in each dimension.");
    expect(text).toContain("warning row_count : 200 records, expected at least 500");
    expect(text).toContain("Warning: 2 rows had an extra column");
  });

  test("counts one record, one check, one failing record, one dataset and one rule in the singular", () => {
    const score = datasetReport().sections.score as Record<string, unknown>;
    const one = datasetReport({
      totals: { total: 1, clean: 1, quarantined: 0, merged: 0 },
      rules: [{ rule: "unique", field: "id", severity: "error", dimension: "uniqueness", failed: 0, ratio: 0, examples: [] }],
      dimensions: [{ dimension: "uniqueness", failedRecords: 0, score: 100, basis: "checks", weight: 1, records: 1, checks: 1, failed: 0 }],
      sections: { score: { ...score, records: 1, score: 100, quarantined: 0, distribution: { bins: [{ from: 90, to: 100, count: 1 }], perfect: 1, min: 100, max: 100, median: 100, p10: 100 } } },
    });
    const html = renderHtml(one);
    const text = visibleText(html);
    expect(text).toContain(" 1 dataset");
    expect(text).toContain("1 record · 1 clean · 0 quarantined (0%)");
    expect(text).toContain("uniqueness 0 of 1 check failed");
    expect(text).toContain("median 100 · 10th percentile 100 · 1 record scored 100");
    expect(text).toContain("Rules The one rule passed.");
    expect(html).toContain("<title>90–100: 1 record</title>");
    expect(visibleText(renderHtml(datasetReport({ sections: {}, dimensions: [{ dimension: "validity", failedRecords: 1, score: 99.5, basis: "records" }] })))).toContain(
      "validity 1 record failing",
    );
    expect(visibleText(renderHtml(datasetReport(), { maxRules: 1 }))).toContain("1 more failing rule is in the JSON report.");
    expect(visibleText(renderHtml(datasetReport({ rules: datasetReport().rules.map((r) => ({ ...r, failed: 0, ratio: 0, examples: [] })) })))).toContain("All 3 rules passed.");
  });
});
