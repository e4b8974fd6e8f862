import type { Logger } from "pino";

/** What every request of every service carries through Hono's context. */
export interface ServiceHonoEnv {
  Variables: {
    requestId: string;
    log: Logger;
    isAdmin: boolean;
  };
}
