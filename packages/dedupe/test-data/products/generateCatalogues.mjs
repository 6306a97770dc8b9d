// Generates a made-up product-linkage dataset of two catalogues of electronics: left.csv (an item master),
// right.csv (a web shop) and matches.csv (left_id,right_id). Every product and model code is invented.
// Deterministic: the same seed writes byte-identical files. Node only, no dependencies.
//
//   node generateCatalogues.mjs [--out <dir>] [--seed <n>]
//
// --out defaults to this script's folder, --seed to 20240.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { mulberry32 } from "../../../../benchmarks/_lib.mjs";

const PRODUCTS = 440;
const LEFT_ONLY = 40;
const RIGHT_ONLY = 40;
/** One-sided products that come in pairs: one variant of a series on the left only, another on the right only. */
const CROSS_SIBLINGS = 16;

// Seeded randomness: the benchmarks' mulberry32, so every machine writes the same files.

let rnd = mulberry32(1);
const int = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));
const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
const chance = (p) => rnd() < p;
const pad = (n, w) => String(n).padStart(w, "0");
const squash = (s) => s.replace(/[^A-Za-z0-9]/g, "").toLowerCase();
function shuffle(xs) {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}
/** `k` distinct items of `xs`, in their original order. */
function some(xs, k) {
  const chosen = new Set(shuffle(xs.map((_, i) => i)).slice(0, Math.min(k, xs.length)));
  return xs.filter((_, i) => chosen.has(i));
}
/** First form with probability `p`, else any other. */
const mostly = (forms, p) => (forms.length === 1 || chance(p) ? forms[0] : pick(forms.slice(1)));

// ---------------------------------------------------------------------------------------------------------------
// Ways of writing things.

const COLOURS = {
  Black: ["Black", "Blk", "BLK", "black"],
  Silver: ["Silver", "Slv", "SLV", "silver"],
  White: ["White", "Wht", "WHT", "white"],
  Red: ["Red", "RD", "red"],
  Blue: ["Blue", "Blu", "BL", "blue"],
  Pink: ["Pink", "Pnk", "pink"],
  Gray: ["Gray", "Grey", "Gry"],
};

const MAKERS = {
  Sony: ["Sony", "SONY", "Sony Corp.", "Sony Electronics Inc."],
  Samsung: ["Samsung", "SAMSUNG", "Samsung Electronics", "Samsung Electronics America"],
  LG: ["LG", "LG Electronics", "LG Electronics USA"],
  Panasonic: ["Panasonic", "PANASONIC", "Panasonic Corp.", "Panasonic Consumer Electronics"],
  Sharp: ["Sharp", "SHARP", "Sharp Electronics", "Sharp Corp."],
  Toshiba: ["Toshiba", "TOSHIBA", "Toshiba America", "Toshiba Corp."],
  HP: ["HP", "Hewlett-Packard", "Hewlett Packard", "HP Inc."],
  Dell: ["Dell", "DELL", "Dell Inc.", "Dell Computer"],
  Lenovo: ["Lenovo", "LENOVO", "Lenovo Group", "Lenovo (US)"],
  ASUS: ["ASUS", "Asus", "ASUSTeK Computer", "ASUS Computer International"],
  Acer: ["Acer", "ACER", "Acer America", "Acer Inc."],
  Canon: ["Canon", "CANON", "Canon U.S.A.", "Canon Inc."],
  Nikon: ["Nikon", "NIKON", "Nikon Inc.", "Nikon Corp."],
  Kodak: ["Kodak", "KODAK", "Eastman Kodak", "Eastman Kodak Co."],
  Sennheiser: ["Sennheiser", "SENNHEISER", "Sennheiser Electronic", "Sennheiser USA"],
  "Audio-Technica": ["Audio-Technica", "Audio Technica", "AUDIO-TECHNICA", "Audio-Technica U.S."],
  JVC: ["JVC", "Jvc", "JVC Americas", "Victor Company of Japan"],
  Philips: ["Philips", "PHILIPS", "Philips Electronics", "Royal Philips"],
  SanDisk: ["SanDisk", "Sandisk", "SANDISK", "SanDisk Corp."],
  Kingston: ["Kingston", "KINGSTON", "Kingston Technology", "Kingston Technology Co."],
  Lexar: ["Lexar", "LEXAR", "Lexar Media", "Lexar Media Inc."],
  Transcend: ["Transcend", "TRANSCEND", "Transcend Information", "Transcend Info."],
  PNY: ["PNY", "Pny", "PNY Technologies", "PNY Technologies Inc."],
  Brother: ["Brother", "BROTHER", "Brother International", "Brother Industries"],
  Epson: ["Epson", "EPSON", "Epson America", "Seiko Epson"],
  ViewSonic: ["ViewSonic", "Viewsonic", "VIEWSONIC", "ViewSonic Corp."],
  Netgear: ["Netgear", "NETGEAR", "Netgear Inc.", "NETGEAR, Inc."],
  Linksys: ["Linksys", "LINKSYS", "Cisco-Linksys", "Linksys by Cisco"],
  "D-Link": ["D-Link", "D-LINK", "DLink", "D-Link Systems"],
  "TP-Link": ["TP-Link", "TP-LINK", "TPLink", "TP-Link Technologies"],
  Belkin: ["Belkin", "BELKIN", "Belkin International", "Belkin Corp."],
  Buffalo: ["Buffalo", "BUFFALO", "Buffalo Technology", "Buffalo Inc."],
  Optoma: ["Optoma", "OPTOMA", "Optoma Technology", "Optoma Corp."],
  InFocus: ["InFocus", "Infocus", "INFOCUS", "InFocus Corp."],
  Intel: ["Intel", "INTEL", "Intel Corp.", "Intel Corporation"],
  AMD: ["AMD", "Amd", "Advanced Micro Devices", "AMD Inc."],
  "Western Digital": ["Western Digital", "WD", "WESTERN DIGITAL", "Western Digital Corp."],
  Seagate: ["Seagate", "SEAGATE", "Seagate Technology", "Seagate Technology LLC"],
};

/** Words the item master shortens, with the short forms it uses. */
const ABBREVIATIONS = [
  [/\bDigital Camera\b/, ["Dig Camera", "Digicam", "Digital Cam"]],
  [/\bHeadphones\b/, ["Headphone", "Hdphn", "Headphns"]],
  [/\bMemory Card\b/, ["Mem Card", "Memory Crd"]],
  [/\bMonitor\b/, ["Mntr", "Mon"]],
  [/\bWireless\b/, ["Wrls", "WL"]],
  [/\bRouter\b/, ["Rtr"]],
  [/\bPrinter\b/, ["Prntr", "Prn"]],
  [/\bReplacement\b/, ["Repl", "Repl."]],
  [/\bProjector\b/, ["Proj", "Proj."]],
  [/\bProcessor\b/, ["Proc", "CPU"]],
  [/\bHard Drive\b/, ["HDD", "Hard Drv"]],
  [/\bNotebook\b/, ["NB", "Notebk"]],
  [/\bWidescreen\b/, ["WS", "Wide"]],
  [/\bExternal\b/, ["Ext", "Ext."]],
  [/\bPortable\b/, ["Port", "Portbl"]],
  [/\bwith\b/, ["w/"]],
  [/\bTelevision\b/, ["TV"]],
];

const MARKETING_BEFORE = ["New", "Brand New", "NEW!", "Genuine", "Hot Deal:", "Top Rated", "Best Seller -"];
const MARKETING_AFTER = ["- Brand New", "w/ Free Shipping", "(Retail Packaging)", "- Factory Sealed", "- Limited Offer", "** Free Shipping **", "| Authorized Dealer", "- Energy Efficient"];

function writeCode(code, style) {
  switch (style) {
    case "plain":
      return code.replace(/[-\s]/g, "");
    case "space":
      return code.replace(/-/g, " ");
    case "lower":
      return code.toLowerCase();
    default:
      return code;
  }
}

function writeSize(inches, left) {
  const v = String(inches);
  return left ? pick([`${v}"`, `${v}"`, `${v}in`, `${v} in`, `${v}''`]) : pick([`${v}"`, `${v}-Inch`, `${v} inch`, `${v} in.`, `${v}"`, `${v}-inch`]);
}

