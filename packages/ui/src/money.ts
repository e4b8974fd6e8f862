const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });

/** Cents as a price a person reads: 1250 → "$12.50". The shop and the admin show prices alike. */
export function formatMoney(cents: number): string {
  return usd.format(cents / 100);
}
