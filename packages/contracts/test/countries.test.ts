import { describe, expect, it } from "vitest";
import { COUNTRIES, COUNTRY_CODES, countryName, isCountryCode } from "../src/orders/countries.ts";

describe("countries", () => {
  // A country by its English name; anything that is not a country's code, as it is.
  const names = { DE: "Germany", US: "United States", CI: "Côte d’Ivoire", ZZ: "ZZ", de: "de" };
  it.each(Object.entries(names))("names %s %s", (code, name) => expect(countryName(code)).toBe(name));

  it("offers at checkout exactly the codes a shipping address may name, sorted by name", () => {
    expect(COUNTRIES.map((c) => c.code).sort()).toEqual([...COUNTRY_CODES]);
    expect(COUNTRIES.every((c) => isCountryCode(c.code) && c.name === countryName(c.code))).toBe(true);
    const names = COUNTRIES.map((c) => c.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "en")));
    expect(COUNTRIES.length).toBeGreaterThan(240);
  });
});
