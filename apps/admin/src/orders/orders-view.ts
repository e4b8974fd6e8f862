/**
 * What the Orders page shows, read from and written to its URL, so a reload,
 * a shared link and the browser's Back and Forward keep the filter and the
 * page: `/orders?q=ada&status=paid&after=c2&after=c3` is the third page of paid
 * orders. The gateway pages forward with opaque cursors, so the URL keeps the
 * trail of cursors that led here ("Previous" drops the last one).
 */
import { ORDER_STATUS_TEXT } from "@shop/ui";
import type { OrderStatus } from "../gql/graphql.ts";
import { hrefWithTrail, readTrail } from "../router.tsx";

export interface OrdersView {
  /** An order number or a customer's email (or part of one). */
  q: string;
  /** Placed on or after / on or before these days (YYYY-MM-DD), or "". */
  from: string;
  to: string;
  status: OrderStatus | null;
  /** The cursors of the pages before this one's start, oldest first; empty on page 1. */
  trail: string[];
}

/** Every status there are words for, in the order the filter offers them. */
export const ORDER_STATUSES = Object.keys(ORDER_STATUS_TEXT) as OrderStatus[];

/** The view a query string names; what it cannot read (an unknown status) is left out. */
export function readOrdersView(search: string): OrdersView {
  const params = new URLSearchParams(search);
  const status = params.get("status")?.toUpperCase();
  const day = (name: string) => {
    const value = params.get(name) ?? "";
    return /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : "";
  };
  return {
    q: (params.get("q") ?? "").trim(),
    from: day("from"),
    to: day("to"),
    status: ORDER_STATUSES.find((s) => s === status) ?? null,
    trail: readTrail(params),
  };
}

/** The address of a view of the Orders page. */
export function ordersHref(path: string, view: OrdersView): string {
  const params = new URLSearchParams();
  if (view.q) params.set("q", view.q);
  if (view.from) params.set("from", view.from);
  if (view.to) params.set("to", view.to);
  if (view.status) params.set("status", view.status.toLowerCase());
  return hrefWithTrail(path, params, view.trail);
}
