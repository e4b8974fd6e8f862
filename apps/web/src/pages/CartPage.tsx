import { useEffect } from "react";
import { useQuery } from "urql";
import { lineProblem, type CartLine } from "../cart/cart.ts";
import { useCart } from "../cart/CartContext.tsx";
import { CheckoutForm } from "../checkout/CheckoutForm.tsx";
import { useCheckout, type CheckoutState } from "../checkout/useCheckout.ts";
import { PageHeading } from "../components/PageHeading.tsx";
import { ProblemNotice } from "../components/ProblemNotice.tsx";
import { ProductArt } from "../components/ProductArt.tsx";
import { ProductsQuery } from "../graphql/operations.ts";
import { formatMoney } from "../money.ts";
import { Link, paths } from "../router.tsx";

/** Most units offered in one quantity menu. */
const MAX_MENU_QTY = 20;

export function CartPage() {
  const cart = useCart();
  const { state, placeOrder, retry } = useCheckout();

  // Fresh stock and prices for the lines; if the gateway is away the cart still shows what it knows.
  const [{ data }] = useQuery({ query: ProductsQuery, requestPolicy: "cache-and-network" });
  const products = data?.products;
  const { refresh } = cart;
  useEffect(() => {
    if (products) refresh(products);
  }, [products, refresh]);

  if (cart.lines.length === 0) {
    return (
      <>
        <PageHeading>Your cart</PageHeading>
        <div className="empty-state">
          <p>Your cart is empty.</p>
          <Link to={paths.catalog()} className="button button-primary">
            Browse the catalog
          </Link>
        </div>
      </>
    );
  }

  const blocked = cart.lines.some((line) => lineProblem(line) !== null);
  const placing = state.status === "placing";

  return (
    <>
      <PageHeading>Your cart</PageHeading>
      <div className="cart-layout">
        <section aria-labelledby="cart-lines-heading">
          <h2 id="cart-lines-heading" className="visually-hidden">
            Items
          </h2>
          <ul className="cart-lines">
            {cart.lines.map((line) => (
              <CartLineRow key={line.productId} line={line} disabled={placing} />
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
            <CheckoutMessage state={state} onRetry={() => void retry()} />
            <button
              type="submit"
              className="button button-primary button-block"
              disabled={placing || blocked}
              aria-busy={placing}
            >
              {placing ? "Placing order…" : "Place order"}
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

function CartLineRow({ line, disabled }: { line: CartLine; disabled: boolean }) {
  const cart = useCart();
  const problem = lineProblem(line);
  const qtyId = `qty-${line.productId}`;
  const problemId = `problem-${line.productId}`;
  // The menu offers what is in stock; a quantity above it (stock fell since) stays visible as the problem.
  const most = Math.max(1, Math.min(line.stockQty, MAX_MENU_QTY), line.qty);
  const options = Array.from({ length: most }, (_, i) => i + 1);

  return (
    <li className="cart-line">
      <ProductArt name={line.name} size="small" />
      <div className="cart-line-info">
        <h3 className="cart-line-name">{line.name}</h3>
        <p className="muted">{formatMoney(line.priceCents)} each</p>
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
        <select
          id={qtyId}
          value={line.qty}
          disabled={disabled || line.stockQty <= 0}
          aria-describedby={problem ? problemId : undefined}
          aria-invalid={problem ? true : undefined}
          onChange={(event) => cart.setQuantity(line.productId, Number(event.target.value))}
        >
          {options.map((n) => (
            <option key={n} value={n} disabled={n > line.stockQty}>
              {n}
            </option>
          ))}
        </select>
      </div>
      <p className="cart-line-total">{formatMoney(line.qty * line.priceCents)}</p>
      <button
        type="button"
        className="button button-quiet"
        disabled={disabled}
        aria-label={`Remove ${line.name}`}
        onClick={() => cart.remove(line.productId)}
      >
        Remove
      </button>
    </li>
  );
}

function CheckoutMessage({ state, onRetry }: { state: CheckoutState; onRetry: () => void }) {
  switch (state.status) {
    case "failed":
      return <ProblemNotice problem={state.problem} onRetry={onRetry} />;
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
