import { useEffect, useRef, useState } from "react";
import { useQuery } from "urql";
import { formatMoney } from "@shop/ui";
import { lineNews, lineProblem, type CartLine } from "../cart/cart.ts";
import { useCart } from "../cart/CartContext.tsx";
import { QuantityInput } from "../cart/QuantityInput.tsx";
import { CheckoutForm } from "../checkout/CheckoutForm.tsx";
import { useCheckout, type CheckoutState } from "../checkout/useCheckout.ts";
import { PageHeading } from "../components/PageHeading.tsx";
import { PageTitle } from "../components/PageTitle.tsx";
import { ProblemNotice } from "../components/ProblemNotice.tsx";
import { ProductArt } from "../components/ProductArt.tsx";
import { ProductsQuery } from "../graphql/operations.ts";
import { Link, paths } from "../router.tsx";

export function CartPage() {
  const cart = useCart();
  const { state, placeOrder } = useCheckout();
  const [removed, setRemoved] = useState<string | null>(null);
  const removeButtons = useRef(new Map<string, HTMLButtonElement>());
  const emptyLink = useRef<HTMLAnchorElement>(null);
  // Where the focus goes once a removed line is gone (a product's Remove, or null: the empty cart's link).
  const focusAfterRemove = useRef<{ productId: string | null } | null>(null);

  // Fresh stock and prices for the lines; if the gateway is away the cart still shows what it knows.
  const [{ data }] = useQuery({ query: ProductsQuery, requestPolicy: "cache-and-network" });
  const products = data?.products;
  const { refresh } = cart;
  useEffect(() => {
    if (products) refresh(products);
  }, [products, refresh]);

  // "Remove" takes its own button away: the focus goes to the next line's Remove (or the one
  // before, or the way back to the catalog), never to the page's body.
  useEffect(() => {
    const target = focusAfterRemove.current;
    if (!target) return;
    focusAfterRemove.current = null;
    (target.productId ? removeButtons.current.get(target.productId) : emptyLink.current)?.focus();
  }, [cart.lines]);

  function remove(line: CartLine) {
    const index = cart.lines.indexOf(line);
    const neighbour = cart.lines[index + 1] ?? cart.lines[index - 1];
    cart.remove(line.productId);
    setRemoved(line.name);
    focusAfterRemove.current = { productId: neighbour?.productId ?? null };
  }

  const removedNote = (
    <p role="status" className="visually-hidden">
      {removed ? `Removed ${removed} from your cart.` : ""}
    </p>
  );

  if (cart.lines.length === 0) {
    return (
      <>
        <PageTitle>Your cart</PageTitle>
        <PageHeading>Your cart</PageHeading>
        {removedNote}
        <div className="empty-state">
          <p>Your cart is empty.</p>
          <Link ref={emptyLink} to={paths.catalog()} className="button button-primary">
            Browse the catalog
          </Link>
        </div>
      </>
    );
  }

  const blocked = cart.lines.some((line) => lineProblem(line) !== null);
  const placing = state.status === "placing";
  // After a failure a retry may help, the one button says so: same cart, same key, one order.
  const retry = state.status === "failed" && state.problem.retryable;

  return (
    <>
      <PageTitle>{`Your cart (${cart.itemCount === 1 ? "1 item" : `${cart.itemCount} items`})`}</PageTitle>
      <PageHeading>Your cart</PageHeading>
      {removedNote}
      <div className="cart-layout">
        <section aria-labelledby="cart-lines-heading">
          <h2 id="cart-lines-heading" className="visually-hidden">
            Items
          </h2>
          <ul className="cart-lines">
            {cart.lines.map((line) => (
              <CartLineRow
                key={line.productId}
                line={line}
                disabled={placing}
                onRemove={() => remove(line)}
                removeRef={(button) => {
                  if (button) removeButtons.current.set(line.productId, button);
                  else removeButtons.current.delete(line.productId);
                }}
              />
            ))}
          </ul>
        </section>

        <section className="summary" aria-labelledby="summary-heading">
          <h2 id="summary-heading">Order summary</h2>
          <dl className="summary-rows">
            <div>
              <dt>Items</dt>
              <dd>{cart.itemCount}</dd>
            </div>
            <div className="summary-total">
              <dt>Total</dt>
              <dd data-testid="cart-total">{formatMoney(cart.totalCents)}</dd>
            </div>
          </dl>
          <CheckoutForm
            serverErrors={state.status === "invalid" ? state.fields : {}}
            disabled={placing}
            onSubmit={(details) => void placeOrder(details)}
          >
            <CheckoutMessage state={state} />
            {/* While placing: aria-disabled, not disabled, so the focus stays on the button that
                becomes "Try again" if there is no answer (a disabled button drops it to the page). */}
            <button
              type="submit"
              className="button button-primary button-block"
              disabled={blocked && !placing}
              aria-disabled={placing}
              aria-busy={placing}
            >
              {placing ? "Placing order…" : retry ? "Try again" : "Place order"}
            </button>
            {blocked && !placing && <p className="hint">Fix the items marked above to place your order.</p>}
          </CheckoutForm>
          <Link to={paths.catalog()} className="text-link">
            Continue shopping
          </Link>
        </section>
      </div>
    </>
  );
}

