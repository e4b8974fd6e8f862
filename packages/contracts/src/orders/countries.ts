import { COUNTRY_CODES, isCountryCode } from "./country-codes.ts";

export { COUNTRY_CODES, isCountryCode };

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
