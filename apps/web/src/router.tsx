/**
 * A router small enough to read in one sitting: the History API, one
 * subscription for React (useSyncExternalStore), and a <Link> that navigates
 * without a page load. The shop has three pages; a library would be more code
 * than the routes.
 */
import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from "react";

export type Route =
  { page: "catalog" } | { page: "cart" } | { page: "order"; orderId: string } | { page: "not-found" };

/** The page a path shows. */
export function matchRoute(pathname: string): Route {
  if (pathname === "/") return { page: "catalog" };
  if (pathname === "/cart") return { page: "cart" };
  const order = /^\/orders\/([^/]+)$/.exec(pathname);
  if (order?.[1]) return { page: "order", orderId: decodeURIComponent(order[1]) };
  return { page: "not-found" };
}

export const paths = {
  catalog: () => "/",
  cart: () => "/cart",
  order: (orderId: string) => `/orders/${encodeURIComponent(orderId)}`,
};

const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener("popstate", listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("popstate", listener);
  };
}

/** Goes to `to` (a path of this app) and scrolls to the top, as a page load would. */
export function navigate(to: string, { replace = false }: { replace?: boolean } = {}): void {
  if (replace) window.history.replaceState(null, "", to);
  else window.history.pushState(null, "", to);
  window.scrollTo({ top: 0 });
  for (const listener of listeners) listener();
}

/** The current path; re-renders on navigate() and on the browser's back and forward. */
export function usePathname(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname);
}

type LinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, "href"> & { to: string };

/** An <a href> that navigates in place; a modified click (new tab, ...) stays the browser's. */
export function Link({ to, onClick, ...props }: LinkProps) {
  function handleClick(event: MouseEvent<HTMLAnchorElement>) {
    onClick?.(event);
    const modified = event.metaKey || event.ctrlKey || event.shiftKey || event.altKey;
    if (event.defaultPrevented || event.button !== 0 || modified || props.target) return;
    event.preventDefault();
    navigate(to);
  }
  return <a href={to} onClick={handleClick} {...props} />;
}