function writeAmount(n, unit) {
  if (unit === "TB" && chance(0.15)) return pick([`${n * 1000}GB`, `${n * 1000} GB`]);
  const forms = [`${n}${unit}`, `${n}${unit}`, `${n} ${unit}`, `${n} ${unit}`, `${n}-${unit}`];
  if (unit === "GB") forms.push(`${n}G`, `${n}gb`);
  return pick(forms);
}

/** A value of a product's spec, written one of its ways. */
function writeSpec(key, value, left) {
  if (key === "size") return writeSize(value, left);
  if (key === "colour") return left ? mostly(COLOURS[value], 0.4) : mostly(COLOURS[value], 0.7);
  if (Array.isArray(value)) return left ? mostly(value, 0.5) : pick(value);
  if (typeof value === "object" && value !== null) return `${writeAmount(value.n, value.unit)}${value.after ?? ""}`;
  return String(value);
}

// ---------------------------------------------------------------------------------------------------------------
// Product series. Each returns the variants of one series: same line, codes differing by a size, capacity, colour
// or model suffix, so most series hold hard negatives for one another.

const amount = (n, unit, after) => ({ n, unit, ...(after ? { after } : {}) });
const ghz = (g) => [`${g}GHz`, `${g} GHz`, `${g}Ghz`];
const mb = (n, what) => [`${n}MB ${what}`, `${n} MB ${what}`, `${n}MB`];
const colourCodes = (codes) => some(Object.keys(codes), int(2, Math.min(3, Object.keys(codes).length))).map((c) => [c, codes[c]]);

function tvSeries() {
  const maker = pick(["Sony", "Samsung", "LG", "Panasonic", "Sharp", "Toshiba"]);
  const sizesOf = (all) => some(all, int(1, 3));
  const hz = pick(["60Hz", "120Hz", "240Hz"]);
  const res = hz === "60Hz" && chance(0.3) ? ["720p", "HD Ready 720p"] : ["1080p", "Full HD 1080p", "1080p Full HD"];
  const base = { brand: maker, category: "tv", features: [res, [hz, `${hz} refresh`], pick([["4 HDMI", "4x HDMI"], ["3 HDMI", "3x HDMI"], ["ENERGY STAR"]])] };
  const priceOf = (size) => size * int(22, 34) - 1 + 0.99;
  let series;
  if (maker === "Sony") {
    const s = pick(["V", "W", "Z", "S", "XBR"]);
    const n = pick([5100, 5500, 4100, 3100, 400, 600]);
    series = sizesOf([32, 40, 46, 52]).map((size) => ({ line: [`BRAVIA ${s} Series`, `Bravia ${s}-Series`, "BRAVIA"], code: `KDL-${size}${s}${n}`, spec: { size }, price: priceOf(size) }));
  } else if (maker === "Samsung") {
    const p = pick(["LN", "UN", "PN"]);
    const g = pick(["A", "B", "C"]);
    const n = p === "UN" ? pick([6000, 6500, 7000, 8000]) : pick([450, 530, 550, 630, 650, 750]);
    const ser = String(n)[0];
    series = sizesOf(p === "PN" ? [42, 50, 58] : [32, 40, 46, 55]).map((size) => ({
      line: [`Series ${ser}`, `${ser} Series`, `Series-${ser}`],
      code: `${p}${size}${g}${n}`,
      spec: { size },
      ...(p === "PN" ? { noun: ["Plasma HDTV", "Plasma TV", "Flat Panel Plasma HDTV"] } : p === "UN" ? { noun: ["LED HDTV", "LED-LCD HDTV", "LED TV"] } : {}),
      price: priceOf(size),
    }));
  } else if (maker === "LG") {
    const k = pick(["LH", "LD", "SL", "LF"]);
    const n = pick([20, 30, 40, 50, 55, 90]);
    series = sizesOf([32, 37, 42, 47, 55]).map((size) => ({ line: [`${k} Series`, `${k}-Series`], code: `${size}${k}${n}`, spec: { size }, price: priceOf(size) }));
  } else if (maker === "Panasonic") {
    const g = pick(["G", "S", "V", "X"]);
    const n = pick([1, 10, 15, 25]);
    series = sizesOf([42, 46, 50, 54, 58]).map((size) => ({
      line: ["VIERA", "Viera", `VIERA ${g}${n} Series`],
      code: `TC-P${size}${g}${n}`,
      spec: { size },
      noun: ["Plasma HDTV", "Plasma TV", "VIERA Plasma HDTV", "Flat Panel Plasma Television"],
      price: priceOf(size),
    }));
  } else if (maker === "Sharp") {
    const n = pick([43, 65, 85, 92, 77]);
    series = sizesOf([32, 37, 42, 46, 52]).map((size) => ({ line: ["AQUOS", "Aquos", `AQUOS D${n} Series`], code: `LC-${size}D${n}U`, spec: { size }, price: priceOf(size) }));
  } else {
    const n = pick([545, 645, 648, 740]);
    series = sizesOf([32, 40, 46, 52, 55]).map((size) => ({ line: ["REGZA", "Regza", `REGZA XV${n} Series`], code: `${size}XV${n}U`, spec: { size }, price: priceOf(size) }));
  }
  return series.map((v) => ({ ...base, noun: ["LCD HDTV", "LCD TV", "Flat Panel LCD HDTV", "LCD Television"], ...v, title: ["size"], titleExtra: [0, 1] }));
}

function laptopSeries() {
  const maker = pick(["HP", "Dell", "Lenovo", "ASUS", "Toshiba", "Acer", "Sony"]);
  const cpus = [["Intel Core 2 Duo T6600", "Core 2 Duo T6600", "C2D T6600"], ["Intel Core 2 Duo P8700", "Core 2 Duo P8700", "C2D P8700"], ["Intel Core i3-330M", "Core i3 330M", "i3-330M"], ["Intel Core i5-430M", "Core i5 430M", "i5-430M"], ["AMD Turion II M500", "Turion II M500", "AMD M500"], ["Intel Pentium T4300", "Pentium T4300", "Pentium Dual-Core T4300"]];
  const configs = () => {
    const ram = pick([2, 3, 4, 4, 6, 8]);
    const disk = pick([250, 320, 500, 500, 640]);
    return { cpu: pick(cpus), ram: amount(ram, "GB", pick([" RAM", " Memory", " DDR2", ""])), disk: amount(disk, "GB", pick([" HDD", " Hard Drive", ""])), price: 399.99 + ram * 40 + disk * 0.3 + int(0, 6) * 50 };
  };
  const base = { brand: maker, category: "laptop", noun: ["Notebook PC", "Notebook", "Laptop", "Laptop Computer"], features: [["Windows 7 Home Premium", "Win 7 Home Premium", "Windows 7"], ["Webcam", "Built-in Webcam"], ["802.11n", "Wi-Fi", "WiFi 802.11n"]] };
  const title = ["size", "cpu", "ram", "disk"];
  const k = int(1, 3);
  const out = [];
  if (maker === "HP") {
    const n = pick([4, 6, 7]);
    const start = int(100, 399) * 10;
    for (let i = 0; i < k; i++) out.push({ line: [`Pavilion dv${n}`, `Pavilion DV${n}`, `dv${n}`], code: `dv${n}-${start + i * 5}us`, spec: { size: { 4: 14.1, 6: 15.6, 7: 17.3 }[n], ...configs() } });
  } else if (maker === "Dell") {
    const d = pick([14, 15, 17]);
    const n = int(1, 9) * 1000 + int(10, 99) * 10;
    for (const [colour, c] of colourCodes({ Black: "BK", Red: "RD", Blue: "BL", Pink: "PK" })) out.push({ line: [`Inspiron ${d}R`, `Inspiron ${d}`, `Inspiron-${d}R`], code: `I${d}RN-${n}${c}`, spec: { size: { 14: 14, 15: 15.6, 17: 17.3 }[d], ...configs(), colour } });
    const shared = configs();
    for (const v of out) Object.assign(v.spec, { cpu: shared.cpu, ram: shared.ram, disk: shared.disk, price: shared.price });
  } else if (maker === "Lenovo") {
    const m = pick(["T410", "T510", "X201", "SL510", "R500", "W510"]);
    const mt = pick(["2537", "2522", "4313", "2847", "2518", "4318"]);
    for (let i = 0; i < k; i++) out.push({ line: [`ThinkPad ${m}`, `Thinkpad ${m}`, `ThinkPad ${m.replace(/(\d+)/, " $1")}`], code: `${mt}${pick("ABCDEFGHJKLMNPRSTUVWXYZ")}${pick("ABCDEFGHJKLMNPRSTUVWXYZ")}${int(1, 9)}`, spec: { size: m.startsWith("X") ? 12.1 : m === "T410" ? 14.1 : 15.6, ...configs() } });
  } else if (maker === "ASUS") {
    const m = pick(["UL30A", "K52F", "X540SA", "N61JQ", "U36JC", "K60IJ"]);
    const size = pick([13.3, 14, 15.6, 16]);
    for (const s of some(["A1", "A2", "X1", "X5", "B1", "RBPDN09"], k)) out.push({ line: [m, `${m} Series`], code: `${m}-${s}`, spec: { size, ...configs() } });
  } else if (maker === "Toshiba") {
    const m = pick(["L505", "A505", "M505", "T135", "L455"]);
    const start = int(50, 99) * 100 + pick([0, 10, 50]);
    for (let i = 0; i < k; i++) out.push({ line: [`Satellite ${m}`, `Satellite-${m}`, `Sat. ${m}`], code: `${m}-S${start + i * pick([1, 2, 10])}`, spec: { size: m === "T135" ? 13.3 : 15.6, ...configs() } });
  } else if (maker === "Acer") {
    const m = pick(["5736Z", "5740", "1410", "5532", "7738G"]);
    const start = int(1000, 9000);
    for (let i = 0; i < k; i++) out.push({ line: [`Aspire ${m}`, `Aspire AS${m}`, `Aspire-${m}`], code: `AS${m}-${start + i * int(1, 40)}`, spec: { size: m === "1410" ? 11.6 : m.startsWith("77") ? 17.3 : 15.6, ...configs() } });
  } else {
    const m = pick(["NW", "CW", "FW", "EB"]);
    const n = int(20, 29) * 10;
    const shared = configs();
    for (const [colour, c] of colourCodes({ Silver: "S", Black: "B", Red: "R", Blue: "L", Pink: "P" })) out.push({ line: [`VAIO ${m} Series`, `Vaio ${m}`, `VAIO ${m}`], code: `VGN-${m}${n}F/${c}`, spec: { size: m === "CW" ? 14 : 15.5, ...shared, colour } });
  }
  return out.map(({ spec: { price, ...spec }, ...v }) => ({ ...base, ...v, spec, price: v.price ?? price, title: spec.colour ? [...title, "colour"] : title }));
}

