import { useEffect, useMemo, useRef } from "react";
import { useQuery } from "urql";
import type { ProductInfo } from "../cart/cart.ts";
import { useCart } from "../cart/CartContext.tsx";
import { shelfOrder } from "../catalog/shelf-order.ts";
import { PageHeading } from "../components/PageHeading.tsx";
import { PageTitle } from "../components/PageTitle.tsx";
import { ProblemNotice } from "../components/ProblemNotice.tsx";
import { ProductArt } from "../components/ProductArt.tsx";
import { describeError, UNAVAILABLE } from "../graphql/errors.ts";
import { ProductsQuery } from "../graphql/operations.ts";
import { formatMoney } from "../money.ts";
import { Link, paths } from "../router.tsx";

/** How a product's stock reads on its card. */
export function stockLabel(stockQty: number): { text: string; tone: "out" | "low" | "ok" } {
  if (stockQty <= 0) return { text: "Sold out", tone: "out" };
  if (stockQty <= 3) return { text: `Only ${stockQty} left`, tone: "low" };
  return { text: "In stock", tone: "ok" };
}

export function CatalogPage() {
  // Stock changes with every order: show the cached catalog at once, then the fresh one.
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: ProductsQuery,
    requestPolicy: "cache-and-network",
  });
  const products = data?.products;
  const shelf = useMemo(() => (products ? shelfOrder(products) : undefined), [products]);
  const { refresh } = useCart();
  useEffect(() => {
    if (products) refresh(products);
  }, [products, refresh]);

  return (
    <>
      <PageTitle>Coffee &amp; tea goods</PageTitle>
      <div className="page-intro">
        <PageHeading>Coffee &amp; tea goods</PageHeading>
        <p className="lede">Brewing gear and tableware for everyday coffee and tea. Prices in US dollars.</p>
      </div>
      {shelf ? (
        shelf.length > 0 ? (
          <ul className="product-grid" aria-label="Products">
            {shelf.map((product) => (
              <li key={product.id}>
                <ProductCard product={product} />
              </li>
            ))}
          </ul>
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

function ProductCard({ product }: { product: ProductInfo }) {
  const cart = useCart();
  const inCart = cart.lines.find((line) => line.productId === product.id)?.qty ?? 0;
  const stock = stockLabel(product.stockQty);
  const allInCart = product.stockQty > 0 && inCart >= product.stockQty;
  const nameId = `product-${product.id}-name`;
  const noteId = `product-${product.id}-note`;
  const cartLink = useRef<HTMLAnchorElement>(null);
  const addedLast = useRef(false);

  // The last unit disables "Add to cart" under the pointer's focus: hand the
  // focus to "View cart" beside it rather than letting it fall to the page.
  useEffect(() => {
    if (allInCart && addedLast.current) cartLink.current?.focus();
    addedLast.current = false;
  }, [allInCart]);

  function add() {
    addedLast.current = inCart + 1 >= product.stockQty;
    cart.add(product);
  }

  return (
    <article className="product-card" aria-labelledby={nameId}>
      <ProductArt name={product.name} />
      <div className="product-body">
        {/* Clamped to two lines on the card; the title shows the whole name on hover, and it is read whole. */}
        <h2 id={nameId} className="product-name" title={product.name}>
          {product.name}
        </h2>
        <p className="price">{formatMoney(product.priceCents)}</p>
        <p className={`stock stock-${stock.tone}`}>{stock.text}</p>
        <p id={noteId} className="in-cart" aria-live="polite">
          {allInCart ? `All ${product.stockQty} in your cart` : inCart > 0 ? `${inCart} in your cart` : ""}
        </p>
        {allInCart ? (
          <Link
            ref={cartLink}
            to={paths.cart()}
            className="button button-secondary"
            aria-describedby={noteId}
          >
            View cart
          </Link>
        ) : (
          <button
            type="button"
            className="button button-primary"
            disabled={product.stockQty <= 0}
            aria-describedby={noteId}
            onClick={add}
          >
            Add to cart
          </button>
        )}
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
