/**
 * An order's status in words, for shoppers and merchants alike: one place, so
 * the shop's confirmation page and the admin's orders table never disagree
 * ("Received" in one, "PENDING" in the other). The codes are the contract's
 * (OrderStatus in @shop/contracts); a status added there fails the type check
 * of every page that shows it until it has its words here.
 */
export type OrderStatusCode = "PENDING" | "PAID" | "FULFILLED" | "CANCELLED" | "REFUNDED";

export interface OrderStatusText {
  /** The short label: a badge in the admin, the status line in the shop. */
  label: string;
  /** The shop's page heading for an order in this state. */
  heading: string;
  /** What it means for the shopper, one or two sentences. */
  shopper: string;
  /** Whether the shop may show it as a confirmed order (the ✓). */
  confirmed: boolean;
  /** Colour family of the badge. */
  tone: "waiting" | "done" | "stopped";
}

export const ORDER_STATUS_TEXT: Readonly<Record<OrderStatusCode, OrderStatusText>> = {
  PENDING: {
    label: "Payment pending",
    heading: "Order confirmed",
    shopper:
      "Thank you. Your order is in and its items are set aside for you. Payment is taken when it is prepared.",
    confirmed: true,
    tone: "waiting",
  },
  PAID: {
    label: "Paid",
    heading: "Order confirmed",
    shopper: "Thank you. Your order is paid and is being prepared.",
    confirmed: true,
    tone: "done",
  },
  FULFILLED: {
    label: "Shipped",
    heading: "Order shipped",
    shopper: "Your order is on its way.",
    confirmed: true,
    tone: "done",
  },
  CANCELLED: {
    label: "Cancelled",
    heading: "Order cancelled",
    shopper: "This order was cancelled. Nothing was charged and nothing will be sent.",
    confirmed: false,
    tone: "stopped",
  },
  REFUNDED: {
    label: "Refunded",
    heading: "Order refunded",
    shopper: "This order was refunded in full. The money goes back the way it was paid.",
    confirmed: false,
    tone: "stopped",
  },
};

export function orderStatusText(status: OrderStatusCode): OrderStatusText {
  return ORDER_STATUS_TEXT[status];
}
