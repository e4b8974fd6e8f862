import countries from "i18n-iso-countries";

const names = new Intl.DisplayNames(["en"], { type: "region" });

/** Every ISO 3166-1 alpha-2 country, named in English, sorted by name: the checkout's Country menu. */
export const COUNTRIES: ReadonlyArray<{ code: string; name: string }> = Object.keys(
  countries.getAlpha2Codes(),
)
  .map((code) => ({ code, name: names.of(code) ?? code }))
  .sort((a, b) => a.name.localeCompare(b.name, "en"));
