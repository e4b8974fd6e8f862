import { useState } from "react";
import { useMutation, useQuery } from "urql";
import { countryName } from "@shop/contracts/countries";
import { formatMoney } from "@shop/ui";
import { ConfirmDialog } from "../components/ConfirmDialog.tsx";
import { usePageNotice } from "../components/PageNotice.tsx";
import { PageTitle } from "../components/PageTitle.tsx";
import { QueryProblem } from "../components/QueryProblem.tsx";
import { OrderStatusBadge } from "../components/StatusBadge.tsx";
import { formatDateTime } from "../format.ts";
import { isInvalidInput, NO_ANSWER } from "../graphql/client.ts";
import { AdminOrderQuery, FulfillOrderMutation, RefundPaymentMutation } from "../graphql/operations.ts";
import { parseDollars } from "../products/validation.ts";
import { Link, paths } from "../router.tsx";
import { changedMeanwhile, OrderActionDialog, withoutAnswer } from "./OrderActions.tsx";
import { EVENT_WORDS, eventDetails } from "./timeline-words.ts";

/** What an order id looks like (a UUID): anything else is a broken address, not a lookup. */
const ORDER_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const SHIP_UNKNOWN =
  "The shop did not answer, so we cannot tell whether the order was marked as shipped. " +
  "Trying again is safe: it is marked once, and the customer gets one email.";
const REFUND_UNKNOWN =
  "The shop did not answer, so we cannot tell whether the refund went through. " +
  "Trying again is safe: this refund is paid only once.";

type Action = "capture" | "ship" | "refund" | "cancel";

/**
 * One order in full: who ordered, where it ships, the lines and money, the
 * charge and refunds, the timeline; and the four actions, each confirmed in
 * a dialog and each ending in a visible result: a message that takes the
 * focus (the button pressed is usually gone with the state it belonged to)
 * and the refreshed order.
 */
