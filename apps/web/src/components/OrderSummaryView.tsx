import { countryName } from "@shop/contracts/countries";
import { formatMoney, orderStatusText } from "@shop/ui";
import type { OrderViewFragment } from "../gql/graphql.ts";
import { PageHeading } from "./PageHeading.tsx";
import { PageTitle } from "./PageTitle.tsx";

const dateTime = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short" });

/** An order as the shopper sees it: its status said plainly, the lines, the total and where it ships. */
export function OrderSummaryView({ order }: { order: OrderViewFragment }) {
  const status = orderStatusText(order.status);
  const address = order.shippingAddress;

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
          <dt>Order</dt>
          <dd className="order-number">Order #{order.number}</dd>
        </div>
        <div>
          <dt>Placed</dt>
          <dd>{dateTime.format(new Date(order.createdAt))}</dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd data-testid="order-status">{status.label}</dd>
        </div>
        {order.shipment && (
          <div>
            <dt>Shipped with</dt>
            <dd>
              {order.shipment.carrier ?? "Carrier not given"}
              {order.shipment.trackingNumber ? `, tracking number ${order.shipment.trackingNumber}` : ""}
            </dd>
          </div>
        )}
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
            <td className="num" data-testid="order-total">
              {formatMoney(order.totalCents)}
            </td>
          </tr>
          {order.refundedCents > 0 && (
            <tr>
              <th scope="row" colSpan={3}>
                Refunded
              </th>
              <td className="num">{formatMoney(order.refundedCents)}</td>
            </tr>
          )}
        </tfoot>
      </table>

      {address && (
        <section aria-labelledby="ships-to" className="ships-to">
          <h2 id="ships-to">Ships to</h2>
          <address data-testid="ships-to">
            {order.customer?.name}
            <br />
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
        </section>
      )}
    </div>
  );
}
