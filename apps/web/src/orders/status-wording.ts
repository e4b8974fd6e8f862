import type { OrderStatus } from "../gql/graphql.ts";

/**
 * What the shop says about an order in each status: one place, so the
 * confirmation, the order page and the lookup never disagree, and a
 * cancelled or refunded order never reads "Order confirmed".
 */
export const STATUS_WORDING: Record<OrderStatus, { heading: string; label: string; lede: string }> = {
  PENDING: {
    heading: "Order confirmed",
    label: "Received",
    lede: "Thank you. Your order is in and its items are set aside for you.",
  },
  PAID: {
    heading: "Order confirmed",
    label: "Paid",
    lede: "Your payment is in. We are packing your order.",
  },
  FULFILLED: {
    heading: "Order shipped",
    label: "Shipped",
    lede: "Your order is on its way.",
  },
  CANCELLED: {
    heading: "Order cancelled",
    label: "Cancelled",
    lede: "This order was cancelled. Nothing was charged.",
  },
  REFUNDED: {
    heading: "Order refunded",
    label: "Refunded",
    lede: "This order was refunded in full.",
  },
};
