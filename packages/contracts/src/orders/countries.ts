import countries from "i18n-iso-countries";

/**
 * The ISO 3166-1 alpha-2 codes of today's countries, from the
 * i18n-iso-countries package's list (kept up to date with the standard): a shipping address must
 * name one of these, not just two letters.
 */
export const COUNTRY_CODES: readonly string[] = Object.keys(countries.getAlpha2Codes()).sort();

const known = new Set(COUNTRY_CODES);

/** Whether `code` (upper case) is an assigned ISO 3166-1 alpha-2 code. */
export const isCountryCode = (code: string): boolean => known.has(code);

const names = new Intl.DisplayNames(["en"], { type: "region" });

/**
 * A country's English name, as every screen shows it ("DE" → "Germany"): the
 * runtime's CLDR names (Intl.DisplayNames). A code that is not a country comes
 * back as it is.
 */
export function countryName(code: string): string {
  return (isCountryCode(code) && names.of(code)) || code;
}

/**
 * Every country a shipping address may name, by its English name: the
 * checkout's Country menu, so it offers exactly the codes the contract accepts.
 */
export const COUNTRIES: ReadonlyArray<{ code: string; name: string }> = COUNTRY_CODES.map((code) => ({
  code,
  name: countryName(code),
})).sort((a, b) => a.name.localeCompare(b.name, "en"));
