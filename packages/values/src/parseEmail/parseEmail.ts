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
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

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
  const domain = domainToASCII(trimmedDomain.toLowerCase());
  if (domain === "" || domain.length > 253) return invalid(value, `the domain ${showValue(rawDomain)} is not a valid host name`);
  const labels = domain.split(".");
  if (labels.length < 2) return invalid(value, `the domain ${showValue(rawDomain)} has no top-level domain`);
  for (const label of labels) {
    if (!LABEL.test(label)) return invalid(value, `the domain ${showValue(rawDomain)} is not a valid host name`);
  }
  if (/^[0-9]+$/.test(labels[labels.length - 1]!)) return invalid(value, "the top-level domain is a number");
  const out = `${local}@${domain}`;
  const unicode = domainToUnicode(domain);
  const info: EmailInfo = unicode === domain ? { local, domain } : { local, domain, unicodeDomain: unicode };
  return success(out, out !== value, info);
}

function invalid(value: unknown, why: string) {
  return failure("invalid_email", `Invalid e-mail address ${showValue(value)}: ${why}.`, value);
}
