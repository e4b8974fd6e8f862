import type { Actor } from "@shop/contracts";
import { createMiddleware } from "hono/factory";
import { routePath } from "hono/route";
import type { ServiceHonoEnv } from "./types.ts";

export interface AuditWrite {
  actor: Actor;
  action: string;
  target?: string | undefined;
  requestId: string;
}

/** Where a service writes audit entries (`recordAudit` of @shop/staff over its database). */
export type AuditSink = (entry: AuditWrite) => Promise<void>;

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/**
 * Every admin write over REST that succeeded as an audit entry: who (a staff
 * member or the admin token), what (`POST /orders/:id/capture`), on what (the
 * id in the path, or what a create made: the id its Location names), and the
 * request id. Written once the answer is known, so a
 * refused request leaves none. tRPC calls are recorded by staffProcedure, one
 * entry per successful call of a batch with the target from its input, through
 * the sink this middleware puts in the context.
 */
export function auditTrail(sink: AuditSink) {
  return createMiddleware<ServiceHonoEnv>(async (c, next) => {
    c.set("audit", sink);
    await next();
    const actor = c.get("actor");
    if (!actor || c.req.method === "GET" || c.res.status >= 400 || c.req.path.startsWith("/trpc/")) return;
    try {
      await sink({
        actor,
        action: `${c.req.method} ${routePath(c, -1)}`,
        target: UUID.exec(c.req.path)?.[0] ?? UUID.exec(c.res.headers.get("location") ?? "")?.[0],
        requestId: c.get("requestId"),
      });
    } catch (err) {
      c.get("log").error({ err }, "could not write the audit entry");
    }
  });
}