export function OrderDetailPage({ orderId }: { orderId: string }) {
  const wellFormed = ORDER_ID.test(orderId);
  const [{ data, error }, refetch] = useQuery({
    query: AdminOrderQuery,
    variables: { id: orderId },
    pause: !wellFormed,
  });
  const [action, setAction] = useState<Action | null>(null);
  const notice = usePageNotice();
  const [, ship] = useMutation(FulfillOrderMutation);
  const [, refund] = useMutation(RefundPaymentMutation);
  const [carrier, setCarrier] = useState("");
  const [tracking, setTracking] = useState("");
  const [amount, setAmount] = useState("");
  const [reason, setReason] = useState("");
  // One key per opened refund dialog: a retried click refunds once.
  const [refundKey, setRefundKey] = useState(() => crypto.randomUUID());
  const reload = () => refetch({ requestPolicy: "network-only" });
  const order = data?.adminOrder;

  if (!order) {
    const invalid = !wellFormed || (error !== undefined && isInvalidInput(error));
    const missing = !invalid && data !== undefined && !error;
    const title = invalid ? "Order address not valid" : missing ? "Order not found" : "Order";
    return (
      <section>
        <PageTitle>{title}</PageTitle>
        <p>
          <Link to={paths.orders}>← Orders</Link>
        </p>
        {invalid ? (
          <>
            <h1>This order address is not valid</h1>
            <p>It does not name an order. Find the order on the Orders page, by its number or email.</p>
          </>
        ) : missing ? (
          <>
            <h1>Order not found</h1>
            <p>There is no order at this address. Find it on the Orders page, by its number or email.</p>
          </>
        ) : error ? (
          <QueryProblem error={error} onRetry={reload} />
        ) : (
          <p className="loading">Loading the order…</p>
        )}
      </section>
    );
  }

  const refundable = (order.capturedCents ?? 0) - order.refundedCents;
  /** A write went through: close the dialog, say so where the focus goes, read the order again. */
  const done = (message: string) => {
    setAction(null);
    notice.announce(message, { focus: true });
    reload();
    return null;
  };

  async function confirmShipping(): Promise<string | null> {
    if (!order) return NO_ANSWER;
    const r = await ship({
      orderId: order.id,
      carrier: carrier.trim() || null,
      trackingNumber: tracking.trim() || null,
    });
    const a = r.data?.fulfillOrder;
    if (!a) return withoutAnswer(r.error, SHIP_UNKNOWN);
    if (a.__typename === "InvalidStateError") return changedMeanwhile(order, "marked as shipped");
    return a.__typename === "Order"
      ? done(`Marked order #${order.number} as shipped; the customer gets a shipping notice.`)
      : a.message;
  }

  async function confirmRefund(): Promise<string | null> {
    if (!order) return NO_ANSWER;
    const cents = parseDollars(amount);
    if (cents === null || cents <= 0) return "Enter an amount like 12.50.";
    const r = await refund({
      orderId: order.id,
      amountCents: cents,
      reason: reason.trim() || null,
      idempotencyKey: refundKey,
    });
    const a = r.data?.refundPayment;
    if (!a) return withoutAnswer(r.error, REFUND_UNKNOWN);
    if (a.__typename === "InvalidStateError") return changedMeanwhile(order, "refunded");
    if (a.__typename !== "Order") return a.message;
    setRefundKey(crypto.randomUUID());
    return done(`Refunded ${formatMoney(cents)}; ${formatMoney(a.refundedCents)} refunded in all.`);
  }

  const address = order.shippingAddress;
  return (
    <section aria-labelledby="order-title" className="order-detail">
      <PageTitle>{`Order #${order.number}`}</PageTitle>
      <p>
        <Link to={paths.orders}>← Orders</Link>
      </p>
      <header className="page-header">
        <div>
          <h1 id="order-title">Order #{order.number}</h1>
          <p className="page-subtitle">
            Placed {formatDateTime(order.createdAt)} · <OrderStatusBadge status={order.status} />
          </p>
        </div>
        <div className="toolbar">
          {order.status === "PENDING" && (
            <button type="button" className="button primary" onClick={() => setAction("capture")}>
              Capture payment
            </button>
          )}
          {order.status === "PAID" && (
            <button type="button" className="button primary" onClick={() => setAction("ship")}>
              Mark as shipped
            </button>
          )}
          {(order.status === "PAID" || order.status === "FULFILLED") && refundable > 0 && (
            <button type="button" className="button" onClick={() => setAction("refund")}>
              Refund
            </button>
          )}
          {order.status === "PENDING" && (
            <button type="button" className="button danger" onClick={() => setAction("cancel")}>
              Cancel
            </button>
          )}
        </div>
      </header>

      {notice.element}

      <div className="detail-grid">
        <section className="card" aria-labelledby="customer-h">
          <h2 id="customer-h">Customer</h2>
          {order.customer ? (
            <p>
              {order.customer.name}
              <br />
              <a href={`mailto:${order.customer.email}`}>{order.customer.email}</a>
              {order.customer.phone && (
                <>
                  <br />
                  {order.customer.phone}
                </>
              )}
            </p>
          ) : (
            <p className="muted">No customer details (placed without checkout details).</p>
          )}
          <h2 id="ships-to-h">Ships to</h2>
          {address ? (
            <address>
              {address.line1}
              {address.line2 && (
                <>
                  <br />
                  {address.line2}
                </>
              )}
              <br />
              {address.postalCode} {address.city}
              {address.region ? `, ${address.region}` : ""}
              <br />
              {countryName(address.country)}
            </address>
          ) : (
            <p className="muted">No address.</p>
          )}
          {order.shipment && <h2 id="shipment-h">Shipment</h2>}
          {order.shipment && (
            <p>
              Shipped {formatDateTime(order.shipment.fulfilledAt)}
              {order.shipment.carrier ? ` with ${order.shipment.carrier}` : ""}
              {order.shipment.trackingNumber ? `, tracking ${order.shipment.trackingNumber}` : ""}
            </p>
          )}
        </section>

        <section className="card" aria-labelledby="money-h">
          <h2 id="money-h">Lines and money</h2>
          <table className="table">
            <caption className="visually-hidden">Lines of order {order.number}</caption>
            <thead>
              <tr>
                <th scope="col">Product</th>
                <th scope="col" className="num">
                  Qty
                </th>
                <th scope="col" className="num">
                  Subtotal
                </th>
              </tr>
            </thead>
            <tbody>
              {order.items.map((item) => (
                <tr key={item.product.id}>
                  <th scope="row">{item.product.name}</th>
                  <td className="num">{item.qty}</td>
                  <td className="num">{formatMoney(item.qty * item.priceCents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <dl className="money">
            <dt>Total</dt>
            <dd>{formatMoney(order.totalCents)}</dd>
            <dt>Captured</dt>
            <dd>{formatMoney(order.capturedCents ?? 0)}</dd>
            <dt>Refunded</dt>
            <dd data-testid="refunded">{formatMoney(order.refundedCents)}</dd>
          </dl>
          {(order.refunds ?? []).length > 0 && (
            <>
              <h3>Refunds</h3>
              <ul>
                {(order.refunds ?? []).map((r) => (
                  <li key={r.id}>
                    {formatMoney(r.amountCents)} on {formatDateTime(r.createdAt)}
                    {r.reason ? ` — ${r.reason}` : ""}
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      </div>

      <section className="card" aria-labelledby="timeline-h">
        <h2 id="timeline-h">Timeline</h2>
        <ol className="timeline">
          {(order.timeline ?? []).map((e) => (
            <li key={e.id}>
              <span className="timeline-what">
                <strong>{EVENT_WORDS[e.type] ?? e.type}</strong>
                {eventDetails(e.type, e.data) && ` · ${eventDetails(e.type, e.data)}`}
              </span>
              <span className="timeline-when">
                {formatDateTime(e.createdAt)} · {e.actor}
              </span>
            </li>
          ))}
        </ol>
      </section>

      {(action === "capture" || action === "cancel") && (
        <OrderActionDialog
          action={action}
          order={order}
          onDone={(_, message) => done(message)}
          onClose={() => setAction(null)}
        />
      )}
      {action === "ship" && (
        <ConfirmDialog
          title={`Mark order #${order.number} as shipped?`}
          confirmLabel="Mark as shipped"
          busyLabel="Marking as shipped…"
          cancelLabel="Not now"
          tone="primary"
          onConfirm={confirmShipping}
          onClose={() => setAction(null)}
        >
          <div className="field">
            <label htmlFor="ship-carrier">Carrier</label>
            <input id="ship-carrier" value={carrier} onChange={(e) => setCarrier(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="ship-tracking">Tracking number</label>
            <input id="ship-tracking" value={tracking} onChange={(e) => setTracking(e.target.value)} />
          </div>
          <p>The customer gets a shipping notice by email.</p>
        </ConfirmDialog>
      )}
      {action === "refund" && (
        <ConfirmDialog
          title={`Refund order #${order.number}?`}
          confirmLabel="Refund"
          busyLabel="Refunding…"
          cancelLabel="Not now"
          onConfirm={confirmRefund}
          onClose={() => setAction(null)}
        >
          <div className="field">
            <label htmlFor="refund-amount">Amount (USD)</label>
            <input
              id="refund-amount"
              inputMode="decimal"
              value={amount}
              placeholder={(refundable / 100).toFixed(2)}
              onChange={(e) => setAmount(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="refund-reason">Reason</label>
            <input id="refund-reason" value={reason} onChange={(e) => setReason(e.target.value)} />
          </div>
          <p>
            At most {formatMoney(refundable)} can still be refunded. Money goes back to the customer at once.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
