import type { OrderStatus } from "../gql/graphql.ts";

/** An order's status as a coloured pill; the text is the status itself (PAID, PENDING, CANCELLED). */
export function StatusBadge({ status }: { status: OrderStatus | "ACTIVE" | "ARCHIVED" }) {
  return <span className={`badge badge-${status.toLowerCase()}`}>{status}</span>;
}
