import { CreateProductInput, StockChangeInput, UpdateProductInput, Uuid } from "@shop/contracts";
import type { PrismaClient } from "@shop/db";
import { readJsonBody, requires, readParam, type ServiceHonoEnv } from "@shop/service";
import { Hono } from "hono";
import type { CatalogCache } from "../domain/catalog-cache.ts";
import * as products from "../domain/products.ts";

/** The locked REST contract of Inventory, over the domain functions. */
export function productRoutes(db: PrismaClient, catalog: CatalogCache): Hono<ServiceHonoEnv> {
  const routes = new Hono<ServiceHonoEnv>();
  const idOf = (raw: string) => readParam(Uuid, raw, "id");

  // The catalog's JSON is serialised once per change, not once per request.
  routes.get("/products", async (c) => {
    c.header("content-type", "application/json; charset=UTF-8");
    return c.body((await catalog.get()).json);
  });

  routes.get("/products/:id", async (c) =>
    c.json(await products.getCatalogProduct(db, idOf(c.req.param("id")))),
  );

  routes.post("/products", requires("products.write"), async (c) => {
    const input = await readJsonBody(c, CreateProductInput);
    return c.json(await products.createProduct(db, input), 201);
  });

  routes.patch("/products/:id", requires("products.write"), async (c) => {
    const id = idOf(c.req.param("id"));
    const input = await readJsonBody(c, UpdateProductInput);
    return c.json(await products.updateProduct(db, id, input));
  });

  routes.patch("/products/:id/stock", requires("products.write"), async (c) => {
    const id = idOf(c.req.param("id"));
    const change = await readJsonBody(c, StockChangeInput);
    return c.json(await products.changeStock(db, id, change));
  });

  routes.delete("/products/:id", requires("products.write"), async (c) => {
    await products.archiveProduct(db, idOf(c.req.param("id")));
    return c.body(null, 204);
  });

  routes.get("/admin/products", requires("products.read"), async (c) =>
    c.json(await products.listAllProducts(db)),
  );

  return routes;
}
