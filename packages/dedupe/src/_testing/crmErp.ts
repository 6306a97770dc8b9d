import type { DataRecord } from "@cleanse/core";
import { createRandom } from "../_internal/random.ts";

const FIRST = ["anna", "ben", "chloe", "daniel", "emma", "felix", "grace", "henry", "isla", "jack", "kate", "liam", "mia", "noah", "olivia", "paul", "quinn", "ruby", "sam", "tara"];
const LAST = ["smith", "jones", "brown", "taylor", "wilson", "nguyen", "chen", "walker", "white", "harris", "martin", "thompson", "young", "king", "wright", "scott"];

/** Two small customer tables: ERP holds a variant of the first `shared` CRM customers plus its own. */
export function crmErp(size = 120, shared = 80, seed = 3): { crm: DataRecord[]; erp: DataRecord[]; truth: [string, string][] } {
  const r = createRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const crm: DataRecord[] = [];
  const erp: DataRecord[] = [];
  const truth: [string, string][] = [];
  for (let i = 0; i < size; i++) {
    const first = pick(FIRST);
    const last = pick(LAST);
    const dob = `19${50 + Math.floor(r() * 50)}-${String(1 + Math.floor(r() * 12)).padStart(2, "0")}-${String(1 + Math.floor(r() * 28)).padStart(2, "0")}`;
    const phone = `04${String(Math.floor(r() * 1e8)).padStart(8, "0")}`;
    crm.push({ id: `C${i}`, first_name: first, last_name: last, dob, phone, email: `${first}.${last}${i}@mail.com` });
    if (i < shared) {
      const typo = i % 3 === 0 ? first.slice(0, -1) : first;
      erp.push({ id: `E${1000 + i}`, first_name: typo.toUpperCase(), last_name: last, dob, phone: `+61 ${phone.slice(1, 4)} ${phone.slice(4, 7)} ${phone.slice(7)}`, email: i % 4 === 0 ? "" : `${first}.${last}${i}@mail.com` });
      truth.push([`C${i}`, `E${1000 + i}`]);
    }
  }
  for (let k = 0; k < size - shared; k++) {
    const first = pick(FIRST);
    const last = pick(LAST);
    erp.push({ id: `E${5000 + k}`, first_name: first, last_name: last, dob: `19${50 + Math.floor(r() * 50)}-01-15`, phone: `04${String(Math.floor(r() * 1e8)).padStart(8, "0")}`, email: `${first}${k}@other.net` });
  }
  return { crm, erp, truth };
}
