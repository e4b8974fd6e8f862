/**
 * What the Products page shows, read from and written to its URL, so a
 * reload, a shared link and the browser's Back and Forward keep the search
 * and the page: `/products?q=mug&after=c2` is the second page of products
 * matching "mug".
 */
import { hrefWithTrail, paths, readTrail } from "../router.tsx";

export interface ProductsView {
  /** Words of a product's name, SKU or description; "" for every product. */
  q: string;
  /** The cursors of the pages before this one's start, oldest first; empty on page 1. */
  trail: string[];
}

export function readProductsView(search: string): ProductsView {
  const params = new URLSearchParams(search);
  return { q: (params.get("q") ?? "").trim().slice(0, 200), trail: readTrail(params) };
}

export function productsHref(view: ProductsView): string {
  const params = new URLSearchParams();
  if (view.q) params.set("q", view.q);
  return hrefWithTrail(paths.products, params, view.trail);
}
