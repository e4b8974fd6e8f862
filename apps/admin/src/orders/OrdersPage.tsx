import { useId, useState, type FormEvent } from "react";
import { useQuery } from "urql";
import { useSearch } from "wouter";
import { navigate, paths } from "../router.tsx";
import { QueryProblem } from "../components/QueryProblem.tsx";
import { OrdersQuery } from "../graphql/operations.ts";
import type { OrderStatus } from "../gql/graphql.ts";
import { OrderRow } from "./OrderRow.tsx";

export const ORDERS_PAGE_SIZE = 20;

const STATUS_OPTIONS: ReadonlyArray<{ value: OrderStatus | ""; label: string }> = [
  { value: "", label: "All statuses" },
  { value: "PENDING", label: "Pending" },
  { value: "PAID", label: "Paid" },
  { value: "FULFILLED", label: "Shipped" },
  { value: "REFUNDED", label: "Refunded" },
  { value: "CANCELLED", label: "Cancelled" },
];

const STATUSES = new Set(STATUS_OPTIONS.map((o) => o.value));

/** The index's search, filters and page, as the URL holds them (?q=&status=&from=&to=&after=...). */
function filtersOf(search: string) {
  const params = new URLSearchParams(search);
  const status = params.get("status") ?? "";
  return {
    q: params.get("q") ?? "",
    status: (STATUSES.has(status as OrderStatus) ? status : "") as OrderStatus | "",
    from: params.get("from") ?? "",
    to: params.get("to") ?? "",
    cursors: params.getAll("after"),
  };
}

function urlOf(f: ReturnType<typeof filtersOf>): string {
  const params = new URLSearchParams();
  if (f.q) params.set("q", f.q);
  if (f.status) params.set("status", f.status);
  if (f.from) params.set("from", f.from);
  if (f.to) params.set("to", f.to);
  for (const c of f.cursors) params.append("after", c);
  const query = params.toString();
  return query ? `${paths.orders}?${query}` : paths.orders;
}

/**
 * The orders index, newest first, a page at a time. The gateway pages with an
 * opaque cursor and only forwards, so "Previous" is the stack of cursors that
 * led here.
 */
export function OrdersPage() {
  const filterId = useId();
  const filters = filtersOf(useSearch());
  const { status, cursors } = filters;
  const [q, setQ] = useState(filters.q);
  const cursor = cursors.at(-1) ?? null;
  const setFilters = (change: Partial<ReturnType<typeof filtersOf>>) =>
    // A new search or filter starts at its first page.
    navigate(urlOf({ ...filters, cursors: [], ...change }));
  const setCursors = (next: (c: string[]) => string[]) =>
    navigate(urlOf({ ...filters, cursors: next(cursors) }));
  const [{ data, fetching, error }, refetch] = useQuery({
    query: OrdersQuery,
    variables: {
      status: status || null,
      cursor,
      limit: ORDERS_PAGE_SIZE,
      search: filters.q || null,
      from: filters.from || null,
      to: filters.to || null,
    },
  });

  const page = data?.orders;
  const orders = page?.orders ?? [];
  const nextCursor = page?.nextCursor ?? null;
  const reload = () => refetch({ requestPolicy: "network-only" });

  return (
    <section aria-labelledby="orders-title">
      <header className="page-header">
        <div>
          <h1 id="orders-title">Orders</h1>
          <p className="page-subtitle">
            Newest first. Capture pending payments, or cancel to return the stock.
          </p>
        </div>
        <div className="toolbar">
          <form
            role="search"
            className="field inline"
            onSubmit={(event: FormEvent) => {
              event.preventDefault();
              setFilters({ q: q.trim() });
            }}
          >
            <label htmlFor={`${filterId}-q`}>Search</label>
            <input
              id={`${filterId}-q`}
              type="search"
              placeholder="Order number or email"
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
              value={filters.from}
              onChange={(event) => setFilters({ from: event.target.value })}
            />
          </div>
          <div className="field inline">
            <label htmlFor={`${filterId}-to`}>To</label>
            <input
              id={`${filterId}-to`}
              type="date"
              value={filters.to}
              onChange={(event) => setFilters({ to: event.target.value })}
            />
          </div>
          <div className="field inline">
            <label htmlFor={filterId}>Status</label>
            <select
              id={filterId}
              value={status}
              onChange={(event) => setFilters({ status: event.target.value as OrderStatus | "" })}
            >
              {STATUS_OPTIONS.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          </div>
          <button type="button" className="button" onClick={reload} disabled={fetching}>
            Refresh
          </button>
        </div>
      </header>

      {page && (
        <p className="result-count" role="status">
          {page.totalCount === 1 ? "1 order" : `${page.totalCount} orders`}
        </p>
      )}
      {error && !page && <QueryProblem error={error} onRetry={reload} />}
      {!page && fetching && <p className="loading">Loading orders…</p>}
      {page && orders.length === 0 && (
        <div className="empty card">
          <p>
            {filters.q || filters.from || filters.to || status
              ? "No orders match this search."
              : "No orders yet."}
          </p>
        </div>
      )}
      {orders.length > 0 && (
        <div className="table-wrap card" aria-busy={fetching}>
          <table className="table">
            <caption className="visually-hidden">Orders, newest first, page {cursors.length + 1}</caption>
            <thead>
              <tr>
                <th scope="col">Order</th>
                <th scope="col">Placed</th>
                <th scope="col">Status</th>
                <th scope="col" className="num">
                  Total
                </th>
                <th scope="col">Lines</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {orders.map((order) => (
                <OrderRow key={order.id} order={order} />
              ))}
            </tbody>
          </table>
        </div>
      )}

      {(cursors.length > 0 || nextCursor) && (
        <nav className="pager" aria-label="Pages of orders">
          <button
            type="button"
            className="button"
            disabled={cursors.length === 0 || fetching}
            onClick={() => setCursors((c) => c.slice(0, -1))}
          >
            ← Previous
          </button>
          <span className="pager-label">Page {cursors.length + 1}</span>
          <button
            type="button"
            className="button"
            disabled={!nextCursor || fetching}
            onClick={() => nextCursor && setCursors((c) => [...c, nextCursor])}
          >
            Next →
          </button>
        </nav>
      )}
    </section>
  );
}
