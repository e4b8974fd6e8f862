export { fetchWithDeadline, isDeadlineError, REQUEST_DEADLINE_MS } from "./deadline.ts";
export { formatMoney } from "./money.ts";
export {
  ORDER_STATUS_TEXT,
  orderStatusText,
  type OrderStatusCode,
  type OrderStatusText,
} from "./order-status.ts";
