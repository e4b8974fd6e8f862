import { orderStatusText } from "@shop/ui";
import type { OrderStatus } from "../gql/graphql.ts";

const TONE_CLASS = { waiting: "badge-pending", done: "badge-paid", stopped: "badge-cancelled" } as const;

/** An order's status as a coloured pill, in the words the shop uses too (@shop/ui). */
export function OrderStatusBadge({ status }: { status: OrderStatus }) {
  const text = orderStatusText(status);
  return <span className={`badge ${TONE_CLASS[text.tone]}`}>{text.label}</span>;
}

/** A product's place: on sale in the catalog, or archived. */
export function ProductStatusBadge({ archived }: { archived: boolean }) {
  return archived ? (
    <span className="badge badge-archived">Archived</span>
  ) : (
    <span className="badge badge-active">In catalog</span>
  );
}
