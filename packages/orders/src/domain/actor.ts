import { actorLabel, type Actor as RequestActor } from "@shop/contracts";

/**
 * Who is changing an order, as the timeline records it: a signed-in staff
 * member by email, the machine credential as "admin token", anyone else as
 * the shopper (the contract's actorLabel, in the timeline's words).
 */
export interface Actor {
  name: string;
  requestId?: string | undefined;
}

export function timelineActor(scope: {
  actor?: RequestActor | undefined;
  requestId?: string | undefined;
}): Actor {
  return { name: actorLabel(scope.actor, "timeline"), requestId: scope.requestId };
}

/** The outbox worker, when it records an email as sent. */
export const OUTBOX_ACTOR: Actor = { name: "outbox" };
