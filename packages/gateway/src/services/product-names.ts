import { LRUCache } from "lru-cache";

/**
 * Product names for the messages of refused orders ("Not enough stock: Mug"),
 * kept a minute across requests. In a flash sale nearly every buyer is
 * refused, and asking Inventory for the name each time doubled what a
 * refusal cost (an Inventory request and a database read on top of Orders').
 * A rename shows in these messages within a minute; nothing else reads them.
 */
export class ProductNames {
  private readonly names = new LRUCache<string, string>({ max: 10_000, ttl: 60_000 });

  /** The names of `ids`, in order (null for a product that is gone), asking `load` for the ones not kept. */
  async of(
    ids: readonly string[],
    load: (ids: string[]) => Promise<ReadonlyArray<{ name: string } | null | Error>>,
  ): Promise<Array<string | null>> {
    const missing = [...new Set(ids.filter((id) => !this.names.has(id)))];
    if (missing.length > 0) {
      const found = await load(missing);
      missing.forEach((id, i) => {
        const product = found[i];
        if (product && !(product instanceof Error)) this.names.set(id, product.name);
      });
    }
    return ids.map((id) => this.names.get(id) ?? null);
  }
}
