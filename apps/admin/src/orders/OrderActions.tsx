import type { CombinedError } from "@urql/core";
import { useMutation } from "urql";
import { ConfirmDialog } from "../components/ConfirmDialog.tsx";
import { formatMoney } from "@shop/ui";
import { describeError, isNoAnswer, NO_ANSWER } from "../graphql/client.ts";
import { CancelOrderMutation, CapturePaymentMutation } from "../graphql/operations.ts";
import type { OrderStatus } from "../gql/graphql.ts";

/**
 * Capturing and cancelling a pending order, asked first in a dialog: one
 * place for both pages that offer them (the Orders list and an order's own
 * page), so their questions, their results and what they say when the shop
 * does not answer are the same words.
 */

/** What both actions need to know of an order. */
export interface PendingOrder {
  id: string;
  number: number;
  totalCents: number;
  items: ReadonlyArray<{ qty: number }>;
}

/** A capture that got no answer may have charged: the retry is safe, and the words say so. */
export const CAPTURE_UNKNOWN =
  "The shop did not answer, so we cannot tell whether the payment went through. " +
  "Capturing again is safe: an order is never charged twice.";
const CAPTURE_DECLINED =
  "The payment did not go through. The order is still waiting for payment; capturing again tries a new charge.";
const CANCEL_UNKNOWN =
  "The shop did not answer, so we cannot tell whether the order was cancelled. Trying again is safe.";

export function unitsBack(units: number): string {
  return units === 1 ? "its 1 unit goes back into stock" : `its ${units} units go back into stock`;
}

/**
 * A write that came back without its answer: no answer at all (or none in
 * time) may have gone through, which `unknown` says along with whether
 * trying again is safe; an error is said as it is.
 */
export function withoutAnswer(error: CombinedError | undefined, unknown: string): string {
  if (!error) return NO_ANSWER;
  return isNoAnswer(error) ? unknown : describeError(error);
}

/**
 * The order moved on since this page read it (another person captured or
 * cancelled it): said in a merchant's words, not the service's ("Order
 * 6f1c… is CANCELLED").
 */
export const changedMeanwhile = (order: { number: number }, what: string) =>
  `Order #${order.number} changed since this page was loaded, so it can no longer be ${what}. ` +
  "Refresh the page to see it as it is now.";

/** What each action says: its question, its buttons, its result, and what not hearing back means. */
function wordsOf(action: "capture" | "cancel", order: PendingOrder) {
  const units = order.items.reduce((n, item) => n + item.qty, 0);
  const total = formatMoney(order.totalCents);
  return action === "capture"
    ? {
        title: `Capture payment for order #${order.number}?`,
        confirmLabel: `Capture ${total}`,
        busyLabel: "Capturing…",
        cancelLabel: "Not now",
        tone: "primary" as const,
        question: `This charges ${total} for the order’s ${units === 1 ? "1 item" : `${units} items`}. An order is only ever charged once.`,
        done: `Captured ${total} for order #${order.number}.`,
        unknown: CAPTURE_UNKNOWN,
        pastTense: "captured",
      }
    : {
        title: `Cancel order #${order.number}?`,
        confirmLabel: "Cancel order",
        busyLabel: "Cancelling…",
        cancelLabel: "Keep order",
        tone: "danger" as const,
        question: `Nothing is charged, and ${unitsBack(units)}. A cancelled order cannot be captured.`,
        done: `Cancelled order #${order.number}; ${unitsBack(units)}.`,
        unknown: CANCEL_UNKNOWN,
        pastTense: "cancelled",
      };
}

interface OrderActionDialogProps {
  action: "capture" | "cancel";
  order: PendingOrder;
  /** Done: the status the gateway answered, and what to tell the merchant. */
  onDone: (status: OrderStatus, message: string) => void;
  onClose: () => void;
}

/** "Capture payment" or "Cancel", asked first; it says what happened, or why not. */
export function OrderActionDialog({ action, order, onDone, onClose }: OrderActionDialogProps) {
  const [, capturePayment] = useMutation(CapturePaymentMutation);
  const [, cancelOrder] = useMutation(CancelOrderMutation);
  const { question, done, unknown, pastTense, ...dialog } = wordsOf(action, order);

  async function send() {
    if (action === "capture") {
      const r = await capturePayment({ orderId: order.id });
      return { answer: r.data?.capturePayment, error: r.error };
    }
    const r = await cancelOrder({ orderId: order.id });
    return { answer: r.data?.cancelOrder, error: r.error };
  }

  async function confirm(): Promise<string | null> {
    const { answer, error } = await send();
    if (!answer) return withoutAnswer(error, unknown);
    switch (answer.__typename) {
      case "Order":
        onDone(answer.status, done);
        return null;
      case "PaymentFailedError":
        return CAPTURE_DECLINED;
      case "InvalidStateError":
        return changedMeanwhile(order, pastTense);
      default:
        return answer.message;
    }
  }

  return (
    <ConfirmDialog {...dialog} onConfirm={confirm} onClose={onClose}>
      <p>{question}</p>
    </ConfirmDialog>
  );
}
