/**
 * Who is changing an order, as the timeline records it. Today the identity
 * is the admin token or an anonymous shopper; staff accounts (issue 17) will
 * put a staff member's name here, in this one place.
 */
export interface Actor {
  name: string;
  requestId?: string | undefined;
}

export function actorOf(scope: { isAdmin: boolean; requestId?: string | undefined }): Actor {
  return { name: scope.isAdmin ? "admin token" : "shopper", requestId: scope.requestId };
}

/** The outbox worker, when it records an email as sent. */
export const OUTBOX_ACTOR: Actor = { name: "outbox" };
