import { ImageAlt, ReorderImagesInput, UpdateImageInput, Uuid } from "@shop/contracts";
import type { PrismaClient } from "@shop/db";
import { adminOnly, readJsonBody, readParam, ServiceError, type ServiceHonoEnv } from "@shop/service";
import { Hono } from "hono";
import { z } from "zod";
import * as images from "../domain/product-images.ts";

const MULTIPART = /^multipart\/form-data\s*;/i;
const VariantFile = z.string().regex(/^\d{1,5}\.webp$/, "must be <width>.webp");

/** Product pictures: upload (multipart), alt text, reorder, remove, and serving the stored sizes. */
export function imageRoutes(db: PrismaClient): Hono<ServiceHonoEnv> {
  const routes = new Hono<ServiceHonoEnv>();
  const idOf = (raw: string, name = "id") => readParam(Uuid, raw, name);

  routes.post("/products/:id/images", adminOnly, async (c) => {
    const id = idOf(c.req.param("id"));
    const type = c.req.header("content-type") ?? "";
    if (!MULTIPART.test(type)) {
      throw new ServiceError(
        "unsupported_media_type",
        "Send the image as multipart/form-data with the file in the field `file`",
      );
    }
    let form: FormData;
    try {
      form = await c.req.formData();
    } catch {
      throw new ServiceError("validation_failed", "The multipart body could not be read", [
        { path: "", message: "is not a well-formed multipart/form-data body" },
      ]);
    }
    const file = form.get("file");
    if (!(file instanceof File)) {
      throw new ServiceError("validation_failed", "Attach the image in the field `file`", [
        { path: "file", message: "is required (a file)" },
      ]);
    }
    const altField = form.get("alt");
    const alt = readParam(ImageAlt, typeof altField === "string" ? altField : "", "alt");
    const image = await images.addProductImage(db, id, Buffer.from(await file.arrayBuffer()), alt);
    c.header("location", image.url);
    return c.json(image, 201);
  });

  routes.patch("/products/:id/images/:imageId", adminOnly, async (c) => {
    const id = idOf(c.req.param("id"));
    const imageId = idOf(c.req.param("imageId"), "imageId");
    const input = await readJsonBody(c, UpdateImageInput);
    return c.json(await images.updateProductImage(db, id, imageId, input));
  });

  routes.delete("/products/:id/images/:imageId", adminOnly, async (c) => {
    await images.removeProductImage(db, idOf(c.req.param("id")), idOf(c.req.param("imageId"), "imageId"));
    return c.body(null, 204);
  });

  routes.put("/products/:id/images/order", adminOnly, async (c) => {
    const id = idOf(c.req.param("id"));
    const input = await readJsonBody(c, ReorderImagesInput);
    return c.json(await images.reorderProductImages(db, id, input));
  });

  // A stored size never changes (a new upload is a new image id): cached for a year, immutable.
  routes.get("/images/:imageId/:file", async (c) => {
    const imageId = idOf(c.req.param("imageId"), "imageId");
    const file = readParam(VariantFile, c.req.param("file"), "file");
    const variant = await images.readImageVariant(db, imageId, Number.parseInt(file, 10));
    c.header("etag", variant.etag);
    c.header("cache-control", "public, max-age=31536000, immutable");
    // Shown by the web shop and the admin, which are other origins.
    c.header("cross-origin-resource-policy", "cross-origin");
    if (c.req.header("if-none-match") === variant.etag) return c.body(null, 304);
    c.header("content-type", variant.contentType);
    return c.body(variant.bytes as Uint8Array<ArrayBuffer>);
  });

  return routes;
}