function cameraSeries() {
  const maker = pick(["Sony", "Canon", "Nikon", "Panasonic", "Kodak", "Sony DSLR"]);
  const mp = pick([8.1, 10, 10.1, 12.1, 14.1, 12]);
  const zoom = pick([3, 4, 5, 10, 12]);
  const spec = { mp: [`${mp}MP`, `${mp} MP`, `${mp} Megapixel`, `${mp}-Megapixel`], zoom: [`${zoom}x Optical Zoom`, `${zoom}x Zoom`, `${zoom}X Optical`, `${zoom}x`] };
  const base = { category: "camera", noun: ["Digital Camera", "Camera", "Compact Digital Camera", "Point & Shoot Camera"], features: [[`${pick([2.5, 2.7, 3])}" LCD`, `${pick([2.5, 2.7, 3])}-inch LCD`], ["HD Video", "720p HD Movie", "HD Movie Mode"], ["Image Stabilization", "Optical Image Stabilizer"]] };
  const price = int(9, 35) * 10 - 0.01;
  let out;
  if (maker === "Sony") {
    const s = pick(["W", "S", "T", "H"]);
    const n = int(10, 39) * 10;
    out = colourCodes({ Black: "B", Silver: "S", Pink: "P", Blue: "L", Red: "R" }).map(([colour, c]) => ({ brand: "Sony", line: ["Cyber-shot", "Cybershot", "Cyber-Shot"], code: `DSC-${s}${n}${c}`, spec: { ...spec, colour } }));
  } else if (maker === "Canon") {
    const s = pick(["SD", "SX", "A"]);
    const n = s === "A" ? int(10, 20) * 100 + pick([0, 50, 90]) : s === "SX" ? int(11, 21) * 10 : int(78, 140) * 10;
    const code = int(2100, 4200);
    out = colourCodes({ Silver: "", Black: "", Blue: "", Pink: "", Red: "" }).map(([colour], i) => ({ brand: "Canon", line: [`PowerShot ${s}${n} IS`, `PowerShot ${s}${n}IS`, `Powershot ${s}${n} IS`, `${s}${n} IS`], code: `${code + i}B001`, spec: { ...spec, colour }, lineIsModel: true }));
  } else if (maker === "Nikon") {
    const s = pick(["S", "L", "P"]);
    const n = s === "P" ? int(8, 11) * 10 : int(20, 64) * 10;
    const code = int(25100, 26400);
    out = colourCodes({ Black: "", Silver: "", Red: "", Pink: "", Blue: "" }).map(([colour], i) => ({ brand: "Nikon", line: [`Coolpix ${s}${n}`, `COOLPIX ${s}${n}`, `Coolpix-${s}${n}`], code: `${code + i}`, spec: { ...spec, colour }, lineIsModel: true }));
  } else if (maker === "Panasonic") {
    const s = pick(["FH", "ZS", "TS", "FS", "FX"]);
    const n = int(1, 35);
    out = colourCodes({ Black: "K", Silver: "S", Red: "R", Blue: "A" }).map(([colour, c]) => ({ brand: "Panasonic", line: ["Lumix", "LUMIX", `Lumix ${s}${n}`], code: `DMC-${s}${n}${c}`, spec: { ...spec, colour } }));
  } else if (maker === "Kodak") {
    const s = pick(["M", "C", "Z"]);
    const start = int(14, 98) * 10;
    out = some([0, 10, 20, 40], int(1, 3)).map((d) => ({ brand: "Kodak", line: ["EasyShare", "Easyshare", "EASYSHARE"], code: `${s}${start + d}`, spec: { ...spec, mp: [`${Math.round(mp * 10 + d) / 10}MP`, `${Math.round(mp * 10 + d) / 10} MP`, `${Math.round(mp * 10 + d) / 10} Megapixel`] } }));
  } else {
    const n = pick([230, 330, 380, 500, 550, 850]);
    const kits = { "": ["Body Only", "(Body)", "body only"], L: ["with 18-55mm Lens", "w/ 18-55mm Lens", "Kit with DT 18-55mm"], Y: ["with 18-55mm and 55-200mm Lenses", "2 Lens Kit 18-55mm & 55-200mm", "Twin Lens Kit"] };
    out = some(Object.keys(kits), int(2, 3)).map((kit) => ({
      brand: "Sony",
      category: "dslr",
      line: ["Alpha", "alpha", "α"],
      code: `DSLR-A${n}${kit}`,
      noun: ["Digital SLR Camera", "DSLR Camera", "Digital SLR"],
      spec: { mp: spec.mp, kit: kits[kit] },
      price: 449.99 + n + (kit === "" ? 0 : kit === "L" ? 100 : 250),
    }));
    return out.map((v) => ({ ...base, ...v, features: base.features.slice(1), title: ["mp", "kit"] }));
  }
  return out.map((v) => ({ ...base, ...v, price: v.price ?? price, title: v.spec.colour ? ["mp", "zoom", "colour"] : ["mp", "zoom"] }));
}

