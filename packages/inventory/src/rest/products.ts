import {
  AdminCatalogPageInput,
  CatalogPageInput,
  CreateProductInput,
  StockChangeInput,
  UpdateProductInput,
  Uuid,
} from "@shop/contracts";
import type { PrismaClient } from "@shop/db";
import { adminOnly, readJsonBody, readParam, ServiceError, type ServiceHonoEnv } from "@shop/service";
import { Hono, type Context } from "hono";
import type { CatalogCache } from "../domain/catalog-cache.ts";
import { listCatalogPage, rowForAdmin } from "../domain/catalog-page.ts";
import * as products from "../domain/products.ts";
import { imageRoutes } from "./images.ts";

/** The query string as one object (each name once: a repeated one is a 400). */
function queryOf(c: Context): Record<string, string> {
  const all = c.req.queries();
  const query: Record<string, string> = {};
  for (const [name, values] of Object.entries(all)) {
    if (values.length > 1) {
      throw new ServiceError("validation_failed", `Invalid parameter: give ${name} once`, [
        { path: name, message: "must be given once" },
      ]);
    }
    query[name] = values[0] ?? "";
  }
  return query;
}

/**
 * The next page's URL as an RFC 8288 Link header: this request's URL with
 * the next cursor, so a client follows it without building URLs.
 */
function linkNext(c: Context, cursor: string | null): void {
  if (!cursor) return;
  const next = new URL(c.req.url);
  next.searchParams.set("cursor", cursor);
  c.header("link", `<${next.toString()}>; rel="next"`);
}

/** The locked REST contract of Inventory, over the domain functions. */
export function productRoutes(db: PrismaClient, catalog: CatalogCache): Hono<ServiceHonoEnv> {
  const routes = new Hono<ServiceHonoEnv>();
  const idOf = (raw: string) => readParam(Uuid, raw, "id");

  routes.get("/products", async (c) => {
    const query = queryOf(c);
    if (Object.keys(query).length === 0) {
      // As it always was: the whole catalog, its JSON serialised once per change.
      c.header("content-type", "application/json; charset=UTF-8");
      return c.body((await catalog.get()).json);
    }
    const page = await listCatalogPage(db, readParam(CatalogPageInput, query, "query"));
    linkNext(c, page.next_cursor);
    return c.json(page.items);
  });

  routes.get("/products/:id", async (c) =>
    c.json(await products.getCatalogProduct(db, idOf(c.req.param("id")))),
  );

  routes.post("/products", adminOnly, async (c) => {
    const input = await readJsonBody(c, CreateProductInput);
    return c.json(await products.createProduct(db, input), 201);
  });

  routes.patch("/products/:id", adminOnly, async (c) => {
    const id = idOf(c.req.param("id"));
    const input = await readJsonBody(c, UpdateProductInput);
    return c.json(await products.updateProduct(db, id, input));
  });

  routes.patch("/products/:id/stock", adminOnly, async (c) => {
    const id = idOf(c.req.param("id"));
    const change = await readJsonBody(c, StockChangeInput);
    return c.json(await products.changeStock(db, id, change));
  });

  routes.delete("/products/:id", adminOnly, async (c) => {
    await products.archiveProduct(db, idOf(c.req.param("id")));
    return c.body(null, 204);
  });

  routes.get("/admin/products", adminOnly, async (c) => {
    const query = queryOf(c);
    if (Object.keys(query).length === 0) return c.json(await products.listAllProducts(db));
    const input = readParam(AdminCatalogPageInput, query, "query");
    const page = await listCatalogPage(db, input, { includeArchived: true, defaultSort: "newest" });
    linkNext(c, page.next_cursor);
    return c.json(page.rows.map((row) => products.toAdminProduct(rowForAdmin(row), row.images)));
  });

  routes.get("/admin/products/:id", adminOnly, async (c) =>
    c.json(await products.getAdminProduct(db, idOf(c.req.param("id")))),
  );

  routes.route("/", imageRoutes(db));
  return routes;
}
