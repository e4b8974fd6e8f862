// The library without names: the package's Node entry ("main") registers
// all of its ~80 languages' country names, 2 MiB of every process that
// imports the contracts; the codes need none, and its browser entry is this file.
import countries from "i18n-iso-countries/index.js";

/**
 * The ISO 3166-1 alpha-2 codes of today's countries, from the
 * i18n-iso-countries package's list (kept up to date with the standard): a shipping address must
 * name one of these, not just two letters.
 *
 * Apart from their names (countries.ts), which only the apps show: naming
 * and sorting every country at import (Intl.DisplayNames, localeCompare)
 * brought ~7 MiB of ICU data into every service that checks an address.
 */
export const COUNTRY_CODES: readonly string[] = Object.keys(countries.getAlpha2Codes()).sort();

const known = new Set(COUNTRY_CODES);

/** Whether `code` (upper case) is an assigned ISO 3166-1 alpha-2 code. */
export const isCountryCode = (code: string): boolean => known.has(code);
