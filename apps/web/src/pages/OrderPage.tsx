import { useQuery } from "urql";
import { PageHeading } from "../components/PageHeading.tsx";
import { ProblemNotice } from "../components/ProblemNotice.tsx";
import { describeError, UNAVAILABLE } from "../graphql/errors.ts";
import { OrderQuery } from "../graphql/operations.ts";
import { formatMoney } from "../money.ts";
import { Link, paths } from "../router.tsx";

const STATUS_TEXT = {
  PENDING: "Received",
  PAID: "Paid",
  CANCELLED: "Cancelled",
} as const;

const dateTime = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short" });

/** The confirmation: where placing an order leads, and a link a shopper can come back to. */
export function OrderPage({ orderId }: { orderId: string }) {
  const [{ data, fetching, error }, reexecute] = useQuery({ query: OrderQuery, variables: { id: orderId } });
  const order = data?.order;

  if (!order) {
    const notFound = data && data.order === null && !error;
    return (
      <>
        <PageHeading>{notFound ? "Order not found" : "Your order"}</PageHeading>
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

  return (
    <div className="confirmation">
      <div className="confirmation-head">
        <span className="confirmation-mark" aria-hidden="true">
          ✓
        </span>
        <PageHeading>Order confirmed</PageHeading>
        <p className="lede">Thank you. Your order is in and its items are set aside for you.</p>
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
          <dd>{STATUS_TEXT[order.status]}</dd>
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
