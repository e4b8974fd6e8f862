import { useState, type FormEvent } from "react";
import { useClient } from "urql";
import { OrderSummaryView } from "../components/OrderSummaryView.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { PageTitle } from "../components/PageTitle.tsx";
import { ProblemNotice } from "../components/ProblemNotice.tsx";
import type { OrderLookupQuery as OrderLookupResult } from "../gql/graphql.ts";
import { describeError, type Problem } from "../graphql/errors.ts";
import { OrderLookupQuery } from "../graphql/operations.ts";

type Found = Extract<NonNullable<OrderLookupResult["orderLookup"]>, { __typename: "Order" }>;

type State =
  | { status: "idle" }
  | { status: "looking" }
  | { status: "found"; order: Found }
  | { status: "missing"; message: string }
  | { status: "failed"; problem: Problem };

/** "Find your order": a shopper who lost the link gives the order number and their email. */
export function FindOrderPage() {
  const client = useClient();
  const [number, setNumber] = useState("");
  const [email, setEmail] = useState("");
  const [numberError, setNumberError] = useState<string | null>(null);
  const [state, setState] = useState<State>({ status: "idle" });

  async function find(event: FormEvent) {
    event.preventDefault();
    if (state.status === "looking") return;
    const n = Number(number.trim().replace(/^#/, ""));
    if (!Number.isInteger(n) || n < 1) {
      setNumberError("Enter the order number from your confirmation, like 1001.");
      return;
    }
    setNumberError(null);
    setState({ status: "looking" });
    const result = await client
      .query(OrderLookupQuery, { number: n, email: email.trim() }, { requestPolicy: "network-only" })
      .toPromise();
    const answer = result.data?.orderLookup;
    if (result.error || !answer) {
      setState({
        status: "failed",
        problem: result.error
          ? describeError(result.error)
          : { message: "Something went wrong on our side. Try again in a moment.", retryable: true },
      });
    } else if (answer.__typename === "Order") {
      setState({ status: "found", order: answer });
    } else if (answer.__typename === "RateLimitedError") {
      setState({ status: "missing", message: "Too many tries. Wait a few minutes, then try again." });
    } else {
      setState({
        status: "missing",
        message: "We found no order with that number and email address. Check both and try again.",
      });
    }
  }

  if (state.status === "found") return <OrderSummaryView order={state.order} />;

  const looking = state.status === "looking";
  return (
    <>
      <PageTitle>Find your order</PageTitle>
      <PageHeading>Find your order</PageHeading>
      <p className="lede">
        Enter the order number from your confirmation email and the email address you ordered with.
      </p>
      <form className="find-order-form" onSubmit={(e) => void find(e)} noValidate>
        <div className="field">
          <label htmlFor="find-number">Order number</label>
          <input
            id="find-number"
            inputMode="numeric"
            autoComplete="off"
            value={number}
            aria-invalid={numberError ? true : undefined}
            aria-describedby={numberError ? "find-number-error" : undefined}
            onChange={(e) => setNumber(e.target.value)}
            required
          />
          {numberError && (
            <p id="find-number-error" className="field-error">
              {numberError}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor="find-email">Email</label>
          <input
            id="find-email"
            type="email"
            autoComplete="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            required
          />
        </div>
        {state.status === "missing" && (
          <div className="notice notice-error" role="alert">
            <p>{state.message}</p>
          </div>
        )}
        {state.status === "failed" && <ProblemNotice problem={state.problem} />}
        {/* aria-disabled, not disabled: a disabled button would drop the focus it holds to the page. */}
        <button type="submit" className="button button-primary" aria-disabled={looking}>
          {looking ? "Looking…" : "Find order"}
        </button>
      </form>
    </>
  );
}
