/**
 * The shop's routes, on wouter's History API plumbing (a location hook that
 * follows pushState and back/forward, and a <Link> that navigates in place).
 * The shop has three pages, matched here by hand; the app keeps its own
 * `navigate`/`usePathname`/`Link` names so pages do not depend on the library.
 */
import type { AnchorHTMLAttributes, MouseEvent, Ref } from "react";
import { Link as WouterLink } from "wouter";
import { navigate as navigateBrowser, useBrowserLocation, useSearch } from "wouter/use-browser-location";

export type Route =
  | { page: "catalog" }
  | { page: "product"; productId: string }
  | { page: "cart" }
  | { page: "find-order" }
  | { page: "order"; orderId: string }
  | { page: "not-found" };

/** What a product's or an order's id looks like (a UUID): anything else in a link is a broken link, not a lookup. */
export const isWellFormedId = (id: string): boolean =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

/** The page a path shows. */
export function matchRoute(pathname: string): Route {
  if (pathname === "/") return { page: "catalog" };
  if (pathname === "/cart") return { page: "cart" };
  const product = /^\/products\/([^/]+)$/.exec(pathname);
  if (product?.[1]) return { page: "product", productId: decodeURIComponent(product[1]) };
  if (pathname === "/orders/find") return { page: "find-order" };
  const order = /^\/orders\/([^/]+)$/.exec(pathname);
  if (order?.[1]) return { page: "order", orderId: decodeURIComponent(order[1]) };
  return { page: "not-found" };
}

export const paths = {
  catalog: (query?: URLSearchParams) => (query && query.size > 0 ? `/?${query.toString()}` : "/"),
  product: (productId: string) => `/products/${encodeURIComponent(productId)}`,
  cart: () => "/cart",
  order: (orderId: string, token?: string) =>
    `/orders/${encodeURIComponent(orderId)}${token ? `?token=${encodeURIComponent(token)}` : ""}`,
  findOrder: () => "/orders/find",
};

/** Goes to `to` (a path of this app) and scrolls to the top, as a page load would. */
export function navigate(to: string, { replace = false }: { replace?: boolean } = {}): void {
  navigateBrowser(to, { replace });
  window.scrollTo({ top: 0 });
}

/** The current query string's parameters; re-renders when they change. */
export function useSearchParams(): URLSearchParams {
  return new URLSearchParams(useSearch());
}

/** The current path; re-renders on navigate(), a <Link> and the browser's back and forward. */
export function usePathname(): string {
  return useBrowserLocation()[0];
}

type LinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, "href"> & {
  to: string;
  ref?: Ref<HTMLAnchorElement>;
};

/** An <a href> that navigates in place (wouter's); a modified click (new tab, ...) stays the browser's. */
export function Link({ to, onClick, ...props }: LinkProps) {
  return (
    <WouterLink
      href={to}
      onClick={(event: MouseEvent<HTMLAnchorElement>) => {
        onClick?.(event);
        const modified = event.metaKey || event.ctrlKey || event.shiftKey || event.altKey;
        if (!event.defaultPrevented && event.button === 0 && !modified) window.scrollTo({ top: 0 });
      }}
      {...props}
    />
  );
}
