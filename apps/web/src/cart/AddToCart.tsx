import { useEffect, useRef } from "react";
import { Link, paths } from "../router.tsx";
import { useCart } from "./CartContext.tsx";
import type { ProductInfo } from "./cart.ts";

/**
 * "Add to cart" and what the cart holds of the product, for a catalog card
 * and a product's page alike. Once the cart holds every unit in stock the
 * button gives way to "View cart"; when the shopper's own click took the last
 * unit, the focus goes to "View cart" rather than falling to the page with
 * the button that held it.
 */
export function AddToCart({ product, noteId }: { product: ProductInfo; noteId: string }) {
  const cart = useCart();
  const inCart = cart.lines.find((line) => line.productId === product.id)?.qty ?? 0;
  const allInCart = product.stockQty > 0 && inCart >= product.stockQty;
  const cartLink = useRef<HTMLAnchorElement>(null);
  const addedLast = useRef(false);

  useEffect(() => {
    if (allInCart && addedLast.current) cartLink.current?.focus();
    addedLast.current = false;
  }, [allInCart]);

  function add() {
    addedLast.current = inCart + 1 >= product.stockQty;
    cart.add(product);
  }

  return (
    <>
      <p id={noteId} className="in-cart" aria-live="polite">
        {allInCart ? `All ${product.stockQty} in your cart` : inCart > 0 ? `${inCart} in your cart` : ""}
      </p>
      {allInCart ? (
        <Link ref={cartLink} to={paths.cart()} className="button button-secondary" aria-describedby={noteId}>
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
    </>
  );
}