function headphoneSeries() {
  const maker = pick(["Sony", "Sennheiser", "Audio-Technica", "JVC", "Philips"]);
  const kind = pick([
    { noun: ["Headphones", "Stereo Headphones", "Over-Ear Headphones"], type: ["Over-Ear", "Closed-Back", "Full-Size"] },
    { noun: ["Earbuds", "In-Ear Headphones", "Earphones", "In-Ear Monitors"], type: ["In-Ear", "Canal-Type", "In Ear"] },
    { noun: ["Noise Canceling Headphones", "Noise Cancelling Headphones", "Active Noise Canceling Headphones"], type: ["Noise-Canceling", "NC"] },
  ]);
  const price = int(2, 30) * 5 - 0.01;
  const base = { category: "headphones", noun: kind.noun, features: [kind.type, ["3.5mm", "3.5 mm plug", "1/8\" plug"], [`${int(10, 50)}mm drivers`, `${int(10, 50)} mm driver`]] };
  let out;
  if (maker === "Sony") {
    const s = pick(["XB", "EX", "V", "ZX", "NC"]);
    out = some([100, 150, 300, 500, 700], int(1, 3)).map((n) => ({ brand: "Sony", line: [`${s} Series`, ""], code: `MDR-${s}${n}`, spec: {}, price: price + n / 10 }));
  } else if (maker === "Sennheiser") {
    const s = pick(["HD", "CX", "PX", "PXC"]);
    out = some(s === "HD" ? [202, 203, 205, 212, 280, 555, 595] : [100, 200, 250, 300, 450], int(1, 3)).map((n) => ({ brand: "Sennheiser", line: [""], code: `${s} ${n}`, spec: {}, price: price + n / 8 }));
  } else if (maker === "Audio-Technica") {
    const s = pick(["M", "CKM", "ANC", "ES"]);
    const n = pick([5, 7, 10, 30, 35, 50, 55]);
    out = colourCodes({ Black: "", White: "WH", Blue: "BL", Red: "RD" }).map(([colour, c]) => ({ brand: "Audio-Technica", line: [""], code: `ATH-${s}${n}${c}`, spec: { colour }, price }));
  } else if (maker === "JVC") {
    const s = pick(["FX", "S", "RX", "NC"]);
    const n = pick([34, 35, 40, 67, 300, 500]);
    out = colourCodes({ Black: "B", Red: "R", White: "W", Blue: "A", Pink: "P" }).map(([colour, c]) => ({ brand: "JVC", line: s === "FX" ? ["Gumy", "GUMY"] : [""], code: `HA-${s}${n}-${c}`, spec: { colour }, price }));
  } else {
    const start = int(20, 97) * 100 + 80;
    out = some([0, 10, 20, 100], int(1, 3)).map((d) => ({ brand: "Philips", line: [""], code: `SHE${start + d}`, spec: {}, price: price + d / 10 }));
  }
  return out.map((v) => ({ ...base, ...v, title: v.spec.colour ? ["colour"] : [] }));
}

function memoryCardSeries() {
  const maker = pick(["SanDisk", "Kingston", "Lexar", "Transcend", "Sony", "PNY"]);
  const kind = maker === "Sony" ? "Memory Stick PRO Duo" : pick(["SDHC", "SDHC", "microSDHC", "CompactFlash"]);
  const caps = some(kind === "CompactFlash" ? [4, 8, 16, 32, 64] : [2, 4, 8, 16, 32], int(2, 3));
  const cls = pick([2, 4, 6, 10]);
  const noun = kind === "microSDHC" ? ["microSDHC Card", "microSDHC Memory Card", "Micro SDHC Flash Card", "microSD Card"] : kind === "CompactFlash" ? ["CompactFlash Card", "CF Memory Card", "Compact Flash Card"] : ["SDHC Memory Card", "SDHC Card", "Secure Digital High Capacity Card", "SD Memory Card"];
  const base = { brand: maker, category: "memory card", noun, features: kind === "CompactFlash" ? [[`${pick([133, 300, 400, 600])}x`, "UDMA"]] : [[`Class ${cls}`, `Class${cls}`, `CL${cls}`]] };
  const priceOf = (c) => 4.99 + c * pick([1.4, 1.8, 2.5]);
  let code;
  let line = [""];
  if (maker === "SanDisk") {
    const s = pick(kind === "microSDHC" ? [["SDSDQ", "A11M", "Mobile"], ["SDSDQY", "U46A", "Ultra"]] : kind === "CompactFlash" ? [["SDCFX", "A61", "Extreme"], ["SDCFH", "A31", "Ultra II"]] : [["SDSDX3", "A31", "Extreme III"], ["SDSDH", "A11", "Ultra II"], ["SDSDB", "A11", ""]]);
    line = s[2] === "" ? [""] : [s[2], s[2].toUpperCase()];
    code = (c) => `${s[0]}-${pad(c, 3)}G-${s[1]}`;
  } else if (maker === "Kingston") {
    code = kind === "microSDHC" ? (c) => `SDC${cls}/${c}GB` : kind === "CompactFlash" ? (c) => `CF/${c}GB` : (c) => `SD${cls}/${c}GB`;
  } else if (maker === "Lexar") {
    const x = pick([60, 133, 200]);
    line = [pick(["Platinum II", "Professional", "Premium"])];
    code = kind === "CompactFlash" ? (c) => `LCF${c}GCTBNA${x}` : (c) => `LSD${c}GCTBNA${x}`;
  } else if (maker === "Transcend") {
    code = kind === "microSDHC" ? (c) => `TS${c}GUSDHC${cls}` : kind === "CompactFlash" ? (c) => `TS${c}GCF${pick([133, 300])}` : (c) => `TS${c}GSDHC${cls}`;
  } else if (maker === "Sony") {
    line = [""];
    const s = pick(["MT", "MX"]);
    base.noun = ["Memory Stick PRO Duo", "Memory Stick", "Memory Stick PRO Duo Card"];
    base.features = [["Mark 2", "Mark2", "MagicGate"]];
    code = (c) => `MS-${s}${c}G`;
  } else {
    code = kind === "microSDHC" ? (c) => `P-SDU${c}G${cls}-EF` : kind === "CompactFlash" ? (c) => `P-CF${c}G-${pick([133, 300])}` : (c) => `P-SDHC${c}G${cls}-EF`;
  }
  return caps.map((c) => ({ ...base, line, code: code(c), spec: { cap: amount(c, "GB"), kind: [kind] }, price: priceOf(c), title: ["cap"] }));
}

function printerSeries() {
  const maker = pick(["Brother", "Canon", "HP", "Epson", "Samsung"]);
  let out;
  if (maker === "Brother") {
    const s = pick(["HL", "MFC", "DCP"]);
    const n = s === "HL" ? pick([2140, 2170, 5340, 5370, 2240]) : pick([7340, 7440, 7840, 8480, 9120]);
    out = some(["", "W", "DW", "N"], int(2, 3)).map((x) => ({ line: [""], code: `${s}-${n}${x}`, noun: s === "HL" ? ["Laser Printer", "Monochrome Laser Printer", "Mono Laser Printer"] : ["All-in-One Laser Printer", "Multifunction Laser Printer", "Laser MFP"], spec: { conn: x.includes("W") ? ["Wireless", "Wi-Fi", "WiFi"] : x === "N" ? ["Network Ready", "Ethernet"] : ["USB", "USB 2.0"] }, price: 99.99 + (x === "" ? 0 : 40) + (s === "HL" ? 0 : 100) }));
  } else if (maker === "Canon") {
    const s = pick(["MX", "MP", "iP"]);
    const n = int(30, 99) * 10;
    const code = int(2900, 4100);
    out = some([0, 10, 20], int(1, 2)).map((d, i) => ({ line: [`PIXMA ${s}${n + d}`, `Pixma ${s}${n + d}`, `${s}${n + d}`], code: `${code + i * 7}B002`, lineIsModel: true, noun: s === "iP" ? ["Photo Printer", "Inkjet Photo Printer", "Color Inkjet Printer"] : ["All-in-One Printer", "Photo All-in-One Inkjet Printer", "Multifunction Printer"], spec: {}, price: 79.99 + d * 5 }));
  } else if (maker === "HP") {
    const s = pick(["Photosmart C", "Officejet ", "Deskjet D", "LaserJet P"]);
    const n = s === "Officejet " ? int(40, 80) * 100 : int(40, 90) * 100 + pick([0, 80, 95]);
    const sku = () => `${pick(["Q", "CB", "CC", "CN"])}${int(100, 999)}A`;
    out = some([0, 5, 15], int(1, 2)).map((d) => ({ line: [`${s}${n + d}`, `${s}${n + d}`.toUpperCase(), `${s}${n + d}`.replace(/^\w+ (?=[A-Z])/, "")], code: sku(), lineIsModel: true, noun: s.startsWith("LaserJet") ? ["Laser Printer", "Monochrome Laser Printer"] : ["All-in-One Printer", "Inkjet Printer", "All-In-One Inkjet Printer"], spec: {}, price: 69.99 + d * 10 }));
  } else if (maker === "Epson") {
    const s = pick(["Stylus NX", "WorkForce ", "Artisan "]);
    const n = int(10, 99) * 10 + 5;
    out = some([0, 100, 200], int(1, 2)).map((d) => ({ line: [`${s}${n + d}`, `${s}${n + d}`.replace("Stylus ", "")], code: `C11CA${int(10, 99)}${pick(["201", "221"])}`, lineIsModel: true, noun: ["All-in-One Printer", "Color Inkjet All-in-One", "Multifunction Inkjet Printer"], spec: {}, price: 89.99 + d / 2 }));
  } else {
    const s = pick(["ML", "CLP", "SCX"]);
    const n = s === "ML" ? pick([1640, 2525, 2851, 1915]) : s === "CLP" ? pick([315, 325, 620]) : pick([4600, 4623, 3205]);
    out = some(["", "W", "ND", "FN"], int(2, 3)).map((x) => ({ line: [""], code: `${s}-${n}${x}`, noun: s === "CLP" ? ["Color Laser Printer", "Colour Laser Printer"] : ["Laser Printer", "Mono Laser Printer", "Monochrome Laser Printer"], spec: { conn: x === "W" ? ["Wireless", "Wi-Fi"] : x === "" ? ["USB", "USB 2.0"] : ["Network", "Ethernet"] }, price: 89.99 + x.length * 30 }));
  }
  const ppm = int(14, 35);
  return out.map((v) => ({ brand: maker, category: "printer", features: [[`${ppm} ppm`, `${ppm}ppm`, `up to ${ppm} ppm`], [`${pick([600, 1200, 2400, 4800])} dpi`, `${pick([600, 1200, 2400, 4800])}dpi`]], ...v, title: v.spec.conn ? ["conn"] : [] }));
}

