import { useRef, useState } from "react";
import { useMutation } from "urql";
import { orderItems } from "../cart/cart.ts";
import { useCart } from "../cart/CartContext.tsx";
import { checkoutKeyFor, forgetCheckoutKey } from "../cart/checkout-key.ts";
import { describeError, isNoAnswer, type Problem } from "../graphql/errors.ts";
import { PlaceOrderMutation } from "../graphql/operations.ts";
import { navigate, paths } from "../router.tsx";
import { fieldOfPath, type CheckoutDetails, type FieldErrors } from "./details.ts";

/** A product the order asked more of than there is. */
export interface Shortfall {
  productId: string;
  productName: string;
  requested: number;
  available: number;
}

export type CheckoutState =
  | { status: "idle" }
  | { status: "placing" }
  | { status: "failed"; problem: Problem }
  | { status: "short"; lines: Shortfall[] }
  | { status: "invalid"; fields: FieldErrors; message: string };

/**
 * Places the cart as one order. One request at a time (a double click sends
 * one mutation), always with the idempotency key of this cart (checkout-key.ts)
 * so a retry cannot order twice. On success the cart is emptied and the
 * confirmation page shown; a shortfall leaves the cart as it is and says what
 * is left, and the cart learns the new stock.
 */
export function useCheckout(): {
  state: CheckoutState;
  placeOrder: (details: CheckoutDetails) => Promise<void>;
  /** Places again with the details last sent (after a failure a retry may fix). */
  retry: () => Promise<void>;
} {
  const cart = useCart();
  const [, placeOrderMutation] = useMutation(PlaceOrderMutation);
  const [state, setState] = useState<CheckoutState>({ status: "idle" });
  // A ref, not state: it is set before the first await, so a second click in the same tick sees it.
  const inFlight = useRef(false);
  const lastDetails = useRef<CheckoutDetails | null>(null);

  async function placeOrder(details: CheckoutDetails) {
    if (inFlight.current || cart.lines.length === 0) return;
    inFlight.current = true;
    lastDetails.current = details;
    setState({ status: "placing" });
    try {
      const items = orderItems(cart.lines);
      const customer = { email: details.email.trim(), name: details.name.trim() };
      const shippingAddress = {
        line1: details.line1.trim(),
        ...(details.line2.trim() ? { line2: details.line2.trim() } : {}),
        city: details.city.trim(),
        postalCode: details.postalCode.trim(),
        country: details.country,
      };
      // The key covers the details too: the same cart for another address is another order.
      const result = await placeOrderMutation({
        input: {
          items,
          customer,
          shippingAddress,
          idempotencyKey: checkoutKeyFor(items, JSON.stringify([customer, shippingAddress])),
        },
      });
      const answer = result.data?.placeOrder;
      if (result.error || !answer) {
        setState({ status: "failed", problem: result.error ? checkoutProblem(result.error) : unexpected });
        return;
      }
      switch (answer.__typename) {
        case "Order":
          forgetCheckoutKey();
          cart.clear();
          navigate(paths.order(answer.id, answer.accessToken ?? undefined));
          return;
        case "ValidationError": {
          const fields: FieldErrors = {};
          for (const f of answer.fields) {
            const field = fieldOfPath(f.path);
            if (field && !fields[field]) fields[field] = `This ${f.message}.`.replace("This must", "It must");
          }
          setState({ status: "invalid", fields, message: "Check the details marked below." });
          return;
        }
        case "InsufficientStockError": {
          const nameOf = (id: string) => cart.lines.find((l) => l.productId === id)?.name ?? "A product";
          // What is left becomes the most each line may hold: the cart marks the lines to lower.
          cart.learnStock(new Map(answer.lines.map((l) => [l.productId, l.available])));
          setState({
            status: "short",
            lines: answer.lines.map((l) => ({ ...l, productName: l.productName ?? nameOf(l.productId) })),
          });
          return;
        }
        case "IdempotencyKeyError":
          setState({
            status: "failed",
            problem: {
              message: "Your order is still being placed. Wait a moment, then try again.",
              retryable: true,
            },
          });
          return;
        default:
          // NotFoundError: the cart names something the shop no longer sells as it was.
          setState({ status: "failed", problem: { message: answer.message, retryable: false } });
      }
    } finally {
      inFlight.current = false;
    }
  }

  const retry = () => (lastDetails.current ? placeOrder(lastDetails.current) : Promise.resolve());
  return { state, placeOrder, retry };
}

const unexpected: Problem = {
  message: "Something went wrong on our side. Try again in a moment.",
  retryable: true,
};

/**
 * A checkout that got no answer (the gateway away, or too slow) may have been
 * placed all the same. The retry carries the same idempotency key, so the
 * shopper can be told plainly that trying again is safe.
 */
export const NO_ANSWER_AT_CHECKOUT: Problem = {
  message:
    "We did not hear back from the shop, so we cannot tell yet whether your order went through. " +
    "Trying again is safe: your order is placed only once.",
  retryable: true,
};

function checkoutProblem(error: Parameters<typeof describeError>[0]): Problem {
  return isNoAnswer(error) ? NO_ANSWER_AT_CHECKOUT : describeError(error);
}
