import { useEffect, useState, type FormEvent } from "react";
import { useQuery } from "urql";
import { formatMoney } from "@shop/ui";
import { AddToCart } from "../cart/AddToCart.tsx";
import { useCart } from "../cart/CartContext.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { PageTitle } from "../components/PageTitle.tsx";
import { ProblemNotice } from "../components/ProblemNotice.tsx";
import { ProductPicture, type PictureInfo } from "../components/ProductPicture.tsx";
import { describeError, UNAVAILABLE } from "../graphql/errors.ts";
import { CatalogQuery } from "../graphql/operations.ts";
import { Link, navigate, paths, useSearchParams } from "../router.tsx";
import { PAGE_SIZE, readView, SORT_LABELS, sortKeyOf, writeView } from "./catalog-query.ts";

/** How a product's stock reads on its card. */
export function stockLabel(stockQty: number): { text: string; tone: "out" | "low" | "ok" } {
  if (stockQty <= 0) return { text: "Sold out", tone: "out" };
  if (stockQty <= 3) return { text: `Only ${stockQty} left`, tone: "low" };
  return { text: "In stock", tone: "ok" };
}

interface CardProduct {
  id: string;
  name: string;
  priceCents: number;
  stockQty: number;
  images: ReadonlyArray<PictureInfo>;
}

export function CatalogPage() {
  const params = useSearchParams();
  const view = readView(params);
  // Stock changes with every order: show the cached page at once, then the fresh one.
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: CatalogQuery,
    variables: {
      first: PAGE_SIZE,
      after: view.after ?? null,
      search: view.search || null,
      ...(view.sort ? { sort: view.sort } : {}),
      inStock: view.inStock || null,
    },
    requestPolicy: "cache-and-network",
  });
  const connection = data?.catalog;
  const products = connection?.edges.map((e) => e.node);
  const pageInfo = connection?.pageInfo;
  const totalCount = connection?.totalCount ?? 0;
  const { refresh } = useCart();
  useEffect(() => {
    if (products) refresh(products);
  }, [products, refresh]);

  const go = (next: URLSearchParams) => navigate(paths.catalog(next), { replace: true });
  const filtered = view.search !== "" || view.inStock;

  return (
    <>
      <PageTitle>Coffee &amp; tea goods</PageTitle>
      <div className="page-intro">
        <PageHeading>Coffee &amp; tea goods</PageHeading>
        <p className="lede">Brewing gear and tableware for everyday coffee and tea. Prices in US dollars.</p>
      </div>
      <CatalogControls
        key={view.search}
        search={view.search}
        sortKey={sortKeyOf(view.sort)}
        inStock={view.inStock}
        onSearch={(search) => go(writeView({ search }, view))}
        onSort={(sortKey) => go(writeView({ sortKey }, view))}
        onInStock={(inStock) => go(writeView({ inStock }, view))}
      />
      {products ? (
        products.length > 0 ? (
          <>
            <p className="result-count" role="status">
              {totalCount === 1 ? "1 product" : `${totalCount} products`}
              {view.search ? ` for “${view.search}”` : ""}
            </p>
            <ul className="product-grid" aria-label="Products">
              {products.map((product) => (
                <li key={product.id}>
                  <ProductCard product={product} />
                </li>
              ))}
            </ul>
            <nav className="pager" aria-label="Pages">
              {view.after && (
                <Link to={paths.catalog(writeView({}, view))} className="button button-quiet">
                  First page
                </Link>
              )}
              {pageInfo?.hasNextPage && pageInfo.endCursor && (
                <Link
                  to={paths.catalog(writeView({ after: pageInfo.endCursor }, view))}
                  className="button button-primary"
                >
                  Next page
                </Link>
              )}
            </nav>
          </>
        ) : filtered ? (
          <p className="notice">No products match. Try other words, or clear “In stock only”.</p>
        ) : (
          <p className="notice">Nothing is for sale right now. Please check back soon.</p>
        )
      ) : fetching ? (
        <ProductGridSkeleton />
      ) : (
        <ProblemNotice
          problem={error ? describeError(error) : UNAVAILABLE}
          onRetry={() => reexecute({ requestPolicy: "network-only" })}
        />
      )}
    </>
  );
}

function CatalogControls(props: {
  search: string;
  sortKey: string;
  inStock: boolean;
  onSearch(search: string): void;
  onSort(sortKey: string): void;
  onInStock(inStock: boolean): void;
}) {
  const [search, setSearch] = useState(props.search);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onSearch(search.trim());
  };
  return (
    <form className="catalog-controls" role="search" onSubmit={submit}>
      <div className="search-field">
        <label htmlFor="catalog-search">Search products</label>
        <div className="search-row">
          <input
            id="catalog-search"
            type="search"
            value={search}
            maxLength={200}
            onChange={(e) => setSearch(e.target.value)}
          />
          <button type="submit" className="button button-primary">
            Search
          </button>
        </div>
      </div>
      <div className="sort-field">
        <label htmlFor="catalog-sort">Sort by</label>
        <select
          id="catalog-sort"
          value={props.sortKey || (props.search ? "" : "name")}
          onChange={(e) => props.onSort(e.target.value)}
        >
          {SORT_LABELS.map((s) =>
            // Without a search, no sort means by name: "Best match" only means something with one.
            s.value === "" && !props.search ? null : (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ),
          )}
        </select>
      </div>
      <label className="in-stock-field">
        <input type="checkbox" checked={props.inStock} onChange={(e) => props.onInStock(e.target.checked)} />
        In stock only
      </label>
    </form>
  );
}

function ProductCard({ product }: { product: CardProduct }) {
  const stock = stockLabel(product.stockQty);
  const nameId = `product-${product.id}-name`;

  return (
    <article className="product-card" aria-labelledby={nameId}>
      <ProductPicture name={product.name} image={product.images[0]} sizes="(max-width: 600px) 45vw, 260px" />
      <div className="product-body">
        {/* Clamped to two lines on the card; the title shows the whole name on hover, and it is read whole. */}
        <h2 id={nameId} className="product-name" title={product.name}>
          <Link to={paths.product(product.id)}>{product.name}</Link>
        </h2>
        <p className="price">{formatMoney(product.priceCents)}</p>
        <p className={`stock stock-${stock.tone}`}>{stock.text}</p>
        <AddToCart product={product} noteId={`product-${product.id}-note`} />
      </div>
    </article>
  );
}

function ProductGridSkeleton() {
  return (
    <div aria-busy="true">
      <p role="status" className="visually-hidden">
        Loading products…
      </p>
      <ul className="product-grid" aria-hidden="true">
        {Array.from({ length: 8 }, (_, i) => (
          <li key={i} className="product-card skeleton" />
        ))}
      </ul>
    </div>
  );
}
