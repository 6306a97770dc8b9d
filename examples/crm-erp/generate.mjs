// Generates the demo data: a CRM customer export (GBK-encoded CSV with Chinese headers) and an ERP
// export (UTF-8 JSON Lines: customers and orders). Seeded, so the files are the same on every run.
// Usage: node generate.mjs [--out data]
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import iconv from "iconv-lite";

const here = dirname(fileURLToPath(import.meta.url));
const outArg = process.argv.indexOf("--out");
const outDir = outArg > 0 ? process.argv[outArg + 1] : join(here, "data");

// mulberry32: small, fast, seedable
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = rng(20230101);
const pick = (xs) => xs[Math.floor(rand() * xs.length)];
const chance = (p) => rand() < p;
const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
const pad = (n, w) => String(n).padStart(w, "0");

const surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗"];
const givenChars = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀", "霞", "平", "刚", "桂", "英", "华", "建", "国", "文", "红", "玉", "兰"];
const cities = ["北京", "上海", "广州", "深圳", "杭州", "成都", "南京", "武汉", "西安", "苏州"];
const pinyin = { 王: "wang", 李: "li", 张: "zhang", 刘: "liu", 陈: "chen", 杨: "yang", 黄: "huang", 赵: "zhao", 吴: "wu", 周: "zhou", 徐: "xu", 孙: "sun", 马: "ma", 朱: "zhu", 胡: "hu", 郭: "guo", 何: "he", 高: "gao", 林: "lin", 罗: "luo" };
const domains = ["qq.com", "163.com", "126.com", "sina.com", "gmail.com", "example.cn"];
const mobilePrefixes = ["138", "139", "136", "150", "151", "186", "187", "135", "158", "189"];

// GB 11643 resident ID: 6-digit area, birth date, 3-digit sequence, checksum
function residentId(birth) {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const codes = "10X98765432";
  const body = pick(["110101", "310104", "440106", "330106", "510107"]) + birth.replace(/-/g, "") + pad(int(1, 999), 3);
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body[i]) * weights[i];
  return body + codes[sum % 11];
}

function person(i) {
  const surname = pick(surnames);
  const given = pick(givenChars) + (chance(0.6) ? pick(givenChars) : "");
  const mobile = pick(mobilePrefixes) + pad(int(0, 99999999), 8);
  const year = int(1960, 2002);
  const birth = `${year}-${pad(int(1, 12), 2)}-${pad(int(1, 28), 2)}`;
  const signup = new Date(Date.UTC(int(2019, 2024), int(0, 11), int(1, 28)));
  return {
    index: i,
    name: surname + given,
    email: `${pinyin[surname]}${int(1, 9999)}@${pick(domains)}`,
    mobile,
    gender: chance(0.5) ? "M" : "F",
    city: pick(cities),
    birth,
    idCard: residentId(birth),
    signup,
    credit: int(0, 500) * 1000 + (chance(0.3) ? int(0, 99) / 100 : 0),
    status: pick(["active", "active", "active", "inactive", "prospect"]),
  };
}

// --- ways the same fact gets written
function phoneVariant(m) {
  return pick([
    m,
    m,
    `+86-${m.slice(0, 3)}-${m.slice(3, 7)}-${m.slice(7)}`,
    `${m.slice(0, 3)} ${m.slice(3, 7)} ${m.slice(7)}`,
    `+86 ${m}`,
    `0086${m}`,
    `(+86)${m}`,
  ]);
}
function dateVariant(d) {
  const y = d.getUTCFullYear(), mo = d.getUTCMonth() + 1, da = d.getUTCDate();
  return pick([
    `${y}-${pad(mo, 2)}-${pad(da, 2)}`,
    `${y}/${pad(mo, 2)}/${pad(da, 2)}`,
    `${pad(da, 2)}-${pad(mo, 2)}-${y}`,
    `${y}年${mo}月${da}日`,
    `${y}${pad(mo, 2)}${pad(da, 2)}`,
  ]);
}
function amountVariant(n) {
  return pick([
    n.toFixed(2),
    String(n),
    n.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
    `￥${n.toLocaleString("en-US", { minimumFractionDigits: 2 })}`,
    n.toFixed(3),
  ]);
}
const genderVariant = (g) => (g === "M" ? pick(["男", "M", "male", "Male"]) : pick(["女", "F", "female", "Female"]));
const statusVariant = (s) => pick([s, s, s, s.toUpperCase(), ` ${s}`, s[0].toUpperCase() + s.slice(1)]);

