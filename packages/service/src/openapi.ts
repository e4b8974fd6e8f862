import { ErrorBody, Uuid } from "@shop/contracts";
import { z } from "zod";

/**
 * The pieces every service's OpenAPI document repeats: a JSON body, an error
 * answer ({error, message, details?}), the `:id` path parameter, the admin
 * bearer token, and the operational routes createServiceApp adds.
 */
export const jsonContent = (schema: z.ZodType) => ({ content: { "application/json": { schema } } });

export const errorResponse = (description: string) => ({ description, ...jsonContent(ErrorBody) });

export const idPathParam = { path: z.object({ id: Uuid }) };

/** `security` of an admin operation, and the scheme it names (for `components.securitySchemes`). */
export const adminSecurity = [{ adminToken: [] }];
export const adminTokenScheme = {
  adminToken: { type: "http" as const, scheme: "bearer", description: "ADMIN_TOKEN" },
};

export const operationalPaths = {
  "/healthz": { get: { summary: "The process is up", responses: { "200": { description: "ok" } } } },
  "/readyz": {
    get: {
      summary: "The database is reachable",
      responses: { "200": { description: "ready" }, "503": errorResponse("Database unreachable") },
    },
  },
  "/metrics": {
    get: {
      summary: "Prometheus metrics: requests by route and status, latencies, the service's own counters",
      responses: { "200": { description: "Prometheus text format" } },
    },
  },
};
