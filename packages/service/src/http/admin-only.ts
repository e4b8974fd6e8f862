import { createMiddleware } from "hono/factory";
import { ServiceError } from "../errors.ts";
import type { ServiceHonoEnv } from "./types.ts";

/** Admin routes need `Authorization: Bearer $ADMIN_TOKEN`; anything else is a 401. */
export const adminOnly = createMiddleware<ServiceHonoEnv>(async (c, next) => {
  if (!c.get("isAdmin")) {
    c.header("WWW-Authenticate", 'Bearer realm="shop-admin"');
    throw new ServiceError(
      "unauthorized",
      "This operation needs the admin token: Authorization: Bearer <ADMIN_TOKEN>",
    );
  }
  await next();
});
