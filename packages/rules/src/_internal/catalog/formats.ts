import { suggest } from "@cleanse/config";
import { getCountries, isSupportedCountry, parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js/max";
import { z } from "zod";
import { RuleOptionError, type RuleDefinition } from "../../defineRule/defineRule.ts";
import { toText } from "../values.ts";
import { builtin, noOptions, show } from "./define.ts";

/** Characters allowed in the local part besides the dot (RFC 5322 atext). */
const ATEXT = new Uint8Array(128);
for (const c of "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#$%&'*+/=?^_`{|}~-") ATEXT[c.charCodeAt(0)] = 1;
/** Domain characters: 1 for letters, 2 for digits and the hyphen. */
const DOMAIN = new Uint8Array(128);
for (let c = 65; c <= 90; c++) DOMAIN[c] = DOMAIN[c + 32] = 1;
for (let c = 48; c <= 57; c++) DOMAIN[c] = 2;
DOMAIN[45] = 2;

/**
 * Practical email check, hand-written for speed: a dot-atom local part of at most 64 characters, `@`, and a
 * domain of at least two labels (1-63 letters, digits or inner hyphens) whose last label is 2+ letters;
 * 254 characters at most.
 */
export function isEmail(s: string): boolean {
  const n = s.length;
  if (n < 6 || n > 254) return false;
  let i = 0;
  let previousDot = true;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 64) break;
    if (c === 46) {
      if (previousDot) return false;
      previousDot = true;
      continue;
    }
    if (c >= 128 || ATEXT[c] === 0) return false;
    previousDot = false;
  }
  const at = i;
  if (at < 1 || at > 64 || at === n || previousDot) return false;
  let labelStart = at + 1;
  let labels = 0;
  let letters = true;
  for (i = at + 1; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 46) {
      const length = i - labelStart;
      if (length < 1 || length > 63 || s.charCodeAt(labelStart) === 45 || s.charCodeAt(i - 1) === 45) return false;
      labels++;
      labelStart = i + 1;
      letters = true;
      continue;
    }
    const kind = c < 128 ? DOMAIN[c]! : 0;
    if (kind === 0) return false;
    if (kind === 2) letters = false;
  }
  const last = n - labelStart;
  return labels >= 1 && letters && last >= 2 && last <= 63;
}

const email = builtin({
  name: "email",
  description: "The value must be an email address: a dot-atom local part, `@`, a domain name with a top-level domain (`a.b@example.com`). No display names, quoted local parts or IP literals.",
  code: "invalid_format",
  dimension: "validity",
  options: noOptions,
  examples: ["email: [email]", "email: [{ email: { severity: warning } }]"],
  compile: () => ({
    kind: "value",
    test: (v) => typeof v === "string" && isEmail(v),
    message: (v) => `expected an email address, received ${show(v)}`,
  }),
});

