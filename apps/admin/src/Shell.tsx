import { OrderDetailPage } from "./orders/OrderDetailPage.tsx";
import { OrdersPage } from "./orders/OrdersPage.tsx";
import { PageTitle } from "./components/PageTitle.tsx";
import { ProductsPage } from "./products/ProductsPage.tsx";
import { Link, orderIdOf, pageOf, paths, usePathname } from "./router.tsx";

/** The signed-in frame: the brand, the two pages, Sign out; and the page the path names. */
export function Shell({ onSignOut }: { onSignOut: () => void }) {
  const pathname = usePathname();
  const page = pageOf(pathname);
  const current = (p: typeof page) => (page === p ? "page" : undefined);
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <div className="topbar-inner">
          <p className="brand">
            Shop <span className="brand-tag">Admin</span>
          </p>
          <nav aria-label="Main" className="nav">
            <Link to={paths.products} aria-current={current("products")}>
              Products
            </Link>
            <Link
              to={paths.orders}
              aria-current={current("orders") ?? (page === "order" ? "true" : undefined)}
            >
              Orders
            </Link>
          </nav>
          <button type="button" className="button ghost" onClick={onSignOut}>
            Sign out
          </button>
        </div>
      </header>
      <main id="main" className="content" tabIndex={-1}>
        {page === "products" && <ProductsPage />}
        {page === "orders" && <OrdersPage />}
        {page === "order" && <OrderDetailPage key={pathname} orderId={orderIdOf(pathname)} />}
        {page === "not-found" && (
          <section className="empty">
            <PageTitle>Page not found</PageTitle>
            <h1>Not found</h1>
            <p>
              There is no page here. Go to <Link to={paths.products}>Products</Link> or{" "}
              <Link to={paths.orders}>Orders</Link>.
            </p>
          </section>
        )}
      </main>
    </div>
  );
}