// --- CRM customers
const people = Array.from({ length: 360 }, (_, i) => person(i));
const crmRows = [];
let crmSeq = 1;
for (const p of people) {
  const row = {
    客户编号: `C${pad(crmSeq++, 5)}`,
    姓名: p.name,
    性别: genderVariant(p.gender),
    手机: phoneVariant(p.mobile),
    邮箱: p.email,
    城市: p.city,
    身份证号: chance(0.7) ? p.idCard : "",
    注册日期: dateVariant(p.signup),
    信用额度: amountVariant(p.credit),
    状态: statusVariant(p.status),
  };
  crmRows.push(row);
  // the same customer entered again, written differently
  if (chance(0.12)) {
    crmRows.push({
      ...row,
      客户编号: `C${pad(crmSeq++, 5)}`,
      姓名: chance(0.3) ? `${p.name.slice(0, 1)} ${p.name.slice(1)}` : p.name,
      手机: phoneVariant(p.mobile),
      邮箱: chance(0.5) ? p.email.toUpperCase() : p.email,
      注册日期: dateVariant(p.signup),
      信用额度: amountVariant(p.credit),
    });
  }
}
// the usual damage
for (const row of crmRows) {
  if (chance(0.03)) row.姓名 = "";
  if (chance(0.03)) row.手机 = "";
  if (chance(0.03)) row.邮箱 = row.邮箱.replace("@", "#");
  if (chance(0.02)) row.手机 = row.手机.replace(/\d$/, "") ; // a digit lost
  if (chance(0.02)) row.身份证号 = row.身份证号 ? row.身份证号.slice(0, 17) + "0" : "";
  if (chance(0.01)) row.注册日期 = "2023-02-30";
}

const crmHeader = Object.keys(crmRows[0]);
const csvCell = (v) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const crmLines = [crmHeader.join(",")];
for (const [i, row] of crmRows.entries()) {
  let line = crmHeader.map((h) => csvCell(String(row[h]))).join(",");
  // an export bug: an unquoted comma inside a field shifts the columns (a ragged row)
  if (i === 57 || i === 211) line = line.replace(row.城市, `${row.城市},${row.城市}区`);
  crmLines.push(line);
}
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, "crm_customers.csv"), iconv.encode(`${crmLines.join("\r\n")}\r\n`, "gbk"));

// --- ERP customers: a subset of the same people, written the ERP way
const erpCustomers = [];
let erpSeq = 10001;
const erpIdOf = new Map();
for (const p of people) {
  if (!chance(0.75)) continue;
  const id = `E${erpSeq++}`;
  erpIdOf.set(p.index, id);
  erpCustomers.push({
    erp_id: id,
    name: p.name,
    mobile: chance(0.9) ? p.mobile : phoneVariant(p.mobile),
    email: p.email,
    created_at: new Date(p.signup.getTime() + int(0, 30) * 86400000).toISOString(),
    credit_limit: chance(0.85) ? p.credit : Number((p.credit * 1.1).toFixed(2)),
    city: p.city,
  });
}
for (const c of erpCustomers) {
  if (chance(0.03)) c.email = null;
  if (chance(0.02)) c.mobile = "";
}
writeFileSync(join(outDir, "erp_customers.jsonl"), erpCustomers.map((c) => JSON.stringify(c)).join("\n") + "\n");

// --- ERP orders, some pointing at customers that do not exist
const erpIds = erpCustomers.map((c) => c.erp_id);
const orders = [];
for (let i = 0; i < 640; i++) {
  const orderDate = new Date(Date.UTC(2024, int(0, 11), int(1, 28)));
  const shipped = chance(0.8);
  const shipDate = new Date(orderDate.getTime() + (chance(0.04) ? -int(1, 5) : int(0, 10)) * 86400000);
  const amount = int(100, 500000) / 100;
  orders.push({
    order_id: `SO${pad(i + 1, 6)}`,
    customer_id: chance(0.05) ? `E${int(20001, 29999)}` : pick(erpIds),
    order_date: orderDate.toISOString().slice(0, 10),
    ship_date: shipped ? shipDate.toISOString().slice(0, 10) : null,
    amount: pick([amount, amount.toFixed(2), amount.toFixed(3), String(Math.round(amount))]),
    currency: chance(0.97) ? "CNY" : pick(["RMB", "cny", "USD"]),
  });
}
writeFileSync(join(outDir, "erp_orders.jsonl"), orders.map((o) => JSON.stringify(o)).join("\n") + "\n");

console.log(`wrote ${crmRows.length} CRM customers, ${erpCustomers.length} ERP customers, ${orders.length} ERP orders to ${outDir}`);
