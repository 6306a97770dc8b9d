// The value kernel's large dependencies, loaded on first use: a command that checks no phone number and reads no
// date does not pay for libphonenumber's metadata or date-fns' parsers when it starts. Each is loaded once, as
// CommonJS through Node's require, so that every caller in the process shares one instance.
import { createRequire } from "node:module";

type PhoneLibrary = typeof import("libphonenumber-js/max");
type PhoneCore = typeof import("libphonenumber-js/core");
type PhoneMetadata = import("libphonenumber-js/core").MetadataJson;
interface DateLibrary {
  readonly parse: typeof import("date-fns/parse").parse;
  readonly format: typeof import("date-fns/format").format;
  readonly isValid: typeof import("date-fns/isValid").isValid;
}
type Locale = import("date-fns").Locale;

const require = createRequire(import.meta.url);
let phone: PhoneLibrary | undefined;
let phoneMetadata: InstanceType<PhoneCore["Metadata"]> | undefined;
let dates: DateLibrary | undefined;
let locales: readonly Locale[] | undefined;

/** libphonenumber-js with its full ("max") metadata. */
export function phoneLibrary(): PhoneLibrary {
  return (phone ??= require("libphonenumber-js/max") as PhoneLibrary);
}

/** libphonenumber's full metadata, for the compiled type patterns of `phoneType`. */
export function phoneMetadataMax(): InstanceType<PhoneCore["Metadata"]> {
  if (phoneMetadata === undefined) {
    const { Metadata } = require("libphonenumber-js/core") as PhoneCore;
    phoneMetadata = new Metadata(require("libphonenumber-js/metadata.max.json") as PhoneMetadata);
  }
  return phoneMetadata;
}

/** date-fns' `parse`, `format` and `isValid`. */
export function dateLibrary(): DateLibrary {
  return (dates ??= {
    parse: (require("date-fns/parse") as typeof import("date-fns/parse")).parse,
    format: (require("date-fns/format") as typeof import("date-fns/format")).format,
    isValid: (require("date-fns/isValid") as typeof import("date-fns/isValid")).isValid,
  });
}

/** The date-fns locales whose month names the date reader knows besides English: de, fr, es, it, pt, nl. */
export function monthNameLocales(): readonly Locale[] {
  return (locales ??= [
    (require("date-fns/locale/de") as typeof import("date-fns/locale/de")).de,
    (require("date-fns/locale/fr") as typeof import("date-fns/locale/fr")).fr,
    (require("date-fns/locale/es") as typeof import("date-fns/locale/es")).es,
    (require("date-fns/locale/it") as typeof import("date-fns/locale/it")).it,
    (require("date-fns/locale/pt") as typeof import("date-fns/locale/pt")).pt,
    (require("date-fns/locale/nl") as typeof import("date-fns/locale/nl")).nl,
  ]);
}

/** date-fns' English (US) locale. */
export function englishLocale(): Locale {
  return (require("date-fns/locale/en-US") as typeof import("date-fns/locale/en-US")).enUS;
}
