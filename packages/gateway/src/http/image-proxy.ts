import { IMAGE_UPLOAD_MAX_BYTES } from "@shop/contracts";
import { ServiceError, type ServiceHonoEnv } from "@shop/service";
import type { Hono } from "hono";
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
 * passed to Inventory with the caller's Authorization, which Inventory checks.
 */
export function mountImageProxy(
  app: Hono<ServiceHonoEnv>,
  deps: { serviceUrls: ServiceUrls; corsOrigins: string[]; serviceTimeoutMs: number; fetch?: ServiceFetch },
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
    const headers: Record<string, string> = { "content-type": c.req.header("content-type") ?? "" };
    const authorization = c.req.header("authorization");
    if (authorization) headers.authorization = authorization;
    const body = await c.req.arrayBuffer();
    const path = `/products/${encodeURIComponent(c.req.param("id"))}/images`;
    return forward(
      `${deps.serviceUrls.inventory}${path}`,
      { method: "POST", headers, body },
      c.get("requestId"),
    );
  });
}
