import { ACTOR_HEADER, IMAGE_UPLOAD_MAX_BYTES, type Actor } from "@shop/contracts";
import { SERVICE_TOKEN_HEADER, ServiceError, type ServiceHonoEnv } from "@shop/service";
import type { Context, Hono } from "hono";
import { cors } from "hono/cors";
import type { ServiceFetch, ServiceUrls } from "../services/clients.ts";

/** The upload route takes a body up to the image limit (plus the multipart envelope). */
export const IMAGE_UPLOAD_ROUTE = {
  method: "POST",
  path: /^\/admin\/products\/[^/]+\/images$/,
  maxBytes: IMAGE_UPLOAD_MAX_BYTES + 64 * 1024,
};

const PASSED_BACK = ["content-type", "etag", "cache-control", "cross-origin-resource-policy", "location"];

/**
 * Product pictures through the gateway, the one origin the SPAs know:
 * `GET /images/...` (served by Inventory from PostgreSQL, cached immutably)
 * and the admin's upload, `POST /admin/products/:id/images` (multipart),
 * passed to Inventory with the caller's credential, which Inventory checks:
 * a script's bearer token as it came, or a signed-in staff member as the
 * actor, on the service credential (as every GraphQL call is).
 */
export function mountImageProxy(
  app: Hono<ServiceHonoEnv>,
  deps: {
    serviceUrls: ServiceUrls;
    corsOrigins: string[];
    serviceTimeoutMs: number;
    serviceToken: string;
    /** The signed-in staff member behind the request's session cookie, if any. */
    staffActorOf: (c: Context) => Promise<Actor | undefined>;
    /** Whether the request carries a session cookie (the ambient authority a forged post would use). */
    hasSession: (c: Context) => boolean;
    fetch?: ServiceFetch;
  },
): void {
  const send: ServiceFetch = deps.fetch ?? ((_service, url, init) => fetch(url, init));
  const forward = async (url: string, init: RequestInit, requestId: string): Promise<Response> => {
    let res: Response;
    try {
      res = await send("inventory", url, {
        ...init,
        headers: { ...(init.headers as Record<string, string>), "x-request-id": requestId },
        signal: AbortSignal.timeout(deps.serviceTimeoutMs),
      });
    } catch {
      throw new ServiceError("service_unavailable", "The catalog service did not answer; try again shortly");
    }
    const headers = new Headers();
    for (const name of PASSED_BACK) {
      const value = res.headers.get(name);
      if (value) headers.set(name, value);
    }
    return new Response(res.body, { status: res.status, headers });
  };

  app.use(
    "/admin/products/*",
    cors({
      origin: deps.corsOrigins,
      allowMethods: ["POST", "OPTIONS"],
      allowHeaders: ["authorization", "x-request-id"],
      // The admin SPA's session cookie (SameSite=Strict) comes along.
      credentials: true,
      maxAge: 600,
    }),
  );
  app.get("/images/:imageId/:file", (c) => {
    const headers: Record<string, string> = {};
    const etag = c.req.header("if-none-match");
    if (etag) headers["if-none-match"] = etag;
    const path = `/images/${encodeURIComponent(c.req.param("imageId"))}/${encodeURIComponent(c.req.param("file"))}`;
    return forward(`${deps.serviceUrls.inventory}${path}`, { headers }, c.get("requestId"));
  });
  app.post("/admin/products/:id/images", async (c) => {
    const headers: Record<string, string> = {
      "content-type": c.req.header("content-type") ?? "",
      [SERVICE_TOKEN_HEADER]: deps.serviceToken,
    };
    const authorization = c.req.header("authorization");
    if (authorization) headers.authorization = authorization;
    else if (deps.hasSession(c)) {
      // A multipart post is a "simple" request a foreign page could send: with a
      // session cookie, only the shop's own origins may.
      const origin = c.req.header("origin");
      if (
        origin !== undefined &&
        origin !== new URL(c.req.url).origin &&
        !deps.corsOrigins.includes(origin)
      ) {
        throw new ServiceError("forbidden", `Requests from ${origin} are not accepted here`);
      }
      const actor = await deps.staffActorOf(c);
      if (actor) headers[ACTOR_HEADER] = JSON.stringify(actor);
    }
    const body = await c.req.arrayBuffer();
    const path = `/products/${encodeURIComponent(c.req.param("id"))}/images`;
    return forward(
      `${deps.serviceUrls.inventory}${path}`,
      { method: "POST", headers, body },
      c.get("requestId"),
    );
  });
}
