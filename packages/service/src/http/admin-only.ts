import { actorCan, type Actor, type Permission } from "@shop/contracts";
import { createMiddleware } from "hono/factory";
import { ServiceError } from "../errors.ts";
import type { ServiceHonoEnv } from "./types.ts";

/**
 * 401 when nobody is signed in (no admin token, no staff member vouched for by
 * the gateway); 403 when who is signed in lacks the permission. The one check
 * both doors make (tRPC's staffProcedure calls it too).
 */
export function checkPermission(actor: Actor | undefined, permission: Permission): void {
  if (!actor) {
    throw new ServiceError(
      "unauthorized",
      "This operation needs a signed-in staff member or the admin token: Authorization: Bearer <ADMIN_TOKEN>",
    );
  }
  if (!actorCan(actor, permission)) {
    throw new ServiceError(
      "forbidden",
      `Your role (${actor.kind === "staff" ? actor.role : actor.kind}) may not do this (it needs ${permission}).`,
      { permission },
    );
  }
}

/** A REST admin route: the caller must be allowed `permission`. */
export const requires = (permission: Permission) =>
  createMiddleware<ServiceHonoEnv>(async (c, next) => {
    if (!c.get("actor")) c.header("WWW-Authenticate", 'Bearer realm="shop-admin"');
    checkPermission(c.get("actor"), permission);
    await next();
  });

/** Routes only other parts of Shop may call (all of Payments): the service credential or a 401. */
export const serviceCallersOnly = createMiddleware<ServiceHonoEnv>(async (c, next) => {
  if (!c.get("isServiceCaller")) {
    throw new ServiceError(
      "unauthorized",
      "Only Shop's own services may call this: send the service credential (SERVICE_TOKEN) in x-service-token.",
    );
  }
  await next();
});
