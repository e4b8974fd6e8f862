import { useQuery } from "urql";
import { useSearch } from "wouter";
import { OrderSummaryView } from "../components/OrderSummaryView.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { PageTitle } from "../components/PageTitle.tsx";
import { ProblemNotice } from "../components/ProblemNotice.tsx";
import { describeError, isInvalidInput, UNAVAILABLE } from "../graphql/errors.ts";
import { OrderQuery } from "../graphql/operations.ts";
import { isWellFormedId, Link, paths } from "../router.tsx";

/**
 * The confirmation, and the page a shopper comes back to by its link
 * (/orders/:id?token=...): the token lets it show the customer and address.
 */
export function OrderPage({ orderId }: { orderId: string }) {
  const token = new URLSearchParams(useSearch()).get("token") ?? undefined;
  const wellFormed = isWellFormedId(orderId);
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: OrderQuery,
    variables: { id: orderId, accessToken: token ?? null },
    // The status moves on (paid, shipped, cancelled): show the cached order at once, then the fresh one.
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
          The address does not name an order. Check that you have the whole link, or{" "}
          <Link to={paths.findOrder()}>find your order</Link> by its number and your email.
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
          <p>
            We could not find this order. Check the link from your confirmation email, or{" "}
            <Link to={paths.findOrder()}>find your order</Link> by its number and your email.
          </p>
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
    <>
      <OrderSummaryView order={order} />
      <div className="order-next">
        <p className="hint">Keep this page's address to come back to your order.</p>
        <Link to={paths.catalog()} className="button button-primary">
          Continue shopping
        </Link>
      </div>
    </>
  );
}
