// Seeded generator of synthetic person records with known duplicates, for the dedupe scale benchmark.
// Duplicates carry typos, swapped day/month, missing fields, other phone formats and email changes.
import { mulberry32 } from "../_lib.mjs";

const ONSETS = ["b", "br", "c", "ch", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s", "sh", "st", "t", "th", "v", "w", "z", "gr", "cl", "tr"];
const VOWELS = ["a", "e", "i", "o", "u", "ai", "ea", "ou", "ie", "y"];
const CODAS = ["", "", "n", "r", "s", "l", "m", "t", "nd", "rt", "ck", "ng", "son", "ley", "ton", "man", "er", "ell", "by", "ford"];
const STREET_TYPES = ["street", "road", "avenue", "place", "crescent", "drive", "lane", "court", "parade", "way"];
const DOMAINS = ["gmail.com", "yahoo.com", "outlook.com", "hotmail.com", "icloud.com", "mail.com", "proton.me", "bigpond.com"];

function word(rand, parts) {
  let w = "";
  for (let k = 0; k < parts; k++) {
    w += ONSETS[Math.floor(rand() * ONSETS.length)] + VOWELS[Math.floor(rand() * VOWELS.length)];
  }
  return w + CODAS[Math.floor(rand() * CODAS.length)];
}

function vocabulary(rand, size, minParts, maxParts) {
  const set = new Set();
  while (set.size < size) set.add(word(rand, minParts + Math.floor(rand() * (maxParts - minParts + 1))));
  return [...set];
}

// Skewed pick: common values come up far more often than rare ones.
function zipfPick(rand, list) {
  return list[Math.floor(list.length * rand() ** 2.2)];
}

const pad = (n, w) => String(n).padStart(w, "0");

function typo(rand, s) {
  if (s.length < 2) return s;
  const i = Math.floor(rand() * s.length);
  const letters = "abcdefghijklmnopqrstuvwxyz";
  const c = letters[Math.floor(rand() * 26)];
  switch (Math.floor(rand() * 4)) {
    case 0:
      return s.slice(0, i) + c + s.slice(i + 1);
    case 1:
      return s.slice(0, i) + s.slice(i + 1);
    case 2:
      return s.slice(0, i) + c + s.slice(i);
    default:
      return i + 1 < s.length ? s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2) : s.slice(0, i) + c;
  }
}

function formatPhone(rand, digits) {
  // digits: 9 digits after the trunk 0, e.g. 4xxxxxxxx
  switch (Math.floor(rand() * 4)) {
    case 0:
      return `0${digits}`;
    case 1:
      return `0${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}`;
    case 2:
      return `+61 ${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}`;
    default:
      return `(0${digits.slice(0, 1)}) ${digits.slice(1, 5)} ${digits.slice(5)}`;
  }
}

function capitalize(s) {
  return s.length === 0 ? s : s[0].toUpperCase() + s.slice(1);
}

/**
 * Generates `count` records, about `dupShare` of them duplicates of others.
 * Returns { records, entityOf } where entityOf[k] is the true entity of records[k].
 */
export function generatePeople(count, { seed = 7, dupShare = 0.25 } = {}) {
  const rand = mulberry32(seed);
  const firstNames = vocabulary(rand, 6000, 1, 2);
  const surnames = vocabulary(rand, 40000, 1, 3);
  const streets = vocabulary(rand, 20000, 1, 3);
  const cities = vocabulary(rand, 3000, 1, 3);
  const records = [];
  const entityOf = [];
  let entity = 0;
  while (records.length < count) {
    const e = entity++;
    const first = zipfPick(rand, firstNames);
    const last = zipfPick(rand, surnames);
    const y = 1930 + Math.floor(rand() * 80);
    const m = 1 + Math.floor(rand() * 12);
    const d = 1 + Math.floor(rand() * 28);
    const phoneDigits = `4${pad(Math.floor(rand() * 1e8), 8)}`;
    const base = {
      first_name: capitalize(first),
      last_name: capitalize(last),
      dob: `${y}-${pad(m, 2)}-${pad(d, 2)}`,
      phone: formatPhone(rand, phoneDigits),
      email: `${first}.${last}${rand() < 0.5 ? Math.floor(rand() * 100) : ""}@${DOMAINS[Math.floor(rand() * DOMAINS.length)]}`,
      address: `${1 + Math.floor(rand() * 300)} ${capitalize(zipfPick(rand, streets))} ${capitalize(STREET_TYPES[Math.floor(rand() * STREET_TYPES.length)])}`,
      city: capitalize(zipfPick(rand, cities)),
      postcode: pad(1000 + Math.floor(rand() * 8999), 4),
    };
    records.push(base);
    entityOf.push(e);
    // Number of duplicates: most entities have none.
    const r = rand();
    const dups = r < dupShare * 0.6 ? 1 : r < dupShare * 0.85 ? 2 : r < dupShare ? 3 : 0;
    for (let k = 0; k < dups && records.length < count; k++) {
      const dup = { ...base };
      dup.phone = formatPhone(rand, phoneDigits);
      const edits = 1 + Math.floor(rand() * 3);
      for (let x = 0; x < edits; x++) {
        switch (Math.floor(rand() * 9)) {
          case 0:
            dup.first_name = typo(rand, dup.first_name);
            break;
          case 1:
            dup.last_name = typo(rand, dup.last_name);
            break;
          case 2:
            if (d <= 12) dup.dob = `${y}-${pad(d, 2)}-${pad(m, 2)}`;
            else dup.dob = `${y}-${pad(m, 2)}-${pad(Math.min(28, d + 1), 2)}`;
            break;
          case 3:
            dup[["phone", "email", "address", "city", "dob"][Math.floor(rand() * 5)]] = "";
            break;
          case 4:
            dup.email = rand() < 0.5 ? dup.email.toUpperCase() : typo(rand, dup.email);
            break;
          case 5:
            dup.address = typo(rand, dup.address);
            break;
          case 6:
            dup.city = typo(rand, dup.city);
            break;
          case 7:
            dup.phone = formatPhone(rand, typo(rand, phoneDigits).replace(/\D/g, "0").padEnd(9, "0").slice(0, 9));
            break;
          default:
            dup.postcode = typo(rand, dup.postcode).replace(/\D/g, "1");
        }
      }
      records.push(dup);
      entityOf.push(e);
    }
  }
  // Shuffle so duplicates are not next to each other.
  const order = records.map((_, k) => k);
  for (let k = order.length - 1; k > 0; k--) {
    const j = Math.floor(rand() * (k + 1));
    [order[k], order[j]] = [order[j], order[k]];
  }
  // A JSON round trip leaves flat strings, as a file parser would; concatenated strings are slower to hash.
  return {
    records: JSON.parse(JSON.stringify(order.map((k, pos) => ({ id: `p${pos + 1}`, ...records[k] })))),
    entityOf: order.map((k) => entityOf[k]),
  };
}