function monitorSeries() {
  const maker = pick(["Dell", "Samsung", "ASUS", "Acer", "LG", "ViewSonic", "HP"]);
  let out;
  const sizes = (all) => some(all, int(1, 3));
  const res = (s) => (s >= 21.5 ? ["1920x1080", "1920 x 1080", "Full HD 1080p", "1080p"] : s >= 20 ? ["1600x900", "1600 x 900", "HD+"] : ["1440x900", "1440 x 900", "WXGA+"]);
  const spec = (s) => ({ size: s, res: res(s) });
  if (maker === "Dell") {
    const s = pick(["E", "S", "P", "ST", "SP"]);
    const yy = pick(["09", "10", "11"]);
    const x = pick(["W", "H", "WFP", ""]);
    out = sizes([19, 20, 22, 23, 24]).map((z) => ({ line: [`${s} Series`, ""], code: `${s}${z}${yy}${x}`, spec: spec(z) }));
  } else if (maker === "Samsung") {
    const n = pick(["33", "43", "94", "53"]);
    const x = pick(["SW", "BW", "HM", "T"]);
    out = sizes([19, 20, 22, 23, 24]).map((z) => ({ line: ["SyncMaster", "Syncmaster", "SYNCMASTER"], code: `${z}${n}${x}`, spec: spec(z) }));
  } else if (maker === "ASUS") {
    const s = pick(["VH", "VW", "MS", "VE"]);
    const d = int(2, 9);
    out = sizes([19, 20, 22, 23, 24]).map((z) => ({ line: [""], code: `${s}${z}${d}H`, spec: spec(z) }));
  } else if (maker === "Acer") {
    const s = pick(["G", "X", "V", "H"]);
    const d = int(3, 6);
    const x = pick(["Abd", "Bbd", "bmid", "Hbd"]);
    out = sizes([19, 20, 22, 23, 24]).map((z) => ({ line: [""], code: `${s}${z}${d}H ${x}`, spec: spec(z) }));
  } else if (maker === "LG") {
    const d = pick([2, 4, 6]);
    out = sizes([19, 20, 22, 23, 24]).map((z) => ({ line: ["Flatron", "FLATRON"], code: `W${z}${d}3T-PF`, spec: spec(z) }));
  } else if (maker === "ViewSonic") {
    const s = pick(["VX", "VA", "VG"]);
    const d = pick(["35wm", "40w", "16w", "37wm"]);
    out = sizes([19, 20, 22, 23, 24]).map((z) => ({ line: [""], code: `${s}${z}${d}`, spec: spec(z) }));
  } else {
    const x = pick(["m", "i", "x"]);
    const d = pick([0, 5, 9]);
    out = sizes([20, 21, 22, 23, 25]).map((z) => ({ line: [pick(["Compaq", "Pavilion"])], code: `${z}${d}9${x}`, spec: spec(z) }));
  }
  const ms = pick([2, 5, 8]);
  return out.map((v) => ({
    brand: maker,
    category: "monitor",
    noun: ["Widescreen LCD Monitor", "LCD Monitor", "Widescreen Flat Panel Monitor", "Wide LCD Display"],
    features: [[`${ms}ms`, `${ms} ms`, `${ms}ms response`], [pick(["1000:1", "50000:1", "DC 70000:1"])], ["DVI", "DVI-D", "HDMI/DVI", "VGA/DVI"]],
    price: 59.99 + v.spec.size * int(6, 11),
    ...v,
    title: ["size", "res"],
  }));
}

function routerSeries() {
  const maker = pick(["Netgear", "Linksys", "D-Link", "TP-Link", "Belkin", "Buffalo"]);
  let out;
  const n = (speed) => ({ speed: [`${speed}Mbps`, `${speed} Mbps`, `N${speed}`, `${speed}N`] });
  if (maker === "Netgear") {
    out = some([["WNR1000", 150], ["WNR2000", 300], ["WNR3500", 300], ["WNDR3700", 300], ["WNR834B", 270], ["WGR614", 54]], int(1, 3)).map(([c, s]) => ({ line: ["RangeMax", "Rangemax", ""], code: pick([c, c, `${c}v2`, `${c}v3`]), spec: n(s) }));
  } else if (maker === "Linksys") {
    out = some([["WRT54GL", 54], ["WRT54G2", 54], ["WRT120N", 150], ["WRT160N", 300], ["WRT310N", 300], ["WRT610N", 300], ["WRT160NL", 300]], int(1, 3)).map(([c, s]) => ({ line: [""], code: c, spec: n(s) }));
  } else if (maker === "D-Link") {
    out = some([["DIR-601", 150], ["DIR-615", 300], ["DIR-625", 300], ["DIR-655", 300], ["DIR-825", 300], ["DIR-855", 450]], int(1, 3)).map(([c, s]) => ({ line: ["Xtreme N", "XtremeN", ""], code: c, spec: n(s) }));
  } else if (maker === "TP-Link") {
    out = some([["TL-WR740N", 150], ["TL-WR741ND", 150], ["TL-WR841N", 300], ["TL-WR841ND", 300], ["TL-WR941ND", 300], ["TL-WR1043ND", 300]], int(1, 3)).map(([c, s]) => ({ line: [""], code: c, spec: n(s) }));
  } else if (maker === "Belkin") {
    out = some([["F5D8233-4", 300], ["F5D8236-4", 300], ["F5D7234-4", 54], ["F6D4230-4", 300], ["F5D8235-4", 300]], int(1, 3)).map(([c, s]) => ({ line: ["N1", "N+", "N Wireless"], code: c, spec: n(s) }));
  } else {
    out = some([["WHR-HP-G54", 54], ["WHR-HP-G300N", 300], ["WHR-G125", 125], ["WZR-HP-G300NH", 300], ["WHR-300HP", 300]], int(1, 3)).map(([c, s]) => ({ line: ["AirStation", "Airstation"], code: c, spec: n(s) }));
  }
  return out.map((v) => ({
    brand: maker,
    category: "router",
    noun: v.spec.speed[0].startsWith("54") ? ["Wireless-G Router", "Wireless G Router", "802.11g Wireless Router"] : ["Wireless-N Router", "Wireless N Router", "802.11n Wireless Router", "Wireless Router"],
    features: [["4-Port", "4 Port Switch", "4x LAN"], ["WPA2", "WPA/WPA2 security"]],
    price: 29.99 + Number.parseInt(v.spec.speed[0], 10) / 4 + int(0, 5) * 10,
    ...v,
    title: ["speed"],
  }));
}

