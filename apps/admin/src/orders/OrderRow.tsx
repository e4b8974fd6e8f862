import { useState } from "react";
import { useMutation } from "urql";
import { ConfirmDialog } from "../components/ConfirmDialog.tsx";
import { StatusBadge } from "../components/StatusBadge.tsx";
import { formatDateTime, formatMoney } from "../format.ts";
import { Link, paths } from "../router.tsx";
import { describeError } from "../graphql/client.ts";
import { CancelOrderMutation, CapturePaymentMutation } from "../graphql/operations.ts";
import type { OrderStatus, OrdersQuery } from "../gql/graphql.ts";

export type OrderSummary = NonNullable<OrdersQuery["orders"]>["orders"][number];

const NO_ANSWER = "The gateway sent no answer. Try again.";

/**
 * One order. A PENDING order can be captured (charged through Payments, then
 * PAID) or cancelled. The row shows the status the mutation answered at once,
 * without reloading the page: under a "Pending" filter a reload would make
 * the row vanish before the admin saw that it worked.
 */
export function OrderRow({ order }: { order: OrderSummary }) {
  const [settled, setSettled] = useState<OrderStatus | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [confirmingCancel, setConfirmingCancel] = useState(false);
  const [capture, capturePayment] = useMutation(CapturePaymentMutation);
  const [, cancelOrder] = useMutation(CancelOrderMutation);
  const status = settled ?? order.status;

  async function onCapture() {
    setProblem(null);
    const result = await capturePayment({ orderId: order.id });
    const answer = result.data?.capturePayment;
    if (!answer) return setProblem(result.error ? describeError(result.error) : NO_ANSWER);
    if (answer.__typename === "Order") return setSettled(answer.status);
    // PaymentFailedError (the order stays PENDING: capturing again is a new charge), or a state that moved on.
    setProblem(answer.message);
  }

  async function onCancel(): Promise<string | null> {
    const result = await cancelOrder({ orderId: order.id });
    const answer = result.data?.cancelOrder;
    if (!answer) return result.error ? describeError(result.error) : NO_ANSWER;
    if (answer.__typename !== "Order") return answer.message;
    setSettled(answer.status);
    setProblem(null);
    setConfirmingCancel(false);
    return null;
  }

  return (
    <tr>
      <th scope="row" className="cell-id">
        <Link to={paths.order(order.id)} title={order.id}>
          #{order.number}
        </Link>
        {order.customer && <div className="muted">{order.customer.email}</div>}
      </th>
      <td className="nowrap">{formatDateTime(order.createdAt)}</td>
      <td>
        <StatusBadge status={status} />
      </td>
      <td className="num">{formatMoney(order.totalCents)}</td>
      <td>
        <ul className="lines">
          {order.items.map((item) => (
            <li key={item.product.id}>
              <span className="qty">{item.qty} ×</span> {item.product.name}
              <span className="cell-sub"> at {formatMoney(item.priceCents)}</span>
            </li>
          ))}
        </ul>
      </td>
      <td className="actions">
        {status === "PENDING" && (
          <>
            <button
              type="button"
              className="button small primary"
              onClick={() => void onCapture()}
              disabled={capture.fetching}
              aria-describedby={problem ? `${order.id}-problem` : undefined}
            >
              {capture.fetching ? "Capturing…" : "Capture payment"}
              <span className="visually-hidden"> for order #{order.number}</span>
            </button>
            <button
              type="button"
              className="button small danger-quiet"
              onClick={() => setConfirmingCancel(true)}
              disabled={capture.fetching}
            >
              Cancel
              <span className="visually-hidden"> order #{order.number}</span>
            </button>
          </>
        )}
        {problem && (
          <p id={`${order.id}-problem`} role="alert" className="row-problem">
            {problem}
          </p>
        )}
        {confirmingCancel && (
          <ConfirmDialog
            title={`Cancel order #${order.number}?`}
            confirmLabel="Cancel order"
            cancelLabel="Keep order"
            onConfirm={onCancel}
            onClose={() => setConfirmingCancel(false)}
          >
            <p>
              Nothing is charged and its {order.items.reduce((n, item) => n + item.qty, 0)} units go back into
              stock. A cancelled order cannot be captured.
            </p>
          </ConfirmDialog>
        )}
      </td>
    </tr>
  );
}
