import type { Actor } from "@shop/contracts";
import type { Logger } from "pino";
import type { AuditSink } from "./audit-trail.ts";

/** What every request of every service carries through Hono's context. */
export interface ServiceHonoEnv {
  Variables: {
    requestId: string;
    log: Logger;
    /** Some admin identity acts (a staff member or the machine credential); what it may do is `actor`'s role. */
    isAdmin: boolean;
    /** Who acts: the admin token (machine), or a staff member the gateway vouches for; none for shoppers. */
    actor: Actor | undefined;
    /** The caller presented the service credential (SERVICE_TOKEN): another part of Shop. */
    isServiceCaller: boolean;
    /** Where this service writes audit entries; none in tests of a service alone. */
    audit: AuditSink | undefined;
  };
}
