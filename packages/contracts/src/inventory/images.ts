import { z } from "zod";
import { Uuid } from "../ids.ts";
import { IMAGE_ALT_MAX, PRODUCT_IMAGES_MAX } from "./limits.ts";

/** One stored size of an image: for a responsive `srcset`. */
export const ImageVariant = z.object({
  url: z.string(),
  width: z.number().int(),
  height: z.number().int(),
});
export type ImageVariant = z.infer<typeof ImageVariant>;

/**
 * A product picture. `url` (a path on Inventory, also served by the gateway)
 * is the largest stored size; `width`/`height` are its pixels; `variants`
 * lists every stored size, smallest first.
 */
export const ProductImage = z
  .object({
    id: Uuid,
    url: z.string(),
    alt: z.string(),
    width: z.number().int(),
    height: z.number().int(),
    variants: z.array(ImageVariant),
  })
  .meta({ id: "ProductImage" });
export type ProductImage = z.infer<typeof ProductImage>;

/** Upload's optional `alt` form field, and the PATCH of an image. */
export const ImageAlt = z
  .string()
  .trim()
  .max(IMAGE_ALT_MAX, `must be at most ${IMAGE_ALT_MAX} characters`)
  .regex(/^[^\p{Cc}]*$/u, "must not contain control characters");

export const UpdateImageInput = z.strictObject({ alt: ImageAlt }).meta({ id: "UpdateImageInput" });
export type UpdateImageInput = z.infer<typeof UpdateImageInput>;

/** `PUT /products/:id/images/order`: every image id of the product, in the new order. */
export const ReorderImagesInput = z
  .strictObject({ image_ids: z.array(Uuid).min(1).max(PRODUCT_IMAGES_MAX) })
  .meta({ id: "ReorderImagesInput" });
export type ReorderImagesInput = z.infer<typeof ReorderImagesInput>;
