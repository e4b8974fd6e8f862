/**
 * The order products stand in on the catalog page: what can be bought first,
 * sold-out products after; by name within each, as people sort names
 * (Intl.Collator: "bowl" beside "Bowl", "Mug 2" before "Mug 10"), not by
 * character code (every capital before every lower-case letter).
 */
const byName = new Intl.Collator(undefined, { sensitivity: "base", numeric: true });

export function shelfOrder<P extends { name: string; stockQty: number }>(products: readonly P[]): P[] {
  return products.toSorted(
    (a, b) => Number(a.stockQty <= 0) - Number(b.stockQty <= 0) || byName.compare(a.name, b.name),
  );
}