function lampSeries() {
  const maker = pick(["Epson", "Optoma", "InFocus", "Sony"]);
  let out;
  const hours = pick([2000, 3000, 4000]);
  const watts = pick([150, 180, 200, 230, 260, 280]);
  if (maker === "Epson") {
    const start = int(12, 60);
    out = some([0, 1, 2, 5], int(1, 3)).map((d) => ({ code: `ELPLP${start + d}`, alt: `V13H010L${start + d}`, projector: [`PowerLite ${int(7, 19) * 100 + pick([5, 15, 25])}c`, `PowerLite ${int(7, 9) * 10}`] }));
  } else if (maker === "Optoma") {
    out = some(["A", "D", "E", "B"], int(2, 3)).map((x) => ({ code: `BL-FP${watts}${x}`, projector: [`EP${int(70, 79)}${pick([0, 1, 7])}`, `HD${int(65, 80)}`] }));
  } else if (maker === "InFocus") {
    const start = int(10, 70);
    out = some([0, 1, 2, 3], int(1, 3)).map((d) => ({ code: `SP-LAMP-${pad(start + d, 3)}`, projector: [`IN${int(10, 39)}`, `X${int(1, 9)}`] }));
  } else {
    const s = pick(["H", "E", "C"]);
    const n = int(16, 26) * 10 + 1;
    out = some([0, 10, 20], int(1, 2)).map((d) => ({ code: `LMP-${s}${n + d}`, projector: [`VPL-${s}W${int(10, 60)}`, `VPL-${s}S${int(5, 9)}`] }));
  }
  return out.map(({ projector, ...v }) => ({
    brand: maker,
    category: "projector lamp",
    line: [""],
    noun: ["Replacement Lamp", "Projector Lamp", "Replacement Projector Lamp", "Projector Replacement Lamp"],
    features: [[`${hours} hours`, `${hours}-hour lamp life`, `${hours} hrs`], [`for ${projector.join(", ")}`, `fits ${projector[0]}`]],
    spec: { watts: [`${watts}W`, `${watts} W`, `${watts}-Watt`, `${watts} Watt`] },
    price: 149.99 + int(0, 25) * 10,
    ...v,
    title: chance(0.5) ? ["watts"] : [],
  }));
}

function cpuSeries() {
  const family = pick(["i7", "i5", "C2Q", "Xeon", "Phenom", "Athlon"]);
  let out;
  if (family === "i7") {
    out = some([[920, 2.66], [930, 2.8], [940, 2.93], [950, 3.06], [975, 3.33]], int(1, 3)).map(([n, g]) => ({ brand: "Intel", line: [`Core i7-${n}`, `Core i7 ${n}`, `i7-${n}`, `Core i7 Processor ${n}`], code: `BX80601${n}`, spec: { ghz: ghz(g), cache: mb(8, "Cache"), socket: ["LGA1366", "LGA 1366", "Socket 1366"] }, price: 279.99 + (n - 920) * 6 }));
  } else if (family === "i5") {
    out = some([[650, 3.2], [661, 3.33], [750, 2.66], [760, 2.8]], int(1, 3)).map(([n, g]) => ({ brand: "Intel", line: [`Core i5-${n}`, `Core i5 ${n}`, `i5-${n}`], code: `BX80605I5${n}`.replace("80605I56", "80616I56"), spec: { ghz: ghz(g), cache: mb(n < 700 ? 4 : 8, "Cache"), socket: ["LGA1156", "LGA 1156", "Socket 1156"] }, price: 179.99 + (n % 100) }));
  } else if (family === "C2Q") {
    out = some([[8200, 2.33], [8400, 2.66], [9400, 2.66], [9550, 2.83], [9650, 3.0]], int(1, 3)).map(([n, g]) => ({ brand: "Intel", line: [`Core 2 Quad Q${n}`, `Core2 Quad Q${n}`, `C2Q Q${n}`], code: `BX80${n < 9000 ? "580" : "569"}Q${n}`, spec: { ghz: ghz(g), cache: mb(n < 9000 ? 4 : n < 9500 ? 6 : 12, "L2 Cache"), socket: ["LGA775", "LGA 775", "Socket 775"] }, price: 159.99 + (n - 8200) / 10 }));
  } else if (family === "Xeon") {
    out = some([[2620, 2.0], [2630, 2.3], [2640, 2.5], [2650, 2.0], [2660, 2.2]], int(1, 3)).map(([n, g]) => ({ brand: "Intel", line: [`Xeon E5-${n}`, `Xeon E5 ${n}`, `E5-${n}`], code: `BX80621E5${n}`, spec: { ghz: ghz(g), cache: mb(15, "Cache"), socket: ["LGA2011", "LGA 2011", "Socket R"] }, price: 399.99 + (n - 2620) * 20 }));
  } else if (family === "Phenom") {
    out = some([["955", 3.2, "HDZ955FBGIBOX"], ["965", 3.4, "HDZ965FBGIBOX"], ["945", 3.0, "HDX945WFGIBOX"], ["940", 3.0, "HDZ940XCGIBOX"], ["925", 2.8, "HDX925WFGIBOX"]], int(1, 3)).map(([n, g, c]) => ({ brand: "AMD", line: [`Phenom II X4 ${n}`, `Phenom II X4 ${n} Black Edition`, `Phenom-II X4 ${n}`], code: c, spec: { ghz: ghz(g), cache: mb(6, "L3 Cache"), socket: ["Socket AM3", "AM3", "AM2+/AM3"] }, price: 139.99 + (Number(n) - 925) * 2 }));
  } else {
    out = some([["240", 2.8, "ADX240OCGQBOX"], ["250", 3.0, "ADX250OCGQBOX"], ["255", 3.1, "ADX255OCGQBOX"], ["620", 2.6, "ADX620WFGIBOX"], ["630", 2.8, "ADX630WFGIBOX"]], int(1, 3)).map(([n, g, c]) => ({ brand: "AMD", line: [`Athlon II X${n.startsWith("6") ? 4 : 2} ${n}`, `Athlon II X${n.startsWith("6") ? 4 : 2}-${n}`, `Athlon-II ${n}`], code: c, spec: { ghz: ghz(g), cache: mb(n.startsWith("6") ? 2 : 2, "L2 Cache"), socket: ["Socket AM3", "AM3"] }, price: 59.99 + (Number(n) % 100) }));
  }
  return out.map((v) => ({ category: "cpu", noun: family === "Xeon" ? ["Processor", "Server Processor", "CPU"] : ["Processor", "Desktop Processor", "CPU", "Retail Box Processor"], features: [["Retail Box", "Boxed", "BOX"]], lineIsModel: true, ...v, title: ["ghz", "cache", "socket"] }));
}

