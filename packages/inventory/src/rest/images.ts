import { ImageAlt, ProductImage, ReorderImagesInput, UpdateImageInput, Uuid } from "@shop/contracts";
import type { PrismaClient } from "@shop/db";
import {
  adminRoute,
  createRoute,
  errorAnswer,
  jsonAnswer,
  jsonBody,
  restRoutes,
  ServiceError,
  type RestRoutes,
} from "@shop/service";
import { z as openApiZ } from "@hono/zod-openapi";
import { z } from "zod";
import * as images from "../domain/product-images.ts";

const MULTIPART = /^multipart\/form-data\s*;/i;

/** Product pictures: upload (multipart), alt text, reorder, remove, and serving the stored sizes. */
export function imageRoutes(db: PrismaClient): RestRoutes {
  return restRoutes()
    .openapi(uploadImage, async (c) => {
      const { id } = c.req.valid("param");
      if (!MULTIPART.test(c.req.header("content-type") ?? "")) {
        throw new ServiceError(
          "unsupported_media_type",
          "Send the image as multipart/form-data with the file in the field `file`",
        );
      }
      const form = c.req.valid("form");
      const image = await images.addProductImage(
        db,
        id,
        Buffer.from(await form.file.arrayBuffer()),
        form.alt ?? "",
      );
      c.header("location", image.url);
      return c.json(image, 201);
    })
    .openapi(updateImage, async (c) => {
      const { id, imageId } = c.req.valid("param");
      return c.json(await images.updateProductImage(db, id, imageId, c.req.valid("json")), 200);
    })
    .openapi(removeImage, async (c) => {
      const { id, imageId } = c.req.valid("param");
      await images.removeProductImage(db, id, imageId);
      return c.body(null, 204);
    })
    .openapi(reorderImages, async (c) =>
      c.json(await images.reorderProductImages(db, c.req.valid("param").id, c.req.valid("json")), 200),
    )
    .openapi(serveImage, async (c) => {
      const { imageId, file } = c.req.valid("param");
      const variant = await images.readImageVariant(db, imageId, Number.parseInt(file, 10));
      // A stored size never changes (a new upload is a new image id): cached for a year, immutable.
      c.header("etag", variant.etag);
      c.header("cache-control", "public, max-age=31536000, immutable");
      // Shown by the web shop and the admin, which are other origins.
      c.header("cross-origin-resource-policy", "cross-origin");
      if (c.req.header("if-none-match") === variant.etag) return c.body(null, 304);
      c.header("content-type", variant.contentType);
      return c.body(variant.bytes as Uint8Array<ArrayBuffer>, 200);
    });
}

const ImageParams = z.object({ id: Uuid, imageId: Uuid });

const adminErrors = {
  400: errorAnswer("Malformed id or body (validation_failed)"),
  401: errorAnswer("Missing or wrong admin token (unauthorized)"),
  404: errorAnswer("No such product or image"),
};

const UploadForm = z.object({
  file: openApiZ
    .instanceof(File, { message: "is required (a file)" })
    .openapi({ type: "string", format: "binary" }),
  alt: ImageAlt.optional(),
});

const uploadImage = createRoute({
  method: "post",
  path: "/products/{id}/images",
  summary:
    "Upload a picture (JPEG, PNG or WebP, up to 5 MB): stored resized, at the end of the product's list",
  ...adminRoute("products.write"),
  request: {
    params: z.object({ id: Uuid }),
    // Not required: a body of another type gets the 415 below, not a validation error.
    body: { content: { "multipart/form-data": { schema: UploadForm } }, required: false },
  },
  responses: {
    201: jsonAnswer("The stored image", ProductImage),
    409: errorAnswer("The product has 10 images already (conflict)"),
    413: errorAnswer("Over 5 MB, or too many pixels: a decompression bomb (payload_too_large)"),
    415: errorAnswer("Not multipart, or the file is not a JPEG, PNG or WebP image (unsupported_media_type)"),
    ...adminErrors,
  },
});

const updateImage = createRoute({
  method: "patch",
  path: "/products/{id}/images/{imageId}",
  summary: "Change a picture's alt text",
  ...adminRoute("products.write"),
  request: { params: ImageParams, body: jsonBody(UpdateImageInput) },
  responses: { 200: jsonAnswer("The image", ProductImage), ...adminErrors },
});

const removeImage = createRoute({
  method: "delete",
  path: "/products/{id}/images/{imageId}",
  summary: "Remove a picture",
  ...adminRoute("products.write"),
  request: { params: ImageParams },
  responses: { 204: { description: "Removed" }, ...adminErrors },
});

const reorderImages = createRoute({
  method: "put",
  path: "/products/{id}/images/order",
  summary: "Put the product's pictures in this order (every image id once; the first is the main picture)",
  ...adminRoute("products.write"),
  request: { params: z.object({ id: Uuid }), body: jsonBody(ReorderImagesInput) },
  responses: { 200: jsonAnswer("The images, in their new order", z.array(ProductImage)), ...adminErrors },
});

const serveImage = createRoute({
  method: "get",
  path: "/images/{imageId}/{file}",
  summary: "One stored size of a picture (WebP), with an ETag and immutable caching",
  request: {
    params: z.object({ imageId: Uuid, file: z.string().regex(/^\d{1,5}\.webp$/, "must be <width>.webp") }),
  },
  responses: {
    200: {
      description: "The picture",
      content: { "image/webp": { schema: z.string().meta({ format: "binary" }) } },
    },
    304: { description: "Not modified (If-None-Match)" },
    400: errorAnswer("Malformed path"),
    404: errorAnswer("No such image or size"),
  },
});
