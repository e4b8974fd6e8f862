import { useId, useState } from "react";
import { useQuery } from "urql";
import { QueryProblem } from "../components/QueryProblem.tsx";
import { OrdersQuery } from "../graphql/operations.ts";
import type { OrderStatus } from "../gql/graphql.ts";
import { OrderRow } from "./OrderRow.tsx";

export const ORDERS_PAGE_SIZE = 20;

const STATUS_OPTIONS: ReadonlyArray<{ value: OrderStatus | ""; label: string }> = [
  { value: "", label: "All statuses" },
  { value: "PENDING", label: "Pending" },
  { value: "PAID", label: "Paid" },
  { value: "CANCELLED", label: "Cancelled" },
];

/**
 * The orders index, newest first, a page at a time. The gateway pages with an
 * opaque cursor and only forwards, so "Previous" is the stack of cursors that
 * led here.
 */
export function OrdersPage() {
  const filterId = useId();
  const [status, setStatus] = useState<OrderStatus | "">("");
  const [cursors, setCursors] = useState<string[]>([]);
  const cursor = cursors.at(-1) ?? null;
  const [{ data, fetching, error }, refetch] = useQuery({
    query: OrdersQuery,
    variables: { status: status || null, cursor, limit: ORDERS_PAGE_SIZE },
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
          <div className="field inline">
            <label htmlFor={filterId}>Status</label>
            <select
              id={filterId}
              value={status}
              onChange={(event) => {
                setStatus(event.target.value as OrderStatus | "");
                setCursors([]); // a new filter starts at its first page
              }}
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

      {error && !page && <QueryProblem error={error} onRetry={reload} />}
      {!page && fetching && <p className="loading">Loading orders…</p>}
      {page && orders.length === 0 && (
        <div className="empty card">
          <p>{status ? `No ${status.toLowerCase()} orders.` : "No orders yet."}</p>
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
