import { ProductImage, ReorderImagesInput, UpdateImageInput, Uuid } from "@shop/contracts";
import { z } from "zod";
import { removeProductImage, reorderProductImages, updateProductImage } from "../../domain/product-images.ts";
import { staffProcedure } from "../init.ts";

/** The JSON image operations (uploads are multipart, REST only: `POST /products/:id/images`). */
const ImageRef = z.object({ productId: Uuid, imageId: Uuid });

export const updateImage = staffProcedure("products.write")
  .input(ImageRef.extend({ patch: UpdateImageInput }))
  .output(ProductImage)
  .mutation(({ ctx, input }) => updateProductImage(ctx.db, input.productId, input.imageId, input.patch));

export const removeImage = staffProcedure("products.write")
  .input(ImageRef)
  .mutation(async ({ ctx, input }) => {
    await removeProductImage(ctx.db, input.productId, input.imageId);
  });

export const reorderImages = staffProcedure("products.write")
  .input(z.object({ productId: Uuid, order: ReorderImagesInput }))
  .output(z.array(ProductImage))
  .mutation(({ ctx, input }) => reorderProductImages(ctx.db, input.productId, input.order));
