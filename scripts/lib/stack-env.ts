import { join } from "node:path";
import { dataDir } from "@shop/db";
import { resolveAdminToken, resolveServiceToken, type Secret } from "./secrets.ts";

/**
 * The environment every process of the stack gets: the database, the admin
 * token (printed: scripts and the SDK use it) and the service credential the
 * services present to each other (Payments answers nobody else; never printed).
 */
export function stackEnv(databaseUrl: string): { env: NodeJS.ProcessEnv; admin: Secret } {
  const admin = resolveAdminToken(join(dataDir(), "admin-token"));
  const service = resolveServiceToken(join(dataDir(), "service-token"));
  return {
    admin,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      ADMIN_TOKEN: admin.token,
      SERVICE_TOKEN: service.token,
    },
  };
}
