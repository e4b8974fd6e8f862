import type { CatalogSort } from "../gql/graphql.ts";

/** What the catalog shows, as kept in the URL: `?q=&sort=&in_stock=1&after=`. */
export interface CatalogView {
  search: string;
  sort: CatalogSort | undefined;
  inStock: boolean;
  after: string | undefined;
}

export const PAGE_SIZE = 24;

const SORTS: Record<string, CatalogSort> = {
  name: "NAME",
  price_asc: "PRICE_ASC",
  price_desc: "PRICE_DESC",
  newest: "NEWEST",
};

export const SORT_LABELS: Array<{ value: string; label: string }> = [
  { value: "", label: "Best match" },
  { value: "name", label: "Name" },
  { value: "price_asc", label: "Price: low to high" },
  { value: "price_desc", label: "Price: high to low" },
  { value: "newest", label: "Newest" },
];

export function readView(params: URLSearchParams): CatalogView {
  return {
    search: params.get("q")?.slice(0, 200) ?? "",
    sort: SORTS[params.get("sort") ?? ""],
    inStock: params.get("in_stock") === "1",
    after: params.get("after") || undefined,
  };
}

/** The URL query for a view; a change of search, sort or filter starts again from the first page. */
export function writeView(
  view: Partial<CatalogView> & { sortKey?: string },
  current: CatalogView,
): URLSearchParams {
  const next = new URLSearchParams();
  const search = view.search ?? current.search;
  const sortKey = view.sortKey ?? Object.entries(SORTS).find(([, v]) => v === current.sort)?.[0] ?? "";
  const inStock = view.inStock ?? current.inStock;
  if (search) next.set("q", search);
  if (sortKey) next.set("sort", sortKey);
  if (inStock) next.set("in_stock", "1");
  if (view.after) next.set("after", view.after);
  return next;
}

export const sortKeyOf = (sort: CatalogSort | undefined) =>
  Object.entries(SORTS).find(([, v]) => v === sort)?.[0] ?? "";
