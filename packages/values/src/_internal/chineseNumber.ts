/**
 * Reads Chinese numerals as a plain decimal string (`一千二百三十四点五` -> `1234.5`, `壹仟贰佰元整` -> `1200`,
 * `1.5万` -> `15000`, `十二元五角` -> `12.5`). Returns undefined when the text is not one, or when a reading
 * would be a guess (`一百五` may mean 150 or 105: rejected).
 */
export function parseChineseNumber(text: string): { readonly value: string; readonly money: boolean } | undefined {
  let s = text;
  let negative = false;
  if (s.startsWith("负") || s.startsWith("負")) {
    negative = true;
    s = s.slice(1);
  }
  const mixed = MIXED.exec(s);
  if (mixed) {
    // Arabic digits times a unit: 1.5万, 3千元, 2.35亿
    const exponent = UNIT_EXPONENT[mixed[2]!]!;
    const value = shift(mixed[1]!.replace(/,/g, ""), exponent);
    return { value: negative ? `-${value}` : value, money: mixed[3] !== undefined };
  }
  let i = 0;
  const n = s.length;
  // Integer part; 五角 and 三分 have none.
  const intPart = /^[^角分]角|^[^角分]分/.test(s) ? { value: "0", end: 0, empty: true } : readInteger(s, 0);
  if (intPart === undefined) return undefined;
  i = intPart.end;
  let fraction = "";
  let money = false;
  if (i < n && (s[i] === "点" || s[i] === "點")) {
    i++;
    const start = i;
    while (i < n && DIGITS[s[i]!] !== undefined) {
      fraction += String(DIGITS[s[i]!]);
      i++;
    }
    if (i === start) return undefined;
  } else if (i < n && (YUAN.has(s[i]!) || intPart.empty)) {
    money = true;
    if (!intPart.empty) i++;
    // 五角, 五角三分, 零五分, 五分
    if (i < n && (s[i] === "零" || s[i] === "〇")) i++;
    let jiao = "0";
    let fen = "";
    if (i + 1 < n && DIGITS[s[i]!] !== undefined && s[i + 1] === "角") {
      jiao = String(DIGITS[s[i]!]);
      i += 2;
      if (i < n && (s[i] === "零" || s[i] === "〇")) i++;
    }
    if (i + 1 < n && DIGITS[s[i]!] !== undefined && s[i + 1] === "分") {
      fen = String(DIGITS[s[i]!]);
      i += 2;
    }
    fraction = fen ? jiao + fen : jiao === "0" ? "" : jiao;
    if (i < n && (s[i] === "整" || s[i] === "正")) i++;
  }
  if (i !== n || (intPart.empty && fraction === "")) return undefined;
  if (intPart.empty && !money) return undefined;
  const value = (negative ? "-" : "") + intPart.value + (fraction ? `.${fraction}` : "");
  return { value, money };
}

