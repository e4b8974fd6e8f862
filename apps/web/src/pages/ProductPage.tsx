import { useEffect } from "react";
import { useQuery } from "urql";
import { formatMoney } from "@shop/ui";
import { AddToCart } from "../cart/AddToCart.tsx";
import { useCart } from "../cart/CartContext.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { PageTitle } from "../components/PageTitle.tsx";
import { ProblemNotice } from "../components/ProblemNotice.tsx";
import { ProductPicture } from "../components/ProductPicture.tsx";
import { describeError, isInvalidInput, UNAVAILABLE } from "../graphql/errors.ts";
import { ProductQuery } from "../graphql/operations.ts";
import { isWellFormedId, Link, paths } from "../router.tsx";
import { stockLabel } from "./CatalogPage.tsx";

/** One product: its pictures, description, price and stock, and "Add to cart". */
export function ProductPage({ productId }: { productId: string }) {
  const wellFormed = isWellFormedId(productId);
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: ProductQuery,
    variables: { id: productId },
    requestPolicy: "cache-and-network",
    pause: !wellFormed,
  });
  const product = data?.product;
  const { refresh } = useCart();
  useEffect(() => {
    if (product) refresh([product]);
  }, [product, refresh]);

  if (!wellFormed || (error && isInvalidInput(error))) {
    return (
      <>
        <PageTitle>Product link not valid</PageTitle>
        <PageHeading reclaimFocus>This product link is not valid</PageHeading>
        <p>
          The address does not name a product. <Link to={paths.catalog()}>See every product</Link>, or search
          the catalog for it.
        </p>
      </>
    );
  }

  if (!product) {
    if (fetching) {
      return (
        <>
          <PageTitle>Product</PageTitle>
          <p role="status">Loading the product…</p>
        </>
      );
    }
    if (data && !error) {
      return (
        <>
          <PageTitle>Product not found</PageTitle>
          <PageHeading reclaimFocus>Product not found</PageHeading>
          <p className="notice">
            This product is not in the shop any more. <Link to={paths.catalog()}>See every product</Link>
          </p>
        </>
      );
    }
    return (
      <>
        <PageTitle>Product</PageTitle>
        <ProblemNotice
          problem={error ? describeError(error) : UNAVAILABLE}
          onRetry={() => reexecute({ requestPolicy: "network-only" })}
        />
      </>
    );
  }

  const stock = stockLabel(product.stockQty);
  const [main, ...more] = product.images;
  return (
    <article className="product-page" aria-labelledby="product-title">
      <PageTitle>{product.name}</PageTitle>
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
          <PageHeading id="product-title" reclaimFocus>
            {product.name}
          </PageHeading>
          <p className="price price-large">{formatMoney(product.priceCents)}</p>
          <p className={`stock stock-${stock.tone}`}>{stock.text}</p>
          <AddToCart product={product} noteId="product-cart-note" />
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
