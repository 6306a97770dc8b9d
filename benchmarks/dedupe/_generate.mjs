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
  return shuffled(rand, records, entityOf, "p");
}

/** The records in a random order, so that duplicates are not next to each other, with ids `<prefix>1`, ... */
function shuffled(rand, records, entityOf, prefix) {
  const order = records.map((_, k) => k);
  for (let k = order.length - 1; k > 0; k--) {
    const j = Math.floor(rand() * (k + 1));
    [order[k], order[j]] = [order[j], order[k]];
  }
  // A JSON round trip leaves flat strings, as a file parser would; concatenated strings are slower to hash.
  return {
    records: JSON.parse(JSON.stringify(order.map((k, pos) => ({ id: `${prefix}${pos + 1}`, ...records[k] })))),
    entityOf: order.map((k) => entityOf[k]),
  };
}

// Low-diversity Chinese customer records: a name is one of 100 surnames and one of 80 given names (8,000
// combinations, as in a real customer base where a few surnames cover most people), so at 100k records every
// name is shared by a dozen people who are not the same person.
const CN_SURNAMES = [..."王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"];
const CN_GIVEN = [
  ..."伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红鹏飞辉建国斌宇浩凯健俊帆帅旭宁龙林欣怡婷晨雪琳"
].concat(["子涵", "欣怡", "梓轩", "浩然", "雨泽", "宇轩", "一诺", "思远", "嘉怡", "俊杰", "佳琪", "雅静", "志强", "建华", "海燕", "丽娟", "晓明", "春梅", "文博", "天佑", "梦琪", "子墨", "紫萱", "诗涵", "博文", "晨阳", "晓东", "国庆", "秀兰", "桂芳", "永强", "金凤"]);
const CN_CITIES = ["北京", "上海", "广州", "深圳", "杭州", "成都", "武汉", "南京", "重庆", "西安", "苏州", "天津", "长沙", "郑州", "青岛", "沈阳", "宁波", "东莞", "无锡", "厦门"];
const CN_DOMAINS = ["qq.com", "163.com", "126.com", "sina.com", "foxmail.com", "gmail.com", "outlook.com"];

/**
 * Seeded low-diversity Chinese customer records (`id, name, email, phone, city, dob`) with known duplicates.
 * Duplicates change the phone's format (`+86-138-1234-5678`, `13812345678`), drop or alter the e-mail, move
 * the city, or change one digit of the phone.
 * @param {number} count - records to generate
 * @param {{ seed?: number, dupShare?: number }} [options]
 * @returns {{ records: Record<string, string>[], entityOf: number[] }}
 */
export function generateChineseCustomers(count, { seed = 11, dupShare = 0.2 } = {}) {
  const rand = mulberry32(seed);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const givenNames = CN_GIVEN.slice(0, 80);
  const records = [];
  const entityOf = [];
  let entity = 0;
  while (records.length < count) {
    const e = entity++;
    const name = zipfPick(rand, CN_SURNAMES) + pick(givenNames);
    const mobile = `1${pick(["38", "39", "86", "58", "35", "77", "50", "88"])}${pad(Math.floor(rand() * 1e8), 8)}`;
    const y = 1955 + Math.floor(rand() * 50);
    const base = {
      name,
      email: `${Math.floor(rand() * 1e9).toString(36)}@${pick(CN_DOMAINS)}`,
      phone: mobile,
      city: zipfPick(rand, CN_CITIES),
      dob: `${y}-${pad(1 + Math.floor(rand() * 12), 2)}-${pad(1 + Math.floor(rand() * 28), 2)}`,
    };
    records.push(base);
    entityOf.push(e);
    const r = rand();
    const dups = r < dupShare * 0.7 ? 1 : r < dupShare ? 2 : 0;
    for (let k = 0; k < dups && records.length < count; k++) {
      const dup = { ...base };
      if (rand() < 0.5) dup.phone = `+86-${mobile.slice(0, 3)}-${mobile.slice(3, 7)}-${mobile.slice(7)}`;
      switch (Math.floor(rand() * 4)) {
        case 0:
          dup.email = "";
          break;
        case 1:
          dup.email = dup.email.toUpperCase();
          break;
        case 2:
          dup.city = pick(CN_CITIES);
          break;
        default: {
          const i = 3 + Math.floor(rand() * 8);
          dup.phone = mobile.slice(0, i) + String((Number(mobile[i]) + 1) % 10) + mobile.slice(i + 1);
        }
      }
      records.push(dup);
      entityOf.push(e);
    }
  }
  return shuffled(rand, records, entityOf, "c");
}
