import { crc32 } from "node:zlib";
import type { ProductImage } from "@shop/contracts";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { ADMIN_TOKEN, useInventory } from "./harness.ts";

/** Image upload, serving, alt text, reorder and remove, and every bad upload refused with nothing stored. */
const h = useInventory();

const png = (width = 800, height = 600) =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 120, b: 40 } } })
    .png()
    .toBuffer();

/** A valid PNG whose header claims 100,000 × 100,000 pixels: tiny to send, 30 GB to decode. */
async function decompressionBomb(): Promise<Buffer> {
  const bytes = Buffer.from(await png(8, 8));
  // IHDR: length(4) "IHDR"(4) width(4) height(4) ... crc(4), right after the 8-byte signature.
  bytes.writeUInt32BE(100_000, 16);
  bytes.writeUInt32BE(100_000, 20);
  bytes.writeUInt32BE(crc32(bytes.subarray(12, 29)) >>> 0, 29);
  return bytes;
}

function upload(
  productId: string,
  file: Uint8Array | undefined,
  options: { name?: string; type?: string; alt?: string; admin?: boolean } = {},
) {
  const form = new FormData();
  if (file)
    form.append("file", new Blob([file], { type: options.type ?? "image/png" }), options.name ?? "photo.png");
  if (options.alt !== undefined) form.append("alt", options.alt);
  return h.request(`/products/${productId}/images`, {
    method: "POST",
    body: form,
    headers: options.admin === false ? {} : { authorization: `Bearer ${ADMIN_TOKEN}` },
  });
}

let productId: string;
const storedImages = async () => ({
  images: await h.db.productImage.count({ where: { productId } }),
  variants: await h.db.productImageVariant.count({ where: { image: { productId } } }),
});

beforeAll(async () => {
  productId = (await h.db.product.create({ data: { name: "Teapot", priceCents: 3_400, stockQty: 8 } })).id;
});

