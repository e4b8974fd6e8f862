import { ErrorBody } from "@shop/contracts";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createLogger } from "../src/logger.ts";
import { createServiceApp } from "../src/http/create-service-app.ts";
import {
  adminRoute,
  createRoute,
  errorAnswer,
  IdParams,
  jsonAnswer,
  jsonBody,
  restRoutes,
  serveOpenApiDocument,
} from "../src/http/openapi.ts";
import { requestJson, undeclaredRoutes } from "../src/testing/index.ts";

const ADMIN_TOKEN = "test-admin-token-0123456789";
const Thing = z.object({ name: z.string().min(1) }).meta({ id: "Thing" });

const renameThing = createRoute({
  method: "put",
  path: "/things/{id}",
  summary: "Rename a thing",
  ...adminRoute("products.write"),
  request: { params: IdParams, body: jsonBody(Thing) },
  responses: { 200: jsonAnswer("The thing", Thing), 404: errorAnswer("No such thing") },
});

function thingApp() {
  const app = createServiceApp({
    name: "things",
    log: createLogger("things", "silent"),
    adminToken: ADMIN_TOKEN,
    isReady: () => Promise.resolve(true),
  });
  const renamed: Array<{ id: string; name: string }> = [];
  app.route(
    "/",
    restRoutes().openapi(renameThing, (c) => {
      const { id } = c.req.valid("param");
      const { name } = c.req.valid("json");
      renamed.push({ id, name });
      return c.json({ name }, 200);
    }),
  );
  serveOpenApiDocument(app, { title: "Things", description: "A test service" });
  return { app, renamed };
}

const ID = "6c1f6f0e-8d5e-4d0e-9d8a-4f9b1b7f7a11";
const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };

describe("a route declared once", () => {
  it("answers a good request through the handler", async () => {
    const { app, renamed } = thingApp();
    const res = await requestJson(app, "PUT", `/things/${ID}`, { headers: admin, body: { name: "Cup" } });
    expect(res).toMatchObject({ status: 200, body: { name: "Cup" } });
    expect(renamed).toEqual([{ id: ID, name: "Cup" }]);
  });

  it.each([
    ["no token", {}, { body: { name: "Cup" } }, 401, "unauthorized"],
    [
      "no token and a broken body",
      {},
      { rawBody: "{", headers: { "content-type": "application/json" } },
      401,
      "unauthorized",
    ],
    ["a malformed id", admin, { body: { name: "Cup" }, path: "/things/nope" }, 400, "validation_failed"],
    ["a body breaking the schema", admin, { body: { name: "" } }, 400, "validation_failed"],
    [
      "broken JSON",
      admin,
      { rawBody: '{"name":', headers: { "content-type": "application/json" } },
      400,
      "invalid_json",
    ],
    [
      "an empty body",
      admin,
      { rawBody: "", headers: { "content-type": "application/json" } },
      400,
      "invalid_json",
    ],
    [
      "a form",
      admin,
      { rawBody: "name=x", headers: { "content-type": "application/x-www-form-urlencoded" } },
      415,
      "unsupported_media_type",
    ],
  ] as const)("refuses %s before the handler runs", async (_, auth, request, status, error) => {
    const { app, renamed } = thingApp();
    const { path, headers, ...rest } = { path: `/things/${ID}`, headers: {}, ...request };
    const res = await requestJson(app, "PUT", path, { ...rest, headers: { ...auth, ...headers } });
    expect(res.status).toBe(status);
    expect(ErrorBody.parse(res.body)).toMatchObject({ error });
    expect(renamed).toEqual([]);
  });

  it("names the offending field", async () => {
    const { app } = thingApp();
    const res = await requestJson(app, "PUT", "/things/nope", { headers: admin, body: { name: "" } });
    expect(res.body).toMatchObject({ details: [{ path: "id" }] });
    const body = await requestJson(app, "PUT", `/things/${ID}`, { headers: admin, body: {} });
    expect(body.body).toMatchObject({ details: [{ path: "name" }] });
  });

  it("is its entry in the OpenAPI document, with the admin scheme and the operational routes", async () => {
    const { app } = thingApp();
    const doc = (await requestJson(app, "GET", "/openapi.json")).body as {
      openapi: string;
      paths: Record<string, Record<string, { security?: unknown; requestBody?: unknown }>>;
      components: { schemas: object; securitySchemes: object };
    };
    expect(doc.openapi).toBe("3.1.0");
    // /metrics is not a route of the public port any more: it answers alone on METRICS_PORT.
    expect(Object.keys(doc.paths).sort()).toEqual(["/healthz", "/readyz", "/things/{id}"]);
    expect(doc.paths["/things/{id}"]?.put).toMatchObject({
      security: [{ adminToken: [] }],
      requestBody: {
        required: true,
        content: { "application/json": { schema: { $ref: "#/components/schemas/Thing" } } },
      },
    });
    expect(doc.components.schemas).toHaveProperty("Thing");
    expect(doc.components.schemas).toHaveProperty("ErrorBody");
    expect(doc.components.securitySchemes).toHaveProperty("adminToken");
    expect(await undeclaredRoutes(app)).toEqual([]);
  });

  it("notices a route added without a declaration", async () => {
    const { app } = thingApp();
    app.get("/sneaky", (c) => c.json({}));
    expect(await undeclaredRoutes(app)).toEqual(["GET /sneaky"]);
  });
});
