import { useState } from "react";
import { useMutation } from "urql";
import { formatMoney } from "@shop/ui";
import { ConfirmDialog } from "../components/ConfirmDialog.tsx";
import { OrderStatusBadge } from "../components/StatusBadge.tsx";
import { formatDateTime } from "../format.ts";
import { describeError, isNoAnswer } from "../graphql/client.ts";
import { Link, paths } from "../router.tsx";
import { CancelOrderMutation, CapturePaymentMutation } from "../graphql/operations.ts";
import type { OrderStatus, OrdersQuery } from "../gql/graphql.ts";
import { useCan } from "../session.ts";

export type OrderSummary = NonNullable<OrdersQuery["orders"]>["orders"][number];

const NO_ANSWER = "The shop sent no answer. Try again in a moment.";

/** A capture that got no answer may have charged: the retry is safe, and the words say so. */
export const CAPTURE_UNKNOWN =
  "The shop did not answer, so we cannot tell whether the payment went through. " +
  "Capturing again is safe: an order is never charged twice.";
const CAPTURE_DECLINED =
  "The payment did not go through. The order is still waiting for payment; capturing again tries a new charge.";
const CANCEL_UNKNOWN =
  "The shop did not answer, so we cannot tell whether the order was cancelled. Trying again is safe.";

export function unitsBack(units: number): string {
  return units === 1 ? "its 1 unit goes back into stock" : `its ${units} units go back into stock`;
}

interface OrderRowProps {
  order: OrderSummary;
  /** A write went through: what to tell the merchant (the row's buttons are gone with it). */
  onDone: (message: string) => void;
}

/**
 * One order. A pending order can be captured (charged through Payments, then
 * paid) or cancelled, each after a confirmation. The row shows the status the
 * mutation answered at once, without reloading the page: under a "Payment
 * pending" filter a reload would make the row vanish before the merchant saw
 * that it worked.
 */
export function OrderRow({ order, onDone }: OrderRowProps) {
  const [settled, setSettled] = useState<OrderStatus | null>(null);
  const [confirming, setConfirming] = useState<"capture" | "cancel" | null>(null);
  const [, capturePayment] = useMutation(CapturePaymentMutation);
  const [, cancelOrder] = useMutation(CancelOrderMutation);
  const status = settled ?? order.status;
  const can = useCan();
  const units = order.items.reduce((n, item) => n + item.qty, 0);
  const label = `#${order.number}`;

  async function onCapture(): Promise<string | null> {
    const result = await capturePayment({ orderId: order.id });
    const answer = result.data?.capturePayment;
    if (!answer) {
      if (!result.error) return NO_ANSWER;
      return isNoAnswer(result.error) ? CAPTURE_UNKNOWN : describeError(result.error);
    }
    if (answer.__typename === "PaymentFailedError") return CAPTURE_DECLINED;
    if (answer.__typename !== "Order") return answer.message;
    setSettled(answer.status);
    setConfirming(null);
    onDone(`Captured ${formatMoney(order.totalCents)} for order ${label}.`);
    return null;
  }

  async function onCancel(): Promise<string | null> {
    const result = await cancelOrder({ orderId: order.id });
    const answer = result.data?.cancelOrder;
    if (!answer) {
      if (!result.error) return NO_ANSWER;
      return isNoAnswer(result.error) ? CANCEL_UNKNOWN : describeError(result.error);
    }
    if (answer.__typename !== "Order") return answer.message;
    setSettled(answer.status);
    setConfirming(null);
    onDone(`Cancelled order ${label}; ${unitsBack(units)}.`);
    return null;
  }

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
        {confirming === "capture" && (
          <ConfirmDialog
            title={`Capture payment for order ${label}?`}
            confirmLabel={`Capture ${formatMoney(order.totalCents)}`}
            busyLabel="Capturing…"
            cancelLabel="Not now"
            tone="primary"
            onConfirm={onCapture}
            onClose={() => setConfirming(null)}
          >
            <p>
              This charges {formatMoney(order.totalCents)} for the order&rsquo;s{" "}
              {units === 1 ? "1 item" : `${units} items`}. An order is only ever charged once.
            </p>
          </ConfirmDialog>
        )}
        {confirming === "cancel" && (
          <ConfirmDialog
            title={`Cancel order ${label}?`}
            confirmLabel="Cancel order"
            busyLabel="Cancelling…"
            cancelLabel="Keep order"
            onConfirm={onCancel}
            onClose={() => setConfirming(null)}
          >
            <p>Nothing is charged, and {unitsBack(units)}. A cancelled order cannot be captured.</p>
          </ConfirmDialog>
        )}
      </td>
    </tr>
  );
}
