// End to end: runs the CRM/ERP demo data through the pipeline (reading, standardizing, rules, dedupe,
// score), renders the HTML report, opens it in headless Chromium from file://, and checks that the
// key numbers are on the page, that nothing went to the network and that nothing logged an error.
// Screenshots go to examples/crm-erp/out/ (ignored by git). Needs Chromium: scripts/ensure-chromium.sh.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { combineReports, renameFields, runPipeline, type DataRecord, type JobReport, type Step } from "../packages/core/src/index.ts";
import { createDedupeStep } from "../packages/dedupe/src/index.ts";
import { readCsv } from "../packages/io/src/index.ts";
import { compareReports, renderHtml, renderJson } from "../packages/report/src/index.ts";
import { launchChromium, type Browser } from "../packages/report/test-support/chromium.ts";
import { createRulesStep } from "../packages/rules/src/index.ts";
import { createScoreStep, jobScore, prepareScoreSteps } from "../packages/score/src/index.ts";
import { createStandardizeStep } from "../packages/standardize/src/index.ts";
import { maskValue } from "../packages/values/src/index.ts";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const demo = join(root, "examples", "crm-erp");
const out = join(demo, "out");
const ctx = { baseDir: demo };

async function readJsonLines(file: string): Promise<DataRecord[]> {
  const text = await readFile(file, "utf8");
  return text
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as DataRecord);
}

/** The demo job, with the steps a data steward would add: standardize, validate, dedupe, score. */
async function runDemo(): Promise<JobReport> {
  const erpCustomers = await readJsonLines(join(demo, "data", "erp_customers.jsonl"));
  const erpOrders = await readJsonLines(join(demo, "data", "erp_orders.jsonl"));

  const crmSteps: Step[] = prepareScoreSteps([
    renameFields({ 客户编号: "customer_id", 姓名: "name", 性别: "gender", 手机: "phone", 邮箱: "email", 城市: "city", 身份证号: "id_card", 注册日期: "signup_date", 信用额度: "credit_limit", 状态: "status" }),
    createStandardizeStep(
      {
        standardize: {
          phone: { phone: { region: "CN", format: "digits" } },
          email: "email",
          gender: { map: { dictionary: "gender", unmapped: "keep" } },
          signup_date: { date: { order: "dmy" } },
        },
        on_error: "keep",
      } as never,
      ctx,
    ),
    ...createRulesStep(
      {
        fields: {
          customer_id: ["required", "unique"],
          name: ["required", { length: { max: 20 } }],
          phone: { rules: ["required", { phone: { region: "CN" } }], pii: true },
          email: { rules: ["email"], pii: true },
          id_card: { rules: ["cn_id_card"], pii: true },
          signup_date: [{ date: { format: "yyyy-MM-dd" } }],
          credit_limit: [{ range: { min: 0, max: 1000000 } }, { decimal: { scale: 2 } }],
          status: [{ in: ["active", "inactive", "prospect"], severity: "warning" }],
        },
      },
      ctx,
    ),
    createDedupeStep({ idField: "customer_id" }, ctx),
    createScoreStep({ breakdown: true }),
  ]);
  const erpCustomerSteps = prepareScoreSteps([
    ...createRulesStep(
      {
        fields: {
          erp_id: ["required", "unique"],
          name: ["required"],
          mobile: { rules: ["required", { phone: { region: "CN" } }], pii: true },
          email: { rules: ["required", "email"], pii: true },
          credit_limit: [{ range: { min: 0, max: 1000000 } }],
          city: ["required"],
        },
      },
      ctx,
    ),
    createScoreStep(),
  ]);
  const orderSteps = prepareScoreSteps([
    ...createRulesStep(
      {
        fields: {
          order_id: ["required", "unique"],
          order_date: ["required", { date: { format: "yyyy-MM-dd" } }],
          ship_date: [{ date: { format: "yyyy-MM-dd" } }],
          amount: [{ decimal: { scale: 2 }, severity: "warning" }],
          currency: [{ in: ["CNY", "USD"] }],
        },
        checks: [{ name: "ship-after-order", when: "ship_date != null", assert: "ship_date >= order_date", dimension: "consistency" }],
        references: [{ field: "customer_id", in: { field: "erp_id", records: erpCustomers }, dimension: "integrity" }],
      },
      ctx,
    ),
    createScoreStep({ weights: { dimensions: { integrity: 2 } } }),
  ]);
  const reports = [
    await runPipeline({ name: "crm_customers", source: readCsv(join(demo, "data", "crm_customers.csv"), { encoding: "auto" }), steps: crmSteps, mask: maskValue }),
    await runPipeline({ name: "erp_customers", source: erpCustomers, steps: erpCustomerSteps, mask: maskValue }),
    await runPipeline({ name: "erp_orders", source: erpOrders, steps: orderSteps, mask: maskValue }),
  ];
  return combineReports("crm-erp-demo", reports);
}