function driveSeries() {
  const family = pick(["WD Blue", "WD Black", "WD Passport", "Seagate", "Seagate Portable"]);
  let out;
  const wdCap = (c) => (c < 1000 ? String(c * 10) : `${c / 1000}001`);
  const capOf = (c) => (c >= 1000 ? amount(c / 1000, "TB") : amount(c, "GB"));
  const rpm = (r) => ({ rpm: [`${r}RPM`, `${r} RPM`, `${r}rpm`] });
  if (family === "WD Blue") {
    out = some([250, 320, 500, 640], int(2, 3)).map((c) => ({ brand: "Western Digital", line: ["Caviar Blue", "Caviar SE16", "Caviar"], code: `WD${wdCap(c)}AAKS`, spec: { cap: capOf(c), ...rpm(7200), cache: mb(16, "Cache") }, price: 39.99 + c / 10 }));
  } else if (family === "WD Black") {
    out = some([500, 640, 750, 1000, 2000], int(2, 3)).map((c) => ({ brand: "Western Digital", line: ["Caviar Black", "Caviar BLACK"], code: `WD${wdCap(c)}${c >= 1000 ? "FALS" : "AALS"}`, spec: { cap: capOf(c), ...rpm(7200), cache: mb(c >= 1000 ? 32 : 16, "Cache") }, price: 59.99 + c / 8 }));
  } else if (family === "WD Passport") {
    const c = pick([320, 500, 640]);
    const cs = some([320, 500, 640], int(1, 2));
    const variants = chance(0.5) ? colourCodes({ Black: "BK", Red: "RD", Blue: "BL", Silver: "SL" }).map(([colour, cc]) => [c, colour, cc]) : cs.map((cap) => [cap, "Black", "BK"]);
    out = variants.map(([cap, colour, cc]) => ({ brand: "Western Digital", line: ["My Passport Essential", "My Passport", "MyPassport Essential"], code: `WDBAAA${wdCap(cap)}A${cc}-NESN`, noun: ["Portable Hard Drive", "External Hard Drive", "Portable USB Hard Drive"], spec: { cap: capOf(cap), colour, usb: ["USB 2.0", "USB2.0"] }, price: 69.99 + cap / 8 }));
  } else if (family === "Seagate") {
    const mid = pick(["418", "410", "528", "333"]);
    out = some([250, 320, 500, 750, 1000, 1500], int(2, 3)).map((c) => ({ brand: "Seagate", line: ["Barracuda 7200.12", "Barracuda", "Barracuda 7200.12 Series"], code: `ST3${c < 1000 ? c : c}${mid}AS`, spec: { cap: capOf(c), ...rpm(7200), cache: mb(c >= 1000 ? 32 : 16, "Cache") }, price: 39.99 + c / 11 }));
  } else {
    out = some([250, 320, 500, 640], int(2, 3)).map((c) => ({ brand: "Seagate", line: ["FreeAgent Go", "FreeAgent GO", "Free Agent Go"], code: `ST9${c}${pick(["03", "05"])}FGA2E1-RK`, noun: ["Portable Hard Drive", "External Hard Drive", "Portable Drive"], spec: { cap: capOf(c), usb: ["USB 2.0", "USB2.0"] }, price: 79.99 + c / 9 }));
  }
  return out.map((v) => ({
    category: "hard drive",
    noun: ["Internal Hard Drive", "SATA Hard Drive", "Hard Disk Drive", "3.5\" Internal Hard Drive"],
    features: [["SATA 3.0Gb/s", "SATA II", "SATA 3Gb/s", "SATA"]],
    ...v,
    title: v.spec.colour ? ["cap", "colour"] : v.spec.rpm ? ["cap", "rpm", "cache"] : ["cap", "usb"],
  }));
}

const SERIES = [
  [tvSeries, 7],
  [laptopSeries, 6],
  [cameraSeries, 7],
  [headphoneSeries, 5],
  [memoryCardSeries, 7],
  [printerSeries, 5],
  [monitorSeries, 6],
  [routerSeries, 5],
  [lampSeries, 4],
  [cpuSeries, 4],
  [driveSeries, 5],
];

// ---------------------------------------------------------------------------------------------------------------
// Descriptions.

const PITCH = {
  tv: ["delivers rich, lifelike colour and deep blacks", "brings Full HD home theatre to your living room", "combines a slim design with a bright, sharp picture", "offers crisp detail for movies, sports and games"],
  laptop: ["balances performance and portability for work and play", "is built for everyday computing, photos and HD video", "packs a fast processor and plenty of storage into a slim chassis", "keeps you productive at home, in class or on the road"],
  camera: ["captures sharp, vivid photos in almost any light", "fits in your pocket and goes wherever you go", "makes it easy to shoot great pictures and HD movies", "brings powerful zoom and smart scene modes to a compact body"],
  dslr: ["brings interchangeable-lens image quality to first-time SLR shooters", "focuses fast and shoots up to several frames per second", "keeps noise low even at high ISO settings", "makes framing easy with its tilting Live View LCD"],
  headphones: ["delivers deep bass and clear highs", "offers comfortable listening for hours", "blocks outside noise so you can focus on your music", "folds flat for easy travel"],
  "memory card": ["stores thousands of photos, songs and videos", "gives you fast, reliable storage for your camera or phone", "is built to withstand shock, water and extreme temperatures", "is ideal for HD video recording and burst photography"],
  printer: ["prints sharp text and vivid photos at high speed", "prints, copies and scans from one compact machine", "keeps your cost per page low with high-yield cartridges", "connects easily to every computer in your home or office"],
  monitor: ["gives you a wide, bright view for work and entertainment", "delivers sharp text and smooth motion for games and movies", "saves desk space with a slim, elegant stand", "offers plug-and-play setup with both analog and digital inputs"],
  router: ["shares a fast internet connection throughout your home", "delivers reliable wireless coverage for streaming and gaming", "sets up in minutes with a push-button security setup", "keeps your network safe with advanced firewall protection"],
  "projector lamp": ["restores the original brightness of your projector", "is a genuine original replacement lamp with housing", "installs in minutes with no tools required", "is tested to meet the original manufacturer's specifications"],
  cpu: ["delivers outstanding performance for gaming and multitasking", "handles demanding applications with ease", "offers excellent performance per watt", "is ideal for building a fast desktop or workstation"],
  "hard drive": ["gives you plenty of room for your music, photos and videos", "offers fast, quiet and cool operation", "is designed for reliable everyday storage", "backs up your files automatically with included software"],
};
const CLOSING = ["Manufacturer's warranty included.", "1-year limited warranty.", "Ships in retail packaging.", "Includes all cables and software.", "What's in the box: product, quick start guide, warranty card.", ""];

function specPhrases(p, left) {
  const out = [];
  for (const [key, value] of Object.entries(p.spec)) {
    if (key === "colour") out.push(`${writeSpec(key, value, left)} finish`);
    else if (key === "size") out.push(`${writeSize(value, left)} ${p.category === "laptop" ? "display" : p.category === "monitor" ? "widescreen panel" : "screen"}`);
    else out.push(writeSpec(key, value, left));
  }
  for (const f of p.features) out.push(left ? f[0] : pick(f));
  return out;
}

function longDescription(p, left, code) {
  const line = mostly(p.line, 0.7);
  const name = [p.brand, line, line === "" && code === "" ? p.noun[0] : code].filter((s) => s !== "").join(" ");
  const parts = shuffle(specPhrases(p, left));
  const pitch = pick(PITCH[p.category]);
  const s1 = `The ${name} ${pitch}.`;
  const s2 = chance(0.5) ? `Features: ${parts.join(", ")}.` : `${parts.slice(0, 2).join(" and ")} ${pick(["come standard", "are included", "make it stand out"])}.${parts.length > 2 ? ` Also: ${parts.slice(2).join("; ")}.` : ""}`;
  const s3 = pick(PITCH[p.category].filter((x) => x !== pitch));
  return `${s1} ${s2} ${s3.charAt(0).toUpperCase()}${s3.slice(1)}. ${pick(CLOSING)}`.trim();
}

function shortDescription(p, left) {
  const parts = some(specPhrases(p, left), int(1, 3));
  return chance(0.5) ? `${mostly(p.noun, 0.5)}, ${parts.join(", ")}` : parts.join(" / ");
}

// ---------------------------------------------------------------------------------------------------------------
// Titles.

function abbreviate(text, p) {
  let out = text;
  for (const [re, forms] of ABBREVIATIONS) if (re.test(out) && chance(p)) out = out.replace(re, pick(forms));
  return out;
}