const DIGITS: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, "0": 0, 一: 1, 壹: 1, "1": 1, 二: 2, 贰: 2, 貳: 2, 两: 2, 兩: 2, "2": 2, 三: 3, 叁: 3, 參: 3, "3": 3,
  四: 4, 肆: 4, "4": 4, 五: 5, 伍: 5, "5": 5, 六: 6, 陆: 6, 陸: 6, "6": 6, 七: 7, 柒: 7, "7": 7, 八: 8, 捌: 8, "8": 8,
  九: 9, 玖: 9, "9": 9,
};
const SMALL: Readonly<Record<string, bigint>> = { 十: 10n, 拾: 10n, 百: 100n, 佰: 100n, 千: 1000n, 仟: 1000n };
const BIG: Readonly<Record<string, bigint>> = { 万: 10_000n, 萬: 10_000n, 亿: 100_000_000n, 億: 100_000_000n };
const YUAN = new Set(["元", "圆", "圓", "块", "塊"]);
const UNIT_EXPONENT: Readonly<Record<string, number>> = { 十: 1, 百: 2, 千: 3, 万: 4, 萬: 4, 亿: 8, 億: 8, 万亿: 12 };
const MIXED = /^(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(万亿|十|百|千|万|萬|亿|億)(元|块)?$/;

/** Moves the decimal point of a plain decimal string right by `exponent` places. */
function shift(num: string, exponent: number): string {
  const dot = num.indexOf(".");
  const int = dot < 0 ? num : num.slice(0, dot);
  const frac = dot < 0 ? "" : num.slice(dot + 1);
  const digits = int + frac.padEnd(exponent, "0");
  const newInt = digits.slice(0, int.length + exponent).replace(/^0+(?=\d)/, "");
  const newFrac = digits.slice(int.length + exponent).replace(/0+$/, "");
  return newFrac ? `${newInt}.${newFrac}` : newInt;
}

interface IntegerPart {
  readonly value: string;
  readonly end: number;
  readonly empty: boolean;
}

function readInteger(s: string, from: number): IntegerPart | undefined {
  let i = from;
  const n = s.length;
  // A run of bare digits without units reads digit by digit: 二〇二三 -> 2023.
  let j = i;
  let sequence = "";
  while (j < n && DIGITS[s[j]!] !== undefined) {
    sequence += String(DIGITS[s[j]!]);
    j++;
  }
  const nextIsUnit = j < n && (SMALL[s[j]!] !== undefined || BIG[s[j]!] !== undefined);
  if (!nextIsUnit) {
    if (j === i) return { value: "0", end: i, empty: true };
    if (/[0-9]/.test(s.slice(i, j))) return undefined; // arabic digits need a unit (1.5万) to be read here
    return { value: sequence.length > 1 ? sequence.replace(/^0+(?=\d)/, "") : sequence, end: j, empty: false };
  }
  let total = 0n;
  let wan = -1n; // value before 万 within the current 亿 group, -1 when no 万 yet
  let section = 0n;
  let pending = -1; // a digit waiting for its unit
  let lastSmall = 10_000n;
  let lastBig = 1_000_000_000_000n;
  let afterZero = false;
  let lastUnit = 0n; // the most recent unit, small or big
  let any = false;
  while (i < n) {
    const c = s[i]!;
    const d = DIGITS[c];
    if (d !== undefined) {
      if (/[0-9]/.test(c)) return undefined;
      if (d === 0) {
        if (pending >= 0) return undefined;
        afterZero = true;
        i++;
        continue;
      }
      if (pending >= 0) return undefined; // two digits in a row after a unit
      pending = d;
      any = true;
      i++;
      continue;
    }
    const small = SMALL[c];
    if (small !== undefined) {
      if (small >= lastSmall) return undefined; // 百千: units must fall
      let digit: bigint;
      if (pending >= 0) digit = BigInt(pending);
      else if (small === 10n && section === 0n) digit = 1n; // 十二 = 12, 一百一十 needs the 一
      else return undefined;
      section += digit * small;
      lastSmall = small;
      lastUnit = small;
      pending = -1;
      afterZero = false;
      any = true;
      i++;
      continue;
    }
    const big = BIG[c];
    if (big !== undefined) {
      const group = section + (pending >= 0 ? BigInt(pending) : 0n);
      if (pending >= 0 && (lastUnit === 100n || lastUnit === 1000n) && !afterZero) return undefined; // 一百五万
      if (big === 10_000n) {
        if (wan >= 0n || group === 0n || lastBig <= 10_000n) return undefined;
        wan = group;
      } else {
        const value = (wan >= 0n ? wan * 10_000n : 0n) + group;
        if (value === 0n || total !== 0n || lastBig <= big) return undefined;
        total = value * big;
        wan = -1n;
      }
      lastBig = big;
      lastUnit = big;
      section = 0n;
      pending = -1;
      lastSmall = 10_000n;
      afterZero = false;
      any = true;
      i++;
      continue;
    }
    break;
  }
  if (!any) return undefined;
  if (pending >= 0) {
    // A last bare digit is the ones only after 十 or 零 (or alone): 一百五 could be 150 or 105.
    if (!(lastUnit === 10n || afterZero)) return undefined;
    section += BigInt(pending);
  }
  const value = total + (wan >= 0n ? wan * 10_000n : 0n) + section;
  return { value: value.toString(), end: i, empty: false };
}