describe("POST /products/:id/images", () => {
  it("stores a picture at a few widths and serves each with an ETag and immutable caching", async () => {
    const res = await upload(productId, await png(1600, 1200), { alt: "A brown teapot" });
    expect(res.status).toBe(201);
    const image = (await res.json()) as ProductImage;
    expect(image).toMatchObject({ alt: "A brown teapot", width: 1280, height: 960 });
    expect(image.url).toBe(`/images/${image.id}/1280.webp`);
    expect(image.variants.map((v) => v.width)).toEqual([320, 640, 1280]);

    const served = await h.request(image.url);
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/webp");
    expect(served.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    const etag = served.headers.get("etag")!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const meta = await sharp(Buffer.from(await served.arrayBuffer())).metadata();
    expect(meta).toMatchObject({ format: "webp", width: 1280, height: 960 });
    expect((await h.request(image.url, { headers: { "if-none-match": etag } })).status).toBe(304);

    const product = (await h.rest("GET", `/products/${productId}`)).body as { images: ProductImage[] };
    expect(product.images).toEqual([image]);
  });

  it("never enlarges a small picture", async () => {
    const res = await upload(productId, await png(200, 100));
    const image = (await res.json()) as ProductImage;
    expect(image).toMatchObject({ width: 200, height: 100 });
    expect(image.variants.map((v) => v.width)).toEqual([200]);
    await h.rest("DELETE", `/products/${productId}/images/${image.id}`, { admin: true });
  });

  const bad: Array<[string, () => Promise<Response>, number, string]> = [
    [
      "text named photo.png",
      () => upload(productId, new TextEncoder().encode("not a picture at all"), { name: "photo.png" }),
      415,
      "unsupported_media_type",
    ],
    [
      "a GIF (not JPEG, PNG or WebP)",
      async () =>
        upload(
          productId,
          await sharp({ create: { width: 4, height: 4, channels: 3, background: "red" } })
            .gif()
            .toBuffer(),
          { name: "a.gif", type: "image/gif" },
        ),
      415,
      "unsupported_media_type",
    ],
    [
      "a PNG cut short",
      async () => upload(productId, (await png()).subarray(0, 200)),
      415,
      "unsupported_media_type",
    ],
    [
      "a decompression bomb",
      async () => upload(productId, await decompressionBomb()),
      413,
      "payload_too_large",
    ],
    [
      "more than 5 MB",
      () =>
        upload(
          productId,
          Buffer.concat([
            Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
            Buffer.alloc(5 * 1024 * 1024 + 1),
          ]),
        ),
      413,
      "payload_too_large",
    ],
    ["no file field", () => upload(productId, undefined, { alt: "x" }), 400, "validation_failed"],
    [
      "an alt text with control characters",
      async () => upload(productId, await png(), { alt: "a\u0007b" }),
      400,
      "validation_failed",
    ],
    [
      "a JSON body",
      () =>
        h.request(`/products/${productId}/images`, {
          method: "POST",
          headers: { authorization: `Bearer ${ADMIN_TOKEN}`, "content-type": "application/json" },
          body: "{}",
        }),
      415,
      "unsupported_media_type",
    ],
    ["no admin token", async () => upload(productId, await png(), { admin: false }), 401, "unauthorized"],
  ];
  it.each(bad)("refuses %s and stores nothing", async (_what, send, status, error) => {
    const before = await storedImages();
    const res = await send();
    expect(res.status).toBe(status);
    expect(await res.json()).toMatchObject({ error, message: expect.any(String) });
    expect(await storedImages()).toEqual(before);
  });

  it("refuses an image of a product that does not exist", async () => {
    const res = await upload("00000000-0000-4000-8000-00000000abcd", await png());
    expect(res.status).toBe(404);
  });

  it("refuses an eleventh image, also when uploads race", async () => {
    const file = await png(64, 64);
    const current = (await storedImages()).images;
    const answers = await Promise.all(Array.from({ length: 12 - current }, () => upload(productId, file)));
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(10 - current);
    expect(statuses.filter((s) => s === 409)).toHaveLength(2);
    expect((await storedImages()).images).toBe(10);
  });
});

describe("alt text, order and removal", () => {
  it("reorders, edits alt text and removes, and refuses an order that does not name every image once", async () => {
    const images = ((await h.rest("GET", `/products/${productId}`)).body as { images: ProductImage[] })
      .images;
    const reversed = images.map((i) => i.id).reverse();
    const reordered = await h.rest("PUT", `/products/${productId}/images/order`, {
      admin: true,
      body: { image_ids: reversed },
    });
    expect(reordered.status).toBe(200);
    expect((reordered.body as ProductImage[]).map((i) => i.id)).toEqual(reversed);

    const missingOne = await h.rest("PUT", `/products/${productId}/images/order`, {
      admin: true,
      body: { image_ids: reversed.slice(1) },
    });
    expect(missingOne.status).toBe(400);
    const twice = await h.rest("PUT", `/products/${productId}/images/order`, {
      admin: true,
      body: { image_ids: [...reversed.slice(1), reversed[1]] },
    });
    expect(twice.status).toBe(400);

    const first = reversed[0]!;
    const alt = await h.rest("PATCH", `/products/${productId}/images/${first}`, {
      admin: true,
      body: { alt: "Side view" },
    });
    expect(alt.body).toMatchObject({ id: first, alt: "Side view" });

    expect((await h.rest("DELETE", `/products/${productId}/images/${first}`, { admin: true })).status).toBe(
      204,
    );
    expect((await h.request(`/images/${first}/320.webp`)).status).toBe(404);
    expect((await h.rest("DELETE", `/products/${productId}/images/${first}`, { admin: true })).status).toBe(
      404,
    );
  });

  it("serves no image for a malformed path", async () => {
    expect((await h.request("/images/not-a-uuid/320.webp")).status).toBe(400);
    expect((await h.request("/images/00000000-0000-4000-8000-000000000001/320.png")).status).toBe(400);
  });
});
