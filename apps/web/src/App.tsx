import { useEffect, useRef } from "react";
import { useCart } from "./cart/CartContext.tsx";
import { CartPage } from "./pages/CartPage.tsx";
import { CatalogPage } from "./pages/CatalogPage.tsx";
import { FindOrderPage } from "./pages/FindOrderPage.tsx";
import { NotFoundPage } from "./pages/NotFoundPage.tsx";
import { OrderPage } from "./pages/OrderPage.tsx";
import { ProductPage } from "./pages/ProductPage.tsx";
import { Link, matchRoute, paths, usePathname } from "./router.tsx";

/** The layout every page shares, and the page the address names. */
export function App() {
  const pathname = usePathname();
  const route = matchRoute(pathname);
  const main = useRef<HTMLElement>(null);

  // After a navigation (not on the first page of a visit), move the focus to the new page's heading.
  const shownPath = useRef(pathname);
  useEffect(() => {
    if (shownPath.current === pathname) return;
    shownPath.current = pathname;
    main.current?.querySelector<HTMLElement>("h1")?.focus();
  }, [pathname]);

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <div className="container header-inner">
          <Link to={paths.catalog()} className="brand">
            <span className="brand-mark" aria-hidden="true">
              S
            </span>
            Shop
          </Link>
          <nav aria-label="Main" className="main-nav">
            <Link
              to={paths.findOrder()}
              className="nav-link"
              aria-current={route.page === "find-order" ? "page" : undefined}
            >
              Find your order
            </Link>
            <CartLink current={route.page === "cart"} />
          </nav>
        </div>
      </header>
      <main id="main" ref={main} className="container site-main">
        {route.page === "catalog" && <CatalogPage />}
        {route.page === "product" && <ProductPage key={route.productId} productId={route.productId} />}
        {route.page === "cart" && <CartPage />}
        {route.page === "order" && <OrderPage key={route.orderId} orderId={route.orderId} />}
        {route.page === "find-order" && <FindOrderPage />}
        {route.page === "not-found" && <NotFoundPage />}
      </main>
      <footer className="site-footer">
        <div className="container">Shop · Coffee &amp; tea goods · Prices in US dollars</div>
      </footer>
    </>
  );
}

function CartLink({ current }: { current: boolean }) {
  const { itemCount } = useCart();
  const items = itemCount === 1 ? "1 item" : `${itemCount} items`;
  return (
    <Link to={paths.cart()} className="cart-link" aria-current={current ? "page" : undefined}>
      Cart{" "}
      <span className="cart-count" aria-hidden="true">
        {itemCount}
      </span>
      <span className="visually-hidden"> ({items})</span>
    </Link>
  );
}
