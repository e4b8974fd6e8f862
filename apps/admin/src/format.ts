const dateTime = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short" });
const date = new Intl.DateTimeFormat("en-US", { dateStyle: "medium" });

/** Cents as the text of a price field: 1250 → "12.50" (what parseDollars reads back). */
export function centsToDollars(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

/** An ISO timestamp as "Nov 26, 2026, 12:00 PM". */
export function formatDateTime(iso: string): string {
  return dateTime.format(new Date(iso));
}

/** An ISO timestamp as "Nov 26, 2026". */
export function formatDate(iso: string): string {
  return date.format(new Date(iso));
}

/** An order id short enough for a table cell; the full id goes in a title. */
export function shortId(id: string): string {
  return id.slice(0, 8);
}