function truncate(text, max, ellipsis) {
  if (text.length <= max) return text;
  if (!ellipsis) return text.slice(0, max).trimEnd();
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,\-(]+$/, "")}...`;
}

const tidy = (parts) =>
  parts
    .filter((s) => s !== undefined && s !== "")
    .join(" ")
    .replace(/\s+([,)])/g, "$1")
    .replace(/\(\s+/g, "(")
    .replace(/\s{2,}/g, " ")
    .replace(/^[-,\s]+|[-,\s]+$/g, "");

/** The item master's name for a product: terse, abbreviated, sometimes cut at 40 characters. */
function leftName(p, code, showCode) {
  const brand = chance(0.9) ? p.brand : p.brand.toUpperCase();
  const line = mostly(p.line, 0.7);
  const noun = mostly(p.noun, 0.65);
  const specs = p.title.map((k) => writeSpec(k, p.spec[k], true));
  const c = showCode ? code : "";
  let name;
  switch (int(0, 2)) {
    case 0:
      name = tidy([brand, line, ...specs, noun, c && "-", c]);
      break;
    case 1:
      name = tidy([brand, c, line, ...specs, noun]);
      break;
    default:
      name = tidy([brand, line, c, noun, ...specs]);
  }
  name = abbreviate(name, 0.35);
  return chance(0.1) ? truncate(name, 40, false) : name;
}

/** The shop's title for a product: wordier, reordered, with marketing words, sometimes truncated. */
function rightName(p, code, showCode) {
  const brand = chance(0.88) ? p.brand : "";
  const line = pick(p.line);
  const noun = pick(p.noun);
  const specs = shuffle(p.title.map((k) => writeSpec(k, p.spec[k], false)));
  const extra = some(p.features, int(0, 2)).map((f) => pick(f));
  const c = showCode ? code : "";
  let name;
  switch (int(0, 3)) {
    case 0:
      name = tidy([brand, line, c, ...specs, ...extra, noun]);
      break;
    case 1:
      name = tidy([brand, line, ...specs, noun, c && `(${c})`]);
      break;
    case 2:
      name = tidy([brand, c, ...specs, line, noun, extra.length > 0 ? `- ${extra.join(", ")}` : ""]);
      break;
    default:
      name = tidy([brand, line, noun, c && `- ${c}`, specs.length > 0 ? `, ${specs.join(", ")}` : ""]);
  }
  if (chance(0.12)) name = `${pick(MARKETING_BEFORE)} ${name}`;
  if (chance(0.15)) name = `${name} ${pick(MARKETING_AFTER)}`;
  name = abbreviate(name, 0.05);
  return chance(0.1) ? truncate(name, int(38, 60), chance(0.6)) : name;
}

// ---------------------------------------------------------------------------------------------------------------
// Prices and manufacturers.

const cents = (x) => Math.max(1, Math.round(x * 100) / 100);
function roundPrice(x) {
  const whole = Math.floor(x);
  return pick([whole + 0.99, whole + 0.99, whole + 0.95, whole, whole + 0.5]);
}
function writePrice(x, left) {
  const v = cents(x).toFixed(2);
  if (left || chance(0.5)) return v;
  const [whole, dec] = v.split(".");
  return `$${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${dec}`;
}

function maker(brand, left) {
  const forms = MAKERS[brand];
  if (left) return chance(0.06) ? "" : mostly(forms, 0.6);
  if (chance(0.3)) return "";
  const r = rnd();
  return r < 0.5 ? forms[0] : r < 0.7 ? forms[0].toUpperCase() : r < 0.9 ? pick(forms.slice(2)) : forms[0].toLowerCase();
}

// ---------------------------------------------------------------------------------------------------------------
// Sides.

function record(p, left, description) {
  const codeStyle = left ? mostly(["as is", "plain", "space"], 0.6) : mostly(["as is", "plain", "space", "lower"], 0.55);
  const code = writeCode(p.code, codeStyle);
  const alt = !left && p.alt && chance(0.4) ? p.alt : code;
  // A product whose line names the model (PowerShot SD1200 IS) is often listed without its part number by the shop.
  const showCode = p.lineIsModel && !left ? chance(0.45) : chance(left ? 0.96 : 0.93);
  const name = left ? leftName(p, alt, showCode) : rightName(p, alt, showCode);
  let text = description === "long" ? longDescription(p, left, chance(0.5) ? code : "") : description === "short" ? shortDescription(p, left) : "";
  // A code left out of the name, or cut off with it, is given in the description.
  const lost = !squash(name).includes(squash(alt));
  if (lost && !squash(text).includes(squash(code)) && (!p.lineIsModel || left)) text = tidy([text, text && !/[.!]$/.test(text) ? "." : "", `Model: ${code}.`]).replace(/ \./g, ".");
  return { name, description: text, manufacturer: maker(p.brand, left), price: left ? (chance(0.06) ? "" : writePrice(p.price, true)) : chance(0.12) ? "" : writePrice(p.price * (1 + (rnd() * 0.3 - 0.15)), false) };
}

function csvField(v) {
  const s = String(v);
  return /[",\n\r]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}
const toCsv = (header, rows) => `${[header, ...rows.map((r) => header.map((h) => r[h]))].map((cells) => cells.map(csvField).join(",")).join("\n")}\n`;

function generate(seed) {
  rnd = mulberry32(seed);
  const totalWeight = SERIES.reduce((s, [, w]) => s + w, 0);
  const products = [];
  const seen = new Set();
  const families = [];
  while (products.length < PRODUCTS) {
    let x = rnd() * totalWeight;
    const [make] = SERIES.find(([, w]) => (x -= w) < 0);
    const family = make()
      .filter((p) => {
        // Codes are unique, and so are the model names of products known by them (PowerShot SD1200 IS).
        const keys = [squash(p.code), ...(p.lineIsModel ? [`${p.brand}:${squash(p.line[0])}`] : [])];
        if (keys.some((k) => seen.has(k))) return false;
        for (const k of keys) seen.add(k);
        return true;
      })
      .slice(0, PRODUCTS - products.length);
    if (family.length === 0) continue;
    for (const p of family) {
      p.price = roundPrice(p.price);
      p.family = families.length;
      products.push(p);
    }
    families.push(family);
  }
  // One-sided products: siblings split across the sides first (the 64GB card only on the left, the 128GB one
  // only on the right), then any others.
  const side = new Map(products.map((p) => [p, "both"]));
  for (const family of shuffle(families.filter((f) => f.length >= 2)).slice(0, CROSS_SIBLINGS)) {
    const [a, b] = shuffle(family);
    side.set(a, "left");
    side.set(b, "right");
  }
  const both = () => shuffle(products.filter((p) => side.get(p) === "both"));
  for (const p of both().slice(0, LEFT_ONLY - CROSS_SIBLINGS)) side.set(p, "left");
  for (const p of both().slice(0, RIGHT_ONLY - CROSS_SIBLINGS)) side.set(p, "right");

  const lefts = [];
  const rights = [];
  for (const p of products) {
    const s = side.get(p);
    const longLeft = chance(0.7);
    const other = () => (chance(0.45) ? "short" : "");
    if (s !== "right") lefts.push({ p, ...record(p, true, s === "left" || longLeft ? (chance(0.95) ? "long" : other()) : other()) });
    if (s !== "left") rights.push({ p, ...record(p, false, s === "right" || !longLeft ? (chance(0.9) ? "long" : other()) : other()) });
  }
  const leftRows = shuffle(lefts).map((r, i) => ({ ...r, id: `L${pad(i + 1, 4)}` }));
  const used = new Set();
  const rightRows = shuffle(rights).map((r) => {
    let n;
    do n = int(10000, 99999);
    while (used.has(n));
    used.add(n);
    return { ...r, id: `sku-${n}` };
  });
  const rightId = new Map(rightRows.map((r) => [r.p, r.id]));
  const matches = leftRows.filter((r) => rightId.has(r.p)).map((r) => ({ left_id: r.id, right_id: rightId.get(r.p) }));
  const header = ["id", "name", "description", "manufacturer", "price"];
  return {
    "left.csv": toCsv(header, leftRows),
    "right.csv": toCsv(header, rightRows),
    "matches.csv": toCsv(["left_id", "right_id"], matches),
    summary: { products: products.length, families: families.length, left: leftRows.length, right: rightRows.length, matches: matches.length },
  };
}

function argument(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : fallback;
}

const out = argument("--out", dirname(fileURLToPath(import.meta.url)));
const seed = Number(argument("--seed", "20240"));
if (!Number.isInteger(seed)) throw new Error(`--seed expects an integer, received "${argument("--seed", "")}"`);
const files = generate(seed);
mkdirSync(out, { recursive: true });
for (const name of ["left.csv", "right.csv", "matches.csv"]) writeFileSync(join(out, name), files[name]);
const s = files.summary;
process.stdout.write(`${s.products} products in ${s.families} series: ${s.left} left, ${s.right} right, ${s.matches} matches\n`);
