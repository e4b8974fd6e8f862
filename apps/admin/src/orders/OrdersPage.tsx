import { orderStatusText } from "@shop/ui";
import { useId, useState, type FormEvent } from "react";
import { useQuery } from "urql";
import { usePageNotice } from "../components/PageNotice.tsx";
import { PageTitle } from "../components/PageTitle.tsx";
import { Pager } from "../components/Pager.tsx";
import { QueryProblem } from "../components/QueryProblem.tsx";
import { OrdersQuery } from "../graphql/operations.ts";
import type { OrderStatus } from "../gql/graphql.ts";
import { navigate, paths, useSearch } from "../router.tsx";
import { OrderRow } from "./OrderRow.tsx";
import { ORDER_STATUSES, ordersHref, readOrdersView, type OrdersView } from "./orders-view.ts";

export const ORDERS_PAGE_SIZE = 20;

/**
 * The orders index, newest first, a page at a time. The filter and the page
 * live in the URL (orders-view.ts): a reload keeps them, and each change is a
 * history entry, so Back goes to the page or filter before.
 */
export function OrdersPage() {
  const filterId = useId();
  const view = readOrdersView(useSearch());
  const { status, trail } = view;
  const [q, setQ] = useState(view.q);
  const cursor = trail.at(-1) ?? null;
  const notice = usePageNotice();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: OrdersQuery,
    variables: {
      status,
      cursor,
      limit: ORDERS_PAGE_SIZE,
      search: view.q || null,
      from: view.from || null,
      to: view.to || null,
    },
  });

  const page = data?.orders;
  const orders = page?.orders ?? [];
  const nextCursor = page?.nextCursor ?? null;
  const reload = () => refetch({ requestPolicy: "network-only" });
  const go = (next: OrdersView) => navigate(ordersHref(paths.orders, next));
  // A new search or filter starts at its first page.
  const filter = (change: Partial<OrdersView>) => go({ ...view, trail: [], ...change });
  const pageNumber = trail.length + 1;

  return (
    <section aria-labelledby="orders-title">
      <PageTitle>{pageNumber > 1 ? `Orders, page ${pageNumber}` : "Orders"}</PageTitle>
      <header className="page-header">
        <div>
          <h1 id="orders-title">Orders</h1>
          <p className="page-subtitle">
            Newest first. Open an order to ship or refund it; capture pending payments, or cancel to return
            the stock.
          </p>
        </div>
        <div className="toolbar">
          <form
            role="search"
            className="field inline"
            onSubmit={(event: FormEvent) => {
              event.preventDefault();
              filter({ q: q.trim() });
            }}
          >
            <label htmlFor={`${filterId}-q`}>Search</label>
            <input
              id={`${filterId}-q`}
              type="search"
              placeholder="Order number or email"
              maxLength={200}
              value={q}
              onChange={(event) => setQ(event.target.value)}
            />
            <button type="submit" className="button">
              Search
            </button>
          </form>
          <div className="field inline">
            <label htmlFor={`${filterId}-from`}>From</label>
            <input
              id={`${filterId}-from`}
              type="date"
              value={view.from}
              onChange={(event) => filter({ from: event.target.value })}
            />
          </div>
          <div className="field inline">
            <label htmlFor={`${filterId}-to`}>To</label>
            <input
              id={`${filterId}-to`}
              type="date"
              value={view.to}
              onChange={(event) => filter({ to: event.target.value })}
            />
          </div>
          <div className="field inline">
            <label htmlFor={filterId}>Status</label>
            <select
              id={filterId}
              value={status ?? ""}
              // A new filter starts at its first page.
              onChange={(event) => filter({ status: (event.target.value || null) as OrderStatus | null })}
            >
              <option value="">All statuses</option>
              {ORDER_STATUSES.map((value) => (
                <option key={value} value={value}>
                  {orderStatusText(value).label}
                </option>
              ))}
            </select>
          </div>
          {/* Never disabled under the focus: pressing it must not drop the focus to the page. */}
          <button type="button" className="button" onClick={reload} aria-busy={fetching}>
            Refresh
          </button>
        </div>
      </header>

      {notice.element}
      {page && (
        // Not a live region: the page notice is the one that speaks up after an action.
        <p className="result-count">{page.totalCount === 1 ? "1 order" : `${page.totalCount} orders`}</p>
      )}

      {error && !page && <QueryProblem error={error} onRetry={reload} />}
      {!page && fetching && <p className="loading">Loading orders…</p>}
      {page && orders.length === 0 && (
        <div className="empty card">
          <p>
            {view.q || view.from || view.to
              ? "No orders match this search."
              : status
                ? `No orders with the status “${orderStatusText(status).label}”${trail.length ? " on this page" : ""}.`
                : "No orders yet."}
          </p>
        </div>
      )}
      {orders.length > 0 && (
        <div className="table-wrap card" aria-busy={fetching}>
          <table className="table table-cards">
            <caption className="visually-hidden">Orders, newest first, page {pageNumber}</caption>
            <thead>
              <tr>
                <th scope="col">Order</th>
                <th scope="col">Placed</th>
                <th scope="col">Status</th>
                <th scope="col" className="num">
                  Total
                </th>
                <th scope="col">Items</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {orders.map((order) => (
                <OrderRow
                  key={order.id}
                  order={order}
                  onDone={(message) => notice.announce(message, { focus: true })}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}

      <Pager
        label="Pages of orders"
        pageNumber={pageNumber}
        next={nextCursor !== null}
        onPrevious={() => go({ ...view, trail: trail.slice(0, -1) })}
        onNext={() => nextCursor && !fetching && go({ ...view, trail: [...trail, nextCursor] })}
      />
    </section>
  );
}
