import { formatMoney } from "@shop/ui";

/** What happened, in the words a merchant uses. */
export const EVENT_WORDS: Record<string, string> = {
  placed: "Order placed",
  payment_captured: "Payment captured",
  payment_failed: "Payment failed",
  fulfilled: "Marked as shipped",
  refunded: "Refunded",
  cancelled: "Cancelled",
  email_sent: "Email sent",
};

const EMAIL_KINDS: Record<string, string> = {
  order_confirmation: "order confirmation",
  shipping_notice: "shipping notice",
};

type EventData = Record<string, unknown>;
const text = (v: unknown) => (typeof v === "string" && v.trim() !== "" ? v : undefined);
const cents = (v: unknown) => (typeof v === "number" ? formatMoney(v) : undefined);

/**
 * An event's details in a few words, per kind (ids of charges, refunds and
 * outbox rows are for engineers and stay out). Unknown kinds show nothing
 * rather than raw JSON.
 */
const DETAILS: Record<string, (d: EventData) => Array<string | undefined>> = {
  placed: (d) => [cents(d.total_cents)],
  payment_captured: (d) => [cents(d.amount_cents)],
  fulfilled: (d) => [text(d.carrier), text(d.tracking_number) && `tracking ${String(d.tracking_number)}`],
  refunded: (d) => [cents(d.amount_cents), text(d.reason) && `“${String(d.reason)}”`],
  email_sent: (d) => [text(d.kind) && (EMAIL_KINDS[String(d.kind)] ?? String(d.kind).replace(/_/g, " "))],
};

export function eventDetails(type: string, json: string): string {
  let data: EventData;
  try {
    data = JSON.parse(json) as EventData;
  } catch {
    return "";
  }
  return (DETAILS[type]?.(data) ?? []).filter((part) => part).join(", ");
}
