/**
 * The admin has two pages; a router library would be more code than the
 * routes. The History API, one subscription for React (useSyncExternalStore),
 * and a <Link> that navigates without a page load.
 */
import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from "react";

export type Page = "products" | "orders" | "not-found";

export const paths = { products: "/products", orders: "/orders" } as const;

/** The page a path shows; the root is the products page. */
export function pageOf(pathname: string): Page {
  if (pathname === "/" || pathname === paths.products) return "products";
  if (pathname === paths.orders) return "orders";
  return "not-found";
}

const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener("popstate", listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("popstate", listener);
  };
}

export function navigate(to: string): void {
  window.history.pushState(null, "", to);
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
