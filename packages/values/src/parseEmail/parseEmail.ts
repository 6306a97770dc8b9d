import { domainToASCII, domainToUnicode } from "node:url";
import { emptyResult, failure, notText, showValue, success } from "../ValueResult/valueResults.ts";
import type { EmptyOptions, ValueResult } from "../ValueResult/ValueResult.ts";

/** Options of {@link parseEmail}. */
export interface ParseEmailOptions extends EmptyOptions {
  /**
   * Lower-case the part before `@` too. Default false: RFC 5321 lets servers treat it as case-sensitive,
   * although almost none do.
   */
  readonly lowercaseLocal?: boolean;
  /** Accept non-ASCII characters before `@` (SMTPUTF8). Default true. */
  readonly allowUnicodeLocal?: boolean;
}

/** What {@link parseEmail} learned about an address. */
export interface EmailInfo {
  readonly local: string;
  /** The domain in ASCII (punycode for internationalized names). */
  readonly domain: string;
  /** The domain in Unicode, when it differs from the ASCII form. */
  readonly unicodeDomain?: string;
}

// RFC 5322 atext plus dots; non-ASCII handled separately.
const ASCII_LOCAL = /^[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~.]+$/;
const UNICODE_LOCAL = /^[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~.\u0080-\uFFFF]+$/;

/**
 * Standardizes an e-mail address: trims it, removes a `mailto:` prefix, lower-cases the domain and
 * converts an internationalized domain to ASCII. Addresses that cannot be delivered to are `invalid_email` issues.
 * @param value - the address
 * @param options - case of the local part, Unicode local parts, empty policy
 * @returns the canonical address, `null` for empty input
 * @example
 * parseEmail(" John.Doe@Example.COM ") //=> { ok: true, value: "John.Doe@example.com", changed: true, info: {...} }
 */
export function parseEmail(value: unknown, options: ParseEmailOptions = {}): ValueResult<string, EmailInfo> {
  const empty = emptyResult<string>(value, options.empty);
  if (empty) return empty;
  if (typeof value !== "string") return notText("e-mail address", value);
  let text = value.trim();
  if (/[^\x20-\x7e]/.test(text)) text = text.normalize("NFKC").replace(/[\u200B\u200E\u200F\u2060\uFEFF]/g, "").trim();
  if (/^mailto:/i.test(text)) text = text.slice(7);
  const at = text.lastIndexOf("@");
  if (at <= 0 || at === text.length - 1) return invalid(value, "it needs one @ with text on both sides");
  let local = text.slice(0, at);
  const rawDomain = text.slice(at + 1);
  if (local.length > 64) return invalid(value, "the part before @ is longer than 64 characters");
  const localPattern = options.allowUnicodeLocal === false ? ASCII_LOCAL : UNICODE_LOCAL;
  if (!localPattern.test(local)) return invalid(value, "the part before @ holds a character that is not allowed (space, @, comma, quote, ...)");
  if (local.startsWith(".") || local.endsWith(".") || local.includes("..")) {
    return invalid(value, "the part before @ may not start or end with a dot or hold two dots in a row");
  }
  if (options.lowercaseLocal === true) local = local.toLowerCase();
  const trimmedDomain = rawDomain.endsWith(".") ? rawDomain.slice(0, -1) : rawDomain;
  const domain = asciiDomain(trimmedDomain.toLowerCase());
  if (domain === "" || domain.length > 253) return invalid(value, `the domain ${showValue(rawDomain)} is not a valid host name`);
  const lastDot = domain.lastIndexOf(".");
  if (lastDot < 0) return invalid(value, `the domain ${showValue(rawDomain)} has no top-level domain`);
  if (!hasValidLabels(domain)) return invalid(value, `the domain ${showValue(rawDomain)} is not a valid host name`);
  if (isDigits(domain, lastDot + 1)) return invalid(value, "the top-level domain is a number");
  const out = `${local}@${domain}`;
  // Only punycode labels (xn--) have another Unicode form.
  const unicode = domain.includes("xn--") ? domainToUnicode(domain) : domain;
  const info: EmailInfo = unicode === domain ? { local, domain } : { local, domain, unicodeDomain: unicode };
  return success(out, out !== value, info);
}

function invalid(value: unknown, why: string) {
  return failure("invalid_email", `Invalid e-mail address ${showValue(value)}: ${why}.`, value);
}

/**
 * The domain in ASCII, as `domainToASCII` of `node:url` gives it, without calling it for the common case: labels of
 * lower-case letters, digits and hyphens, none of them punycode (`xn--`), the last one not a number (`123`, `0x1f`,
 * which the URL host parser reads as an IPv4 address). Such a domain is its own ASCII form.
 * @param lower - the lower-cased domain
 * @returns its ASCII form ("" when the URL host parser refuses it)
 */
export function asciiDomain(lower: string): string {
  return isPlainAsciiDomain(lower) ? lower : domainToASCII(lower);
}

function isPlainAsciiDomain(s: string): boolean {
  const n = s.length;
  let labelStart = 0;
  for (let i = 0; i <= n; i++) {
    const c = i === n ? 46 : s.charCodeAt(i);
    if (c === 46) {
      if (i === labelStart) return false;
      // xn--: punycode, which domainToASCII checks.
      if (i - labelStart >= 4 && s.charCodeAt(labelStart) === 120 && s.charCodeAt(labelStart + 1) === 110 && s.charCodeAt(labelStart + 2) === 45 && s.charCodeAt(labelStart + 3) === 45) return false;
      labelStart = i + 1;
      continue;
    }
    if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 45)) return false;
  }
  // The URL host parser reads a domain whose last label is a number (decimal, or hex after 0x) as an IPv4 address.
  const last = s.slice(s.lastIndexOf(".") + 1);
  return !/^(?:\d+|0x[0-9a-f]*)$/.test(last);
}

/** Every dot-separated label is 1-63 of a-z, 0-9 and inner hyphens. */
function hasValidLabels(domain: string): boolean {
  const n = domain.length;
  let start = 0;
  for (let i = 0; i <= n; i++) {
    const c = i === n ? 46 : domain.charCodeAt(i);
    if (c === 46) {
      const length = i - start;
      if (length < 1 || length > 63 || domain.charCodeAt(start) === 45 || domain.charCodeAt(i - 1) === 45) return false;
      start = i + 1;
    } else if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 45)) return false;
  }
  return true;
}

function isDigits(s: string, from: number): boolean {
  if (from >= s.length) return false;
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}
