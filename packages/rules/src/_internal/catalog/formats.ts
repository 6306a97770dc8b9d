import { suggest } from "@cleanse/config";
import { ConfigError } from "@cleanse/core";
import { countryNames, createPhoneParser, isEmail, parseEmail, type PhoneParser, type PhoneType } from "@cleanse/values";
import { z } from "zod";
import { RuleOptionError, type RuleDefinition } from "../../defineRule/defineRule.ts";
import { isBlankText } from "../dates.ts";
import { builtin, noOptions, show } from "./define.ts";

const email = builtin({
  name: "email",
  description:
    "The value must be an e-mail address as `parseEmail` of `@cleanse/values` reads it: a dot-atom local part (Unicode allowed), `@`, a domain name with a top-level domain (`a.b@example.com`, `Zhang.San@Example.COM`, `user@bücher.de`). Like the kernel, the rule trims the value and drops a `mailto:` prefix, so `\" a@b.co \"` passes; standardize the field to store the canonical form. No display names, quoted local parts or IP literals.",
  code: "invalid_format",
  dimension: "validity",
  options: noOptions,
  examples: ["email: [email]", "email: [{ email: { severity: warning } }]"],
  compile: () => ({
    kind: "value",
    // Blank text is empty to the kernel: no address, and no bad one (required refuses it).
    test: (v) => isEmail(v) || isBlankText(v),
    message: (v) => {
      const r = parseEmail(v);
      return `expected an email address, received ${show(v)}${r.ok ? "" : ` (${r.issue.message})`}`;
    },
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

/** Every ISO 3166 code the value kernel knows, for "did you mean" hints. */
let regionCodes: readonly string[] | undefined;

const phone = builtin({
  name: "phone",
  description:
    "The value must be a phone number that `parsePhone` of `@cleanse/values` reads (libphonenumber's full metadata). Numbers without `+` are read in `region` (ISO country code, e.g. CN) and must be written as that country writes them at home, trunk prefix included: `010-62345678` passes in CN, `1062345678` and `(415) 415-1627` do not. `type` restricts to mobile, fixed_line, toll_free or voip numbers; `e164: true` demands the value be written in E.164 already (`+8613812345678`, no extension).",
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
    const region = o.region?.toUpperCase();
    const types = o.type === undefined ? ["any"] : typeof o.type === "string" ? [o.type] : o.type;
    const anyType = types.includes("any");
    const e164 = o.e164 ?? false;
    let parse: PhoneParser;
    try {
      parse = createPhoneParser({
        ...(region === undefined ? {} : { region }),
        ...(anyType ? {} : { types: types as PhoneType[] }),
        ...(e164 ? { format: "E.164" as const, keepExtension: false } : {}),
      });
    } catch (error) {
      if (!(error instanceof ConfigError) || region === undefined) throw error;
      regionCodes ??= Object.keys(countryNames());
      const guess = suggest(region, regionCodes);
      throw new RuleOptionError(`unknown region ${show(o.region)}${guess ? ` (did you mean "${guess}"?)` : ""}; use an ISO 3166 code like CN or US`, ["region"]);
    }
    const typeLabel = anyType ? "" : ` ${types.join(" or ").replace(/_/g, " ")}`;
    let lenient: PhoneParser | undefined;
    return {
      kind: "value",
      test: e164
        ? (v) => {
            const r = parse(v);
            return r.ok && (r.value === null || r.value === v);
          }
        : (v) => parse(v).ok,
      message: (v) => {
        const r = parse(v);
        let reason = "";
        if (r.ok) {
          if (e164 && r.value !== null) reason = ` (in E.164 it is ${r.value})`;
        } else if (r.issue.code === "invalid_phone") {
          // The kernel reads it when the trunk prefix may be left out: then that is what is wrong.
          lenient ??= createPhoneParser({ ...(region === undefined ? {} : { region }), trunkPrefix: "optional" });
          reason = lenient(v).ok
            ? ` (written without a country code, a number of ${region} starts with its trunk prefix; if it belongs to another country, write it with its country code, +...)`
            : ` (${r.issue.message})`;
        }
        return `expected a${typeLabel} phone number${region ? ` (${region})` : ""}${e164 ? " in E.164 form" : ""}, received ${show(v)}${reason}`;
      },
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
