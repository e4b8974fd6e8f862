import { useState } from "react";
import { formatMoney } from "@shop/ui";
import { OrderStatusBadge } from "../components/StatusBadge.tsx";
import { formatDateTime } from "../format.ts";
import { Link, paths } from "../router.tsx";
import type { OrderStatus, OrdersQuery } from "../gql/graphql.ts";
import { useCan } from "../session.ts";
import { OrderActionDialog } from "./OrderActions.tsx";

export type OrderSummary = NonNullable<OrdersQuery["orders"]>["orders"][number];

interface OrderRowProps {
  order: OrderSummary;
  /** A write went through: what to tell the merchant (the row's buttons are gone with it). */
  onDone: (message: string) => void;
}

/**
 * One order. A pending order can be captured (charged through Payments, then
 * paid) or cancelled, each after a confirmation (OrderActions.tsx). The row
 * shows the status the mutation answered at once, without reloading the
 * page: under a "Payment pending" filter a reload would make the row vanish
 * before the merchant saw that it worked.
 */
export function OrderRow({ order, onDone }: OrderRowProps) {
  const [settled, setSettled] = useState<OrderStatus | null>(null);
  const [confirming, setConfirming] = useState<"capture" | "cancel" | null>(null);
  const status = settled ?? order.status;
  const can = useCan();
  const label = `#${order.number}`;
  const done = (next: OrderStatus, message: string) => {
    setSettled(next);
    setConfirming(null);
    onDone(message);
  };

  return (
    <tr>
      <th scope="row" className="cell-id" data-label="Order">
        <Link to={paths.order(order.id)} title={order.id}>
          {label}
        </Link>
        {order.customer && <div className="muted">{order.customer.email}</div>}
      </th>
      <td className="nowrap" data-label="Placed">
        {formatDateTime(order.createdAt)}
      </td>
      <td data-label="Status">
        <OrderStatusBadge status={status} />
      </td>
      <td className="num" data-label="Total">
        {formatMoney(order.totalCents)}
      </td>
      <td data-label="Items">
        <ul className="lines">
          {order.items.map((item) => (
            <li key={item.product.id}>
              <span className="qty">{item.qty} ×</span> <span className="line-name">{item.product.name}</span>
              <span className="cell-sub"> at {formatMoney(item.priceCents)}</span>
            </li>
          ))}
        </ul>
      </td>
      <td className="actions">
        {status === "PENDING" && (
          <>
            {can("orders.capture") && (
              <button type="button" className="button small primary" onClick={() => setConfirming("capture")}>
                Capture payment
                <span className="visually-hidden"> for order {label}</span>
              </button>
            )}
            {can("orders.cancel") && (
              <button
                type="button"
                className="button small danger-quiet"
                onClick={() => setConfirming("cancel")}
              >
                Cancel
                <span className="visually-hidden"> order {label}</span>
              </button>
            )}
          </>
        )}
        {confirming && (
          <OrderActionDialog
            action={confirming}
            order={order}
            onDone={done}
            onClose={() => setConfirming(null)}
          />
        )}
      </td>
    </tr>
  );
}
