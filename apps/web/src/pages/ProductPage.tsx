import { useEffect } from "react";
import { useQuery } from "urql";
import { formatMoney } from "@shop/ui";
import { useCart } from "../cart/CartContext.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { ProblemNotice } from "../components/ProblemNotice.tsx";
import { ProductPicture } from "../components/ProductPicture.tsx";
import { describeError, UNAVAILABLE } from "../graphql/errors.ts";
import { ProductQuery } from "../graphql/operations.ts";
import { Link, paths } from "../router.tsx";
import { stockLabel } from "./CatalogPage.tsx";

/** One product: its pictures, description, price and stock, and "Add to cart". */
export function ProductPage({ productId }: { productId: string }) {
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: ProductQuery,
    variables: { id: productId },
    requestPolicy: "cache-and-network",
  });
  const product = data?.product;
  const cart = useCart();
  const { refresh } = cart;
  useEffect(() => {
    if (product) refresh([product]);
  }, [product, refresh]);

  if (!product) {
    if (fetching) return <p role="status">Loading the product…</p>;
    if (data && !error) {
      return (
        <>
          <PageHeading>Product not found</PageHeading>
          <p className="notice">
            This product is not in the shop any more. <Link to={paths.catalog()}>See every product</Link>
          </p>
        </>
      );
    }
    return (
      <ProblemNotice
        problem={error ? describeError(error) : UNAVAILABLE}
        onRetry={() => reexecute({ requestPolicy: "network-only" })}
      />
    );
  }

  const stock = stockLabel(product.stockQty);
  const inCart = cart.lines.find((line) => line.productId === product.id)?.qty ?? 0;
  const allInCart = product.stockQty > 0 && inCart >= product.stockQty;
  const [main, ...more] = product.images;
  return (
    <article className="product-page" aria-labelledby="product-title">
      <p className="back-link">
        <Link to={paths.catalog()}>← All products</Link>
      </p>
      <div className="product-page-grid">
        <div className="product-gallery">
          <ProductPicture
            name={product.name}
            image={main}
            sizes="(max-width: 760px) 100vw, 560px"
            eager
            className="product-photo product-photo-main"
          />
          {more.length > 0 && (
            <ul className="product-thumbs" aria-label="More pictures">
              {more.map((image) => (
                <li key={image.url}>
                  <ProductPicture name={product.name} image={image} sizes="160px" />
                </li>
              ))}
            </ul>
          )}
        </div>
        <div className="product-facts">
          <PageHeading id="product-title">{product.name}</PageHeading>
          <p className="price price-large">{formatMoney(product.priceCents)}</p>
          <p className={`stock stock-${stock.tone}`}>{stock.text}</p>
          <button
            type="button"
            className="button button-primary"
            disabled={product.stockQty <= 0 || allInCart}
            aria-describedby="product-cart-note"
            onClick={() => cart.add(product)}
          >
            Add to cart
          </button>
          <p id="product-cart-note" className="in-cart" aria-live="polite">
            {allInCart ? `All ${product.stockQty} in your cart` : inCart > 0 ? `${inCart} in your cart` : ""}
          </p>
          {product.description && (
            <div className="product-description">
              {product.description.split(/\n{2,}/).map((paragraph, i) => (
                <p key={i}>{paragraph}</p>
              ))}
            </div>
          )}
          {product.sku && <p className="sku">SKU {product.sku}</p>}
        </div>
      </div>
    </article>
  );
}
