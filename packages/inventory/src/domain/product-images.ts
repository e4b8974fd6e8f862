import type { ProductImage, ReorderImagesInput, UpdateImageInput } from "@shop/contracts";
import { PRODUCT_IMAGES_MAX } from "@shop/contracts";
import { Prisma, type PrismaClient } from "@shop/db";
import { notFound, ServiceError } from "@shop/service";
import { processImage } from "./image-processing.ts";

/**
 * Product pictures, stored in PostgreSQL (bytea) so that every Inventory
 * replica serves every image, with no disk state. A stored variant never
 * changes (a new upload is a new image id), so its URL is cached forever.
 */

/** Where a stored size of an image is served (by Inventory, and by the gateway in front of it). */
export const imageUrl = (imageId: string, width: number) => `/images/${imageId}/${width}.webp`;

interface ImageRow {
  id: string;
  product_id: string;
  alt: string;
  /** null for an image without stored sizes (not written by this code, but a column may say so). */
  variants: { width: number; height: number }[] | null;
}

function toImage(row: Omit<ImageRow, "product_id">): ProductImage {
  const variants = [...(row.variants ?? [])]
    .sort((a, b) => a.width - b.width)
    .map((v) => ({ url: imageUrl(row.id, v.width), width: v.width, height: v.height }));
  const main = variants.at(-1) ?? { url: "", width: 0, height: 0 };
  return { id: row.id, url: main.url, alt: row.alt, width: main.width, height: main.height, variants };
}

/**
 * A product's pictures as one JSON column of the query that reads the
 * product (`alias`: that query's name for products), in their order, no
 * image bytes: a catalog page and its pictures in one round trip. Read the
 * column back with imagesFromColumn.
 */
export function imagesColumn(alias: string): Prisma.Sql {
  const product = Prisma.raw(`${alias}.id`);
  return Prisma.sql`(
    SELECT coalesce(json_agg(json_build_object('id', i.id, 'alt', i.alt, 'variants', (
             SELECT json_agg(json_build_object('width', v.width, 'height', v.height))
               FROM product_image_variants v WHERE v.image_id = i.id))
           ORDER BY i.position, i.created_at), '[]'::json)
      FROM product_images i
     WHERE i.product_id = ${product})`;
}

export function imagesFromColumn(column: Omit<ImageRow, "product_id">[]): ProductImage[] {
  return column.map(toImage);
}

/** The pictures of each product asked for, in their order (one query, no image bytes). */
export async function imagesOf(db: PrismaClient, productIds: string[]): Promise<Map<string, ProductImage[]>> {
  const byProduct = new Map<string, ProductImage[]>();
  if (productIds.length === 0) return byProduct;
  const rows = await db.$queryRaw<ImageRow[]>`
    SELECT i.id, i.product_id, i.alt,
           json_agg(json_build_object('width', v.width, 'height', v.height)) AS variants
      FROM product_images i
      JOIN product_image_variants v ON v.image_id = i.id
     WHERE i.product_id = ANY(${productIds}::uuid[])
     GROUP BY i.id
     ORDER BY i.product_id, i.position, i.created_at`;
  for (const row of rows) {
    const list = byProduct.get(row.product_id) ?? [];
    list.push(toImage(row));
    byProduct.set(row.product_id, list);
  }
  return byProduct;
}

async function productImages(db: PrismaClient, productId: string): Promise<ProductImage[]> {
  return (await imagesOf(db, [productId])).get(productId) ?? [];
}

/**
 * Adds a picture at the end of the product's list. The bytes are checked and
 * resized first (nothing is stored if that fails); then, in one transaction
 * holding the product's image lock, the count is checked and the image and
 * its sizes written, so two uploads at once cannot make an eleventh.
 */
export async function addProductImage(
  db: PrismaClient,
  productId: string,
  file: Buffer,
  alt: string,
): Promise<ProductImage> {
  if (!(await db.product.findUnique({ where: { id: productId }, select: { id: true } }))) {
    throw notFound("Product", productId);
  }
  const processed = await processImage(file);
  const imageId = await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('product-images:' || ${productId}))`;
    const count = await tx.productImage.count({ where: { productId } });
    if (count >= PRODUCT_IMAGES_MAX) {
      throw new ServiceError(
        "conflict",
        `Product ${productId} already has ${PRODUCT_IMAGES_MAX} images, the most it may have; remove one first`,
      );
    }
    const last = await tx.productImage.aggregate({ where: { productId }, _max: { position: true } });
    const image = await tx.productImage.create({
      data: {
        productId,
        position: (last._max.position ?? -1) + 1,
        alt,
        width: processed.width,
        height: processed.height,
        variants: {
          create: processed.variants.map((v) => ({
            width: v.width,
            height: v.height,
            contentType: v.contentType,
            etag: v.etag,
            bytes: new Uint8Array(v.bytes),
          })),
        },
      },
    });
    return image.id;
  });
  const added = (await productImages(db, productId)).find((image) => image.id === imageId);
  if (!added) throw notFound("Image", imageId);
  return added;
}

async function imageOfProduct(db: PrismaClient, productId: string, imageId: string) {
  const image = await db.productImage.findFirst({ where: { id: imageId, productId }, select: { id: true } });
  if (!image) throw notFound("Image", imageId);
}

export async function updateProductImage(
  db: PrismaClient,
  productId: string,
  imageId: string,
  input: UpdateImageInput,
): Promise<ProductImage> {
  await imageOfProduct(db, productId, imageId);
  await db.productImage.update({ where: { id: imageId }, data: { alt: input.alt } });
  const image = (await productImages(db, productId)).find((i) => i.id === imageId);
  if (!image) throw notFound("Image", imageId);
  return image;
}

export async function removeProductImage(
  db: PrismaClient,
  productId: string,
  imageId: string,
): Promise<void> {
  const { count } = await db.productImage.deleteMany({ where: { id: imageId, productId } });
  if (count === 0) throw notFound("Image", imageId);
}

/** Puts the product's images in the order given, which must name each of them exactly once. */
export async function reorderProductImages(
  db: PrismaClient,
  productId: string,
  input: ReorderImagesInput,
): Promise<ProductImage[]> {
  await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('product-images:' || ${productId}))`;
    const current = await tx.productImage.findMany({ where: { productId }, select: { id: true } });
    const ids = new Set(current.map((i) => i.id));
    const asked = new Set(input.image_ids);
    if (
      asked.size !== input.image_ids.length ||
      asked.size !== ids.size ||
      ![...asked].every((id) => ids.has(id))
    ) {
      throw new ServiceError(
        "validation_failed",
        "image_ids must name every image of the product exactly once",
        [{ path: "image_ids", message: `must list these ${ids.size} ids once each: ${[...ids].join(", ")}` }],
      );
    }
    await tx.$executeRaw`
      UPDATE product_images i SET position = o.n - 1
        FROM unnest(${input.image_ids}::uuid[]) WITH ORDINALITY AS o(id, n)
       WHERE i.id = o.id AND i.product_id = ${productId}::uuid`;
  });
  return productImages(db, productId);
}

export interface StoredVariant {
  contentType: string;
  etag: string;
  bytes: Uint8Array;
}

/** One stored size of an image, for serving. */
export async function readImageVariant(
  db: PrismaClient,
  imageId: string,
  width: number,
): Promise<StoredVariant> {
  const variant = await db.productImageVariant.findUnique({
    where: { imageId_width: { imageId, width } },
    select: { contentType: true, etag: true, bytes: true },
  });
  if (!variant) throw notFound("Image", `${imageId} at width ${width}`);
  return variant;
}