const url = builtin({
  name: "url",
  description: "The value must be an absolute URL whose scheme is one of `protocols` (default http and https) with a host name.",
  code: "invalid_format",
  dimension: "validity",
  options: z.strictObject({ protocols: z.array(z.string().regex(/^[a-z][a-z0-9+.-]*$/i)).min(1).optional().describe("Allowed schemes, without the colon") }),
  examples: ["website: [url]", "feed: [{ url: { protocols: [https] } }]"],
  compile: (o) => {
    const protocols = new Set((o.protocols ?? ["http", "https"]).map((p) => `${p.toLowerCase()}:`));
    return {
      kind: "value",
      test: (v) => {
        if (typeof v !== "string" || /\s/.test(v)) return false;
        if (/^(?:https?|ftp|wss?|file):/i.test(v) && !/^[a-z][a-z0-9+.-]*:\/\//i.test(v)) return false;
        try {
          const u = new URL(v);
          return protocols.has(u.protocol) && (u.hostname !== "" || !(u.protocol === "http:" || u.protocol === "https:"));
        } catch {
          return false;
        }
      },
      message: (v) => `expected a URL (${[...protocols].map((p) => p.slice(0, -1)).join(", ")}), received ${show(v)}`,
    };
  },
});

const uuid = builtin({
  name: "uuid",
  description: "The value must be a UUID (`8-4-4-4-12` hex digits, any case) of version 1-8 with the RFC 9562 variant; `version` narrows it, `allow_nil` accepts all zeros.",
  code: "invalid_format",
  dimension: "validity",
  options: z.strictObject({ version: z.number().int().min(1).max(8).optional(), allow_nil: z.boolean().optional() }),
  shorthand: "version",
  examples: ["id: [uuid]", "request_id: [{ uuid: 4 }]"],
  compile: (o) => {
    const re = new RegExp(`^[0-9a-f]{8}-[0-9a-f]{4}-${o.version ?? "[1-8]"}[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`, "i");
    const allowNil = o.allow_nil ?? false;
    return {
      kind: "value",
      test: (v) => typeof v === "string" && (re.test(v) || (allowNil && v === "00000000-0000-0000-0000-000000000000")),
      message: (v) => `expected a UUID${o.version ? ` version ${o.version}` : ""}, received ${show(v)}`,
    };
  },
});

const PHONE_TYPES = ["mobile", "fixed_line", "toll_free", "voip", "any"] as const;

const phone = builtin({
  name: "phone",
  description:
    "The value must be a valid phone number (libphonenumber metadata). Numbers without `+` are read in `region` (ISO country code, e.g. CN); `type` restricts to mobile or fixed_line numbers; `e164: true` demands the `+8613812345678` form.",
  code: "invalid_format",
  dimension: "validity",
  options: z.strictObject({
    region: z.string().min(1).optional().describe("ISO 3166 country code for numbers written without +"),
    type: z.union([z.enum(PHONE_TYPES), z.array(z.enum(PHONE_TYPES)).min(1)]).optional(),
    e164: z.boolean().optional().describe("Require E.164 text (+ and digits only)"),
  }),
  shorthand: "region",
  examples: ["phone: [{ phone: { region: CN } }]", "mobile: [{ phone: { region: CN, type: mobile } }]", "intl_phone: [{ phone: { e164: true } }]"],
  compile: (o) => {
    let region: CountryCode | undefined;
    if (o.region !== undefined) {
      const upper = o.region.toUpperCase();
      if (!isSupportedCountry(upper)) {
        const guess = suggest(upper, getCountries());
        throw new RuleOptionError(`unknown region ${show(o.region)}${guess ? ` (did you mean "${guess}"?)` : ""}; use an ISO 3166 code like CN or US`, ["region"]);
      }
      region = upper;
    }
    const types = o.type === undefined ? ["any"] : typeof o.type === "string" ? [o.type] : o.type;
    const anyType = types.includes("any");
    const accepted = new Set<string>();
    for (const t of types) {
      if (t === "mobile") accepted.add("MOBILE").add("FIXED_LINE_OR_MOBILE");
      if (t === "fixed_line") accepted.add("FIXED_LINE").add("FIXED_LINE_OR_MOBILE");
      if (t === "toll_free") accepted.add("TOLL_FREE");
      if (t === "voip") accepted.add("VOIP");
    }
    const e164 = o.e164 ?? false;
    const parseOptions = region === undefined ? { extract: false } : { defaultCountry: region, extract: false };
    const typeLabel = anyType ? "" : ` ${types.join(" or ").replace(/_/g, " ")}`;
    return {
      kind: "value",
      test: (v) => {
        const text = toText(v);
        if (text === undefined || typeof v === "boolean") return false;
        if (e164 && !/^\+[1-9]\d{6,14}$/.test(text)) return false;
        const parsed = parsePhoneNumberFromString(text, parseOptions);
        if (!parsed || !parsed.isValid()) return false;
        if (anyType) return true;
        const type = parsed.getType();
        return type !== undefined && accepted.has(type);
      },
      message: (v) => `expected a${typeLabel} phone number${region ? ` (${region})` : ""}${e164 ? " in E.164 form" : ""}, received ${show(v)}`,
    };
  },
});

const IPV4 = /^(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const HEX_GROUP = /^[0-9a-f]{1,4}$/i;

/** IPv4 dotted quad without leading zeros. */
export function isIPv4(text: string): boolean {
  return IPV4.test(text);
}

/** IPv6 in any RFC 4291 text form, including `::` compression and a trailing IPv4 part; no zone id. */
export function isIPv6(text: string): boolean {
  if (text.length < 2 || text.length > 45) return false;
  const halves = text.split("::");
  if (halves.length > 2) return false;
  const groups = (part: string): string[] | undefined => (part === "" ? [] : part.split(":"));
  const head = groups(halves[0]!);
  const tail = halves.length === 2 ? groups(halves[1]!) : [];
  if (!head || !tail) return false;
  const all = [...head, ...tail];
  let count = all.length;
  const last = all[all.length - 1];
  if (last !== undefined && last.includes(".")) {
    if (!isIPv4(last)) return false;
    all.pop();
    count += 1;
  }
  if (!all.every((g) => HEX_GROUP.test(g))) return false;
  return halves.length === 2 ? count <= 7 : count === 8;
}

const ip = builtin({
  name: "ip",
  description: "The value must be an IP address: IPv4 (`192.168.0.1`) or IPv6 (`2001:db8::1`); `version` restricts to one.",
  code: "invalid_format",
  dimension: "validity",
  options: z.strictObject({ version: z.union([z.literal(4), z.literal(6)]).optional() }),
  shorthand: "version",
  examples: ["client_ip: [ip]", "gateway: [{ ip: 4 }]"],
  compile: (o) => {
    const test = o.version === 4 ? isIPv4 : o.version === 6 ? isIPv6 : (t: string) => isIPv4(t) || isIPv6(t);
    return {
      kind: "value",
      test: (v) => typeof v === "string" && test(v),
      message: (v) => `expected an IPv${o.version ?? "4 or IPv6"} address, received ${show(v)}`,
    };
  },
});

const json = builtin({
  name: "json",
  description: "Text values must parse as JSON (already-parsed objects and arrays pass, bare numbers and booleans do not); `type` requires an object or an array.",
  code: "invalid_format",
  dimension: "validity",
  options: z.strictObject({ type: z.enum(["object", "array", "any"]).optional() }),
  shorthand: "type",
  examples: ["attributes: [json]", "tags: [{ json: array }]"],
  compile: (o) => {
    const want = o.type ?? "any";
    const fits = (x: unknown) => want === "any" || (want === "array" ? Array.isArray(x) : typeof x === "object" && x !== null && !Array.isArray(x));
    return {
      kind: "value",
      test: (v) => {
        if (typeof v !== "string") return typeof v === "object" && !(v instanceof Date) && fits(v);
        try {
          return fits(JSON.parse(v));
        } catch {
          return false;
        }
      },
      message: (v) => `expected JSON${want === "any" ? "" : ` ${want}`}, received ${show(v)}`,
    };
  },
});

export const formatRules: readonly RuleDefinition[] = [email, url, uuid, phone, ip, json];
