import { GATEWAY_URL } from "../graphql/client.ts";
import { ProductArt } from "./ProductArt.tsx";

export interface PictureInfo {
  url: string;
  alt: string;
  width: number;
  height: number;
  variants: ReadonlyArray<{ url: string; width: number }>;
}

/** Image paths are the gateway's: the shop and the gateway are different origins. */
const GATEWAY_ORIGIN = new URL(GATEWAY_URL, window.location.href).origin;
export const imageSrc = (path: string) => new URL(path, GATEWAY_ORIGIN).toString();

/**
 * A product picture: every stored size in `srcset`, so a phone downloads the
 * small one; lazy (below the fold costs nothing); its alt text, or the
 * product's name when the merchant gave none. No picture: the coloured tile.
 */
export function ProductPicture({
  name,
  image,
  sizes,
  eager = false,
  className = "product-photo",
}: {
  name: string;
  image: PictureInfo | undefined;
  sizes: string;
  eager?: boolean;
  className?: string;
}) {
  if (!image) return <ProductArt name={name} />;
  return (
    <img
      className={className}
      src={imageSrc(image.url)}
      srcSet={image.variants.map((v) => `${imageSrc(v.url)} ${v.width}w`).join(", ")}
      sizes={sizes}
      width={image.width}
      height={image.height}
      alt={image.alt || name}
      loading={eager ? "eager" : "lazy"}
      decoding="async"
    />
  );
}