interface CartLineRowProps {
  line: CartLine;
  disabled: boolean;
  onRemove: () => void;
  removeRef: (button: HTMLButtonElement | null) => void;
}

function CartLineRow({ line, disabled, onRemove, removeRef }: CartLineRowProps) {
  const cart = useCart();
  const problem = lineProblem(line);
  const news = lineNews(line);
  const qtyId = `qty-${line.productId}`;
  const problemId = `problem-${line.productId}`;
  const newsId = `news-${line.productId}`;
  const describedBy = [problem ? problemId : null, news ? newsId : null].filter(Boolean).join(" ");

  return (
    <li className="cart-line">
      <ProductArt name={line.name} size="small" />
      <div className="cart-line-info">
        {/* Clamped to two lines like a catalog card; the title shows the whole name, and it is read whole. */}
        <h3 className="cart-line-name" title={line.name}>
          {line.name}
        </h3>
        <p className="muted">{formatMoney(line.priceCents)} each</p>
        {news && (
          <p id={newsId} className="line-news">
            {news.nowCents > news.wasCents ? "The price went up" : "The price went down"} since you added it:{" "}
            {formatMoney(news.wasCents)} then, {formatMoney(news.nowCents)} now.
          </p>
        )}
        {problem && (
          <p id={problemId} className="line-problem">
            {problem}
          </p>
        )}
      </div>
      <div className="cart-line-qty">
        <label htmlFor={qtyId}>
          Quantity <span className="visually-hidden">of {line.name}</span>
        </label>
        <QuantityInput
          id={qtyId}
          qty={line.qty}
          max={line.stockQty}
          disabled={disabled || line.stockQty <= 0 || line.discontinued === true}
          describedBy={describedBy || undefined}
          invalid={problem !== null}
          onChange={(qty) => cart.setQuantity(line.productId, qty)}
        />
      </div>
      <p className="cart-line-total">{formatMoney(line.qty * line.priceCents)}</p>
      <button
        ref={removeRef}
        type="button"
        className="button button-quiet"
        disabled={disabled}
        aria-label={`Remove ${line.name}`}
        onClick={onRemove}
      >
        Remove
      </button>
    </li>
  );
}

function CheckoutMessage({ state }: { state: CheckoutState }) {
  switch (state.status) {
    case "failed":
      return <ProblemNotice problem={state.problem} />;
    case "invalid":
      return (
        <div className="notice notice-error" role="alert">
          <p>{state.message} Nothing was ordered.</p>
        </div>
      );
    case "short":
      return (
        <div className="notice notice-error" role="alert">
          <p>
            <strong>Not enough stock for your order.</strong> Nothing was ordered and your cart is as you left
            it.
          </p>
          <ul>
            {state.lines.map((l) => (
              <li key={l.productId}>
                {l.productName}: you asked for {l.requested},{" "}
                {l.available === 0 ? "none are left" : `only ${l.available} left`}.
              </li>
            ))}
          </ul>
        </div>
      );
    default:
      return (
        <p role="status" className="visually-hidden">
          {state.status === "placing" ? "Placing your order…" : ""}
        </p>
      );
  }
}
