import { useSearch } from "wouter";
import { useQuery } from "urql";
import { OrderSummaryView } from "../components/OrderSummaryView.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { ProblemNotice } from "../components/ProblemNotice.tsx";
import { describeError, UNAVAILABLE } from "../graphql/errors.ts";
import { OrderQuery } from "../graphql/operations.ts";
import { Link, paths } from "../router.tsx";

/** The confirmation, and the page a shopper comes back to by its link (/orders/:id?token=...). */
export function OrderPage({ orderId }: { orderId: string }) {
  const token = new URLSearchParams(useSearch()).get("token") ?? undefined;
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: OrderQuery,
    variables: { id: orderId, accessToken: token ?? null },
  });
  const order = data?.order;

  if (!order) {
    const notFound = data && data.order === null && !error;
    return (
      <>
        <PageHeading>{notFound ? "Order not found" : "Your order"}</PageHeading>
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
      <p className="hint">Keep this page's address to come back to your order.</p>
      <Link to={paths.catalog()} className="button button-primary">
        Continue shopping
      </Link>
    </>
  );
}
