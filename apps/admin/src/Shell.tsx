import { useState } from "react";
import { AuditPage } from "./audit/AuditPage.tsx";
import { OrderDetailPage } from "./orders/OrderDetailPage.tsx";
import { PageTitle } from "./components/PageTitle.tsx";
import { OrdersPage } from "./orders/OrdersPage.tsx";
import { ProductsPage } from "./products/ProductsPage.tsx";
import { Link, orderIdOf, pageOf, paths, usePathname } from "./router.tsx";
import { ROLE_TEXT, useCan, type SignedIn } from "./session.ts";
import { StaffPage } from "./staff/StaffPage.tsx";

interface ShellProps {
  me: SignedIn;
  /** Ends the session with the gateway: null when done, else why it could not. */
  onSignOut: () => Promise<string | null>;
}

/** The signed-in frame: the brand, the pages this role may see, who is signed in, Sign out; and the page the path names. */
export function Shell({ me, onSignOut }: ShellProps) {
  const pathname = usePathname();
  const page = pageOf(pathname);
  const can = useCan();
  const [signingOut, setSigningOut] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const current = (p: typeof page) => (page === p ? "page" : undefined);
  const manageStaff = can("staff.manage");
  const readAudit = can("audit.read");

  async function signOut() {
    setSigningOut(true);
    setProblem(null);
    const failure = await onSignOut();
    // Signed out: the shell is gone. Not: say so, the session is still on.
    if (failure) {
      setProblem(`You are still signed in: ${failure}`);
      setSigningOut(false);
    }
  }

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
            {manageStaff && (
              <Link to={paths.staff} aria-current={current("staff")}>
                Staff
              </Link>
            )}
            {readAudit && (
              <Link to={paths.audit} aria-current={current("audit")}>
                Audit log
              </Link>
            )}
          </nav>
          <div className="whoami">
            <p className="whoami-text">
              <span className="visually-hidden">Signed in as </span>
              <span className="whoami-email" title={me.email}>
                {me.email}
              </span>{" "}
              <span className="role-tag">{ROLE_TEXT[me.role].label}</span>
            </p>
            <button
              type="button"
              className="button ghost"
              onClick={() => void signOut()}
              disabled={signingOut}
            >
              {signingOut ? "Signing out…" : "Sign out"}
            </button>
          </div>
        </div>
        {problem && (
          <p role="alert" className="topbar-problem">
            {problem}
          </p>
        )}
      </header>
      <main id="main" className="content" tabIndex={-1}>
        {page === "products" && <ProductsPage />}
        {page === "orders" && <OrdersPage />}
        {page === "order" && <OrderDetailPage key={pathname} orderId={orderIdOf(pathname)} />}
        {page === "staff" && (manageStaff ? <StaffPage /> : <OwnersOnly what="Staff" />)}
        {page === "audit" && (readAudit ? <AuditPage /> : <OwnersOnly what="Audit log" />)}
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

/** A page the role may not see, reached by its address: say so rather than show an error. */
function OwnersOnly({ what }: { what: string }) {
  return (
    <section className="empty">
      <PageTitle>{what}</PageTitle>
      <h1>{what}</h1>
      <p>Only an owner of the shop can see this page.</p>
    </section>
  );
}
