// The CRM/ERP demo end to end through databases: the CRM export (GBK CSV, Chinese headers) goes into
// SQLite, the ERP export (JSON Lines) into PostgreSQL; a pipeline moves clean CRM customers from SQLite
// into PostgreSQL; then the two systems are reconciled there. Every count is checked exactly, and
// against a plain in-memory recount of the same files.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { checkRecords, collect, mapRecords, runPipeline, type DataRecord, type RecordEnvelope } from "../packages/core/src/index.ts";
import { openDbSink, openDbSource } from "../packages/db/src/index.ts";
import { usePostgres } from "../packages/db/src/_testing/usePostgres.ts";
import { reconcile, renderReconcileMarkdown } from "../packages/reconcile/src/index.ts";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

// A snapshot of the demo exports (examples/crm-erp/data), so the exact counts stay put as the demo evolves.
const demo = join(import.meta.dirname, "..", "packages", "db", "test-data", "crm-erp");
const HEADERS: Record<string, string> = {
  客户编号: "customer_id",
  姓名: "name",
  性别: "gender",
  手机: "phone",
  邮箱: "email",
  城市: "city",
  身份证号: "id_card",
  注册日期: "signup_date",
  信用额度: "credit_limit",
  状态: "status",
};

/** A small RFC 4180 reader: enough for the demo export (quoted cells with commas, CRLF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += c;
  }
  if (cell !== "" || row.length > 0) rows.push([...row, cell]);
  return rows;
}

function readCrm(): { records: DataRecord[]; ragged: number } {
  const [header, ...rows] = parseCsv(new TextDecoder("gbk").decode(readFileSync(join(demo, "crm_customers.csv"))));
  const names = header!.map((h) => HEADERS[h] ?? h);
  const records: DataRecord[] = [];
  let ragged = 0;
  for (const row of rows) {
    if (row.length !== names.length) {
      ragged++;
      continue;
    }
    records.push(Object.fromEntries(names.map((n, i) => [n, row[i]])));
  }
  return { records, ragged };
}

const readErp = (): DataRecord[] =>
  readFileSync(join(demo, "erp_customers.jsonl"), "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as DataRecord);

// Inline normalizers, the way the job wires @cleanse/standardize's in production.
const email = (v: unknown): unknown => (typeof v === "string" ? v.trim().toLowerCase() || null : v);
const phone = (v: unknown): unknown => {
  if (typeof v !== "string") return v;
  const d = v.replace(/\D/g, "");
  return d.startsWith("0086") ? d.slice(4) : d.startsWith("86") && d.length === 13 ? d.slice(2) : d || null;
};
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const envelope = (seq: number, record: DataRecord): RecordEnvelope => ({
  record,
  seq,
  location: { record: seq + 1 },
  issues: [],
  changed: undefined,
  mergedInto: undefined,
  status: undefined,
});

const server = usePostgres();

describe.runIf(server.available)("CRM in SQLite, ERP in PostgreSQL, reconciled", () => {
  let dir: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "cleanse-crm-erp-"));
    env = { ERP_DATABASE_URL: await server.createDatabase() };
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const query = async (file: string, sql: string): Promise<DataRecord[]> =>
    (await collect(openDbSource({ sqlite: { path: file, query: sql } }, { baseDir: dir }).batches())).flatMap((b) => b.records);

  test("loads both exports, moves clean CRM customers across, and reconciles the two systems", async () => {
    // 1. Load the exports: CRM into SQLite, ERP into PostgreSQL.
    const crm = readCrm();
    expect(crm).toMatchObject({ ragged: 2 });
    expect(crm.records).toHaveLength(406);
    const crmStage = openDbSink({ sqlite: { path: "crm.db", table: "crm_customers", mode: "replace" } }, { baseDir: dir });
    for (const [i, r] of crm.records.entries()) await crmStage.write(r, envelope(i, r));
    await crmStage.close();

    const erp = readErp();
    expect(erp).toHaveLength(261);
    const erpLoad = openDbSink(
      { postgres: { url_env: "ERP_DATABASE_URL", table: "erp_customers", mode: "replace", key: "erp_id", columns: { credit_limit: "numeric(14,2)", created_at: "timestamptz" } } },
      { env },
    );
    for (const [i, r] of erp.entries()) await erpLoad.write(r, envelope(i, r));
    await erpLoad.close();

    // 2. A pipeline from SQLite to PostgreSQL: normalize, quarantine bad emails.
    const pipeline = await runPipeline({
      source: openDbSource({ sqlite: { path: "crm.db", table: "crm_customers" } }, { baseDir: dir }),
      steps: [
        mapRecords("normalize", (r) => ({ ...r, email: email(r.email), phone: phone(r.phone) })),
        checkRecords("email", (r) =>
          typeof r.email === "string" && EMAIL.test(r.email)
            ? []
            : [{ code: "invalid_format", rule: "email", field: "email", severity: "error", dimension: "validity", message: `not an email: ${String(r.email)}` }],
        ),
      ],
      clean: openDbSink({ postgres: { url_env: "ERP_DATABASE_URL", table: "crm_customers", mode: "replace" } }, { env }),
      quarantine: openDbSink({ sqlite: { path: "quarantine.db", table: "crm_quarantine", mode: "replace" } }, { baseDir: dir }),
    });
    expect(pipeline.totals).toMatchObject({ total: 406, clean: 392, quarantined: 14, merged: 0 });
    expect(await query("quarantine.db", "select count(*) as n from crm_quarantine where _reasons like 'email(email): not an email%'")).toEqual([{ n: 14 }]);

    // 3. Reconcile CRM against ERP inside PostgreSQL, the diff going into SQLite.
    const report = await reconcile(
      openDbSource({ postgres: { url_env: "ERP_DATABASE_URL", table: "crm_customers" } }, { env }),
      openDbSource({ postgres: { url_env: "ERP_DATABASE_URL", table: "erp_customers", read: "copy" } }, { env }),
      {
        key: "email",
        map: { phone: "mobile" },
        fields: ["name", "phone", "city", "credit_limit"],
        standardize: { email, phone, name: "text", city: "text", credit_limit: "number" },
        timestamps: { left: "signup_date", right: "created_at" },
        diff: openDbSink({ sqlite: { path: "diff.db", table: "diff", mode: "replace" } }, { baseDir: dir }),
        names: { left: "crm", right: "erp" },
      },
    );

    expect(report.totals).toEqual({
      left: 392,
      right: 261,
      matched: 242,
      identical: 189,
      mismatched: 53,
      leftOnly: 150,
      rightOnly: 12,
      fuzzyMatched: 0,
      diffRows: 219,
    });
    expect(report.left).toMatchObject({ missingKey: 0, duplicateKeys: 48, unmatchedFields: ["customer_id", "gender", "id_card", "status"] });
    expect(report.right).toMatchObject({ missingKey: 7, duplicateKeys: 0, unmatchedFields: ["erp_id"] });
    expect(Object.fromEntries(report.fields.map((f) => [f.field, f.mismatches]))).toEqual({ name: 7, phone: 12, city: 0, credit_limit: 38 });

    // The same counts, recounted naively from the files.
    const cleanCrm = crm.records.map((r) => email(r.email)).filter((e): e is string => typeof e === "string" && EMAIL.test(e));
    const erpEmails = erp.map((r) => email(r.email)).filter((e): e is string => typeof e === "string");
    const count = (xs: string[]): Map<string, number> => xs.reduce((m, x) => m.set(x, (m.get(x) ?? 0) + 1), new Map<string, number>());
    const l = count(cleanCrm);
    const r = count(erpEmails);
    let matched = 0;
    for (const [k, n] of l) matched += Math.min(n, r.get(k) ?? 0);
    expect(report.totals.matched).toBe(matched);
    expect(report.totals.leftOnly).toBe(cleanCrm.length - matched);
    expect(report.totals.rightOnly).toBe(erpEmails.length - matched);
    expect(report.right.missingKey).toBe(erp.length - erpEmails.length);

    // The diff a steward acts on: one row per one-sided record and per differing field.
    const byStatus = await query("diff.db", "select status, count(*) as n from diff group by status order by status");
    const [phoneRow] = await query("diff.db", "select * from diff where status = 'mismatch' and field = 'phone' order by key limit 1");
    expect(byStatus).toEqual([
      { status: "left_only", n: 150 },
      { status: "mismatch", n: 57 },
      { status: "right_only", n: 12 },
    ]);
    expect(phoneRow).toMatchObject({ status: "mismatch", field: "phone" });

    // Timeliness: the ERP creates its record 0 to 30 days after the CRM sign-up; the outliers are
    // different people sharing an email address. Three matched CRM records were signed up on the
    // impossible 2023-02-30: unreadable, not read as 2 March.
    const lag = report.timeliness!;
    expect(lag).toMatchObject({ pairs: 239, unreadable: 3, rightBehind: 0, sampled: false });
    expect(lag.lagSeconds).toMatchObject({ p50: 14 * 86_400, p90: 28 * 86_400 });
    expect(lag.histogram.map((b) => b.count)).toEqual([0, 8, 0, 0, 47, 179, 5]);
    expect(renderReconcileMarkdown(report)).toContain("| only in erp | 12 |");
  });
});
