import { orderStatusText } from "@shop/ui";
import { useQuery } from "urql";
import { PageHeading } from "../components/PageHeading.tsx";
import { PageTitle } from "../components/PageTitle.tsx";
import { ProblemNotice } from "../components/ProblemNotice.tsx";
import { describeError, isInvalidInput, UNAVAILABLE } from "../graphql/errors.ts";
import { OrderQuery } from "../graphql/operations.ts";
import { formatMoney } from "../money.ts";
import { Link, paths } from "../router.tsx";

/** What an order id looks like (a UUID): anything else is a broken link, not a lookup. */
const ORDER_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const dateTime = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short" });

/** The confirmation: where placing an order leads, and a link a shopper can come back to. */
export function OrderPage({ orderId }: { orderId: string }) {
  const wellFormed = ORDER_ID.test(orderId);
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: OrderQuery,
    variables: { id: orderId },
    // The status moves on (paid, cancelled): show the cached order at once, then the fresh one.
    requestPolicy: "cache-and-network",
    pause: !wellFormed,
  });
  const order = data?.order;

  if (!wellFormed || (error && isInvalidInput(error))) {
    return (
      <>
        <PageTitle>Order link not valid</PageTitle>
        <PageHeading reclaimFocus>This order link is not valid</PageHeading>
        <p>
          The address does not name an order. Check that you have the whole link, or write to us with your
          order number.
        </p>
        <Link to={paths.catalog()} className="button button-primary">
          Go to the catalog
        </Link>
      </>
    );
  }

  if (!order) {
    const notFound = data && data.order === null && !error;
    return (
      <>
        <PageTitle>{notFound ? "Order not found" : "Your order"}</PageTitle>
        <PageHeading reclaimFocus>{notFound ? "Order not found" : "Your order"}</PageHeading>
        {fetching ? (
          <p role="status">Loading your order…</p>
        ) : notFound ? (
          <p>We have no order with this number. Check the link, or write to us with your order number.</p>
        ) : (
          <ProblemNotice
            problem={error ? describeError(error) : UNAVAILABLE}
            onRetry={() => reexecute({ requestPolicy: "network-only" })}
          />
        )}
      </>
    );
  }

  const status = orderStatusText(order.status);
  return (
    <div className={status.confirmed ? "confirmation" : "confirmation confirmation-stopped"}>
      <PageTitle>{status.heading}</PageTitle>
      <div className="confirmation-head">
        <span className="confirmation-mark" aria-hidden="true">
          {status.confirmed ? "✓" : "✕"}
        </span>
        <PageHeading reclaimFocus>{status.heading}</PageHeading>
        <p className="lede">{status.shopper}</p>
      </div>

      <dl className="order-facts">
        <div>
          <dt>Order number</dt>
          <dd className="order-id">{order.id}</dd>
        </div>
        <div>
          <dt>Placed</dt>
          <dd>{dateTime.format(new Date(order.createdAt))}</dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd>{status.label}</dd>
        </div>
      </dl>

      <table className="order-lines">
        <caption className="visually-hidden">Items in this order</caption>
        <thead>
          <tr>
            <th scope="col">Item</th>
            <th scope="col" className="num">
              Qty
            </th>
            <th scope="col" className="num">
              Price
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
              <td className="num">{formatMoney(item.priceCents)}</td>
              <td className="num">{formatMoney(item.qty * item.priceCents)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={3}>
              Total
            </th>
            <td className="num">{formatMoney(order.totalCents)}</td>
          </tr>
        </tfoot>
      </table>

      <Link to={paths.catalog()} className="button button-primary">
        Continue shopping
      </Link>
    </div>
  );
}