let browser: Browser;
let report: JobReport;
let htmlFile: string;

beforeAll(async () => {
  report = await runDemo();
  await mkdir(out, { recursive: true });
  htmlFile = join(out, "report.html");
  await writeFile(htmlFile, renderHtml(report));
  if (process.env.CLEANSE_UPDATE_FIXTURES === "1") {
    // paths relative to the repository, so the fixture is the same on every machine
    await writeFile(join(root, "packages", "report", "test-data", "demo-report.json"), renderJson(report).split(`${root}/`).join(""));
  }
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

describe("the HTML report of the CRM/ERP demo", () => {
  test("the demo run is realistic: every dataset is scored and its counts add up", () => {
    expect(report.datasets.map((d) => d.dataset)).toEqual(["crm_customers", "erp_customers", "erp_orders"]);
    for (const d of report.datasets) {
      expect(d.totals.total).toBe(d.totals.clean + d.totals.quarantined + d.totals.merged);
      expect(d.sections.score).toBeDefined();
      expect(d.rules.some((r) => r.failed > 0)).toBe(true);
    }
    expect(report.datasets[0]!.sections.dedupe).toBeDefined();
  });

  test("shows the key numbers, makes no request and logs no error", async () => {
    const { page, errors, requests } = await browser.open(htmlFile);
    const text = await page.locator("body").innerText();
    const fmt = new Intl.NumberFormat("en-US");
    const score = jobScore(report)!.score;
    expect(await page.locator("h1").innerText()).toBe("crm-erp-demo");
    expect(await page.locator("svg.gauge text.gauge-value").textContent()).toBe(score.toFixed(1));
    expect(text).toContain(fmt.format(report.totals.total));
    expect(text).toContain(fmt.format(report.totals.quarantined));
    for (const d of report.datasets) {
      const section = page.locator(`section.dataset[aria-labelledby$="-h"]`, { has: page.locator("h2", { hasText: d.dataset }) });
      await expect.poll(() => section.count()).toBe(1);
      const card = d.sections.score as { score: number };
      expect(await section.locator(".badge").first().innerText()).toBe(`score ${card.score.toFixed(1)}`);
      const worst = d.rules.find((r) => r.failed > 0)!;
      expect(await section.locator("table.sortable").first().innerText()).toContain(worst.rule);
      expect(await section.innerText()).toContain(`${fmt.format(d.totals.quarantined)} quarantined`);
    }
    expect(text).toContain("Explained match");
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    await page.screenshot({ path: join(out, "report.png"), fullPage: true });
    await page.close();
  });

  test("is accessible: language, captions on tables, labels on charts, headings in order", async () => {
    const { page } = await browser.open(htmlFile);
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    const tables = await page.locator("table").count();
    expect(tables).toBeGreaterThan(5);
    expect(await page.locator("table > caption").count()).toBe(tables);
    const charts = page.locator("svg[role=img]");
    expect(await charts.count()).toBeGreaterThan(3);
    for (const label of await charts.evaluateAll((els) => els.map((e) => e.getAttribute("aria-label") ?? ""))) expect(label.length).toBeGreaterThan(10);
    expect(await page.locator("h1").count()).toBe(1);
    await page.close();
  });

  test("sorts a table when its header is clicked", async () => {
    const { page, errors } = await browser.open(htmlFile);
    const table = page.locator("section.dataset table.sortable").first();
    const failedCells = () => table.locator("tbody tr td:nth-child(5)").evaluateAll((tds) => tds.map((td) => Number(td.getAttribute("data-v"))));
    const before = await failedCells();
    await table.locator("thead th:nth-child(5) button").click();
    const after = await failedCells();
    expect(after).toEqual([...before].sort((a, b) => a - b));
    expect(await table.locator("thead th:nth-child(5)").getAttribute("aria-sort")).toBe("ascending");
    expect(errors).toEqual([]);
    await page.close();
  });

  test("renders a comparison with a baseline in the dark theme", async () => {
    const baseline = JSON.parse(renderJson(report)) as JobReport;
    const worse = { ...baseline, datasets: baseline.datasets.map((d) => ({ ...d, rules: d.rules.map((r) => ({ ...r, failed: Math.max(0, r.failed - 3) })) })) };
    const file = join(out, "report-compare.html");
    await writeFile(file, renderHtml(report, { comparison: compareReports(worse, report) }));
    const { page, errors, requests } = await browser.open(file, { colorScheme: "dark" });
    expect(await page.locator("#cmp-h").innerText()).toBe("Since the baseline");
    const bg = await page.evaluate("getComputedStyle(document.body).backgroundColor");
    expect(bg).toBe("rgb(13, 17, 23)");
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    await page.screenshot({ path: join(out, "report-dark.png"), fullPage: true });
    await page.close();
  });
});
