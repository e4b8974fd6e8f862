/**
 * The admin's pages, on wouter's History API plumbing (a location hook
 * that follows pushState and back/forward, and a <Link> that navigates in
 * place); the app keeps its own names so pages do not depend on the library.
 */
import type { AnchorHTMLAttributes } from "react";
import { Link as WouterLink } from "wouter";
import {
  navigate as navigateBrowser,
  useBrowserLocation,
  useSearch as useBrowserSearch,
} from "wouter/use-browser-location";

export type Page = "products" | "orders" | "order" | "staff" | "audit" | "not-found";

export const paths = {
  products: "/products",
  orders: "/orders",
  order: (id: string) => `/orders/${encodeURIComponent(id)}`,
  staff: "/staff",
  audit: "/audit",
} as const;

/** The page a path shows; the root is the products page. */
export function pageOf(pathname: string): Page {
  if (pathname === "/" || pathname === paths.products) return "products";
  if (pathname === paths.orders) return "orders";
  if (/^\/orders\/[^/]+$/.test(pathname)) return "order";
  if (pathname === paths.staff) return "staff";
  if (pathname === paths.audit) return "audit";
  return "not-found";
}

/** The id of the order an /orders/:id path names. */
export const orderIdOf = (pathname: string): string =>
  decodeURIComponent(pathname.slice(paths.orders.length + 1));

/** Goes to `to` (a path, maybe with a ?query): a new history entry, so Back returns here. */
export function navigate(to: string, { replace = false }: { replace?: boolean } = {}): void {
  navigateBrowser(to, { replace });
}

/** The current path; re-renders on navigate(), a <Link> and the browser's back and forward. */
export function usePathname(): string {
  return useBrowserLocation()[0];
}

/** The current query string (without "?"); re-renders as the path does. */
export function useSearch(): string {
  return useBrowserSearch();
}

/**
 * The pages before this one, as a list page keeps them in its URL: the
 * gateway pages forward with opaque cursors, so `?after=c2&after=c3` is the
 * third page (the cursors that led here, oldest first; "Previous" drops the last).
 */
export function readTrail(params: URLSearchParams): string[] {
  return params.getAll("after").filter((cursor) => cursor !== "");
}

/** `path` with `params` and then the trail of cursors as its query. */
export function hrefWithTrail(path: string, params: URLSearchParams, trail: readonly string[]): string {
  for (const cursor of trail) params.append("after", cursor);
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

type LinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, "href"> & { to: string };

/** An <a href> that navigates in place (wouter's); a modified click (new tab, ...) stays the browser's. */
export function Link({ to, ...props }: LinkProps) {
  return <WouterLink href={to} {...props} />;
}
