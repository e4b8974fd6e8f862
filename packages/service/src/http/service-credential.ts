import { ACTOR_HEADER, Actor, MACHINE_ACTOR, SERVICE_TOKEN_HEADER } from "@shop/contracts";
import { bearerToken, isSameSecret } from "../admin-token.ts";

/** The header calls between services carry the service credential (SERVICE_TOKEN) in. */
export { SERVICE_TOKEN_HEADER };

export interface Credentials {
  /** The admin token (the machine credential); absent for the gateway, which passes it through. */
  adminToken?: string | undefined;
  /** The service credential other parts of Shop present; absent only in tests of one service alone. */
  serviceToken?: string | undefined;
}

/**
 * Who a request comes from and acts as. The admin token makes the machine
 * actor. A staff actor is believed only from a caller holding the service
 * credential (the gateway, which signed the person in): anyone else's
 * `x-shop-actor` header is ignored, whatever it says.
 */
export function identify(
  headers: { get(name: string): string | null | undefined },
  credentials: Credentials,
): { actor: Actor | undefined; isServiceCaller: boolean } {
  const isServiceCaller =
    credentials.serviceToken !== undefined &&
    isSameSecret(headers.get(SERVICE_TOKEN_HEADER) ?? undefined, credentials.serviceToken);
  if (
    credentials.adminToken !== undefined &&
    isSameSecret(bearerToken(headers.get("authorization")), credentials.adminToken)
  ) {
    return { actor: MACHINE_ACTOR, isServiceCaller };
  }
  if (!isServiceCaller) return { actor: undefined, isServiceCaller };
  const raw = headers.get(ACTOR_HEADER);
  if (!raw) return { actor: undefined, isServiceCaller };
  try {
    const parsed = Actor.safeParse(JSON.parse(raw));
    return { actor: parsed.success ? parsed.data : undefined, isServiceCaller };
  } catch {
    return { actor: undefined, isServiceCaller };
  }
}

/** The actor as the gateway sends it on to a service. */
export const actorHeaderValue = (actor: Actor): string => JSON.stringify(actor);
