import { createHash } from "node:crypto";
import { IMAGE_PIXELS_MAX, IMAGE_UPLOAD_MAX_BYTES, IMAGE_WIDTHS } from "@shop/contracts";
import { ServiceError } from "@shop/service";
import type { Metadata, default as Sharp } from "sharp";

// libvips is ~15 MiB resident once loaded: a replica loads it with its first
// upload, not at start (most never see one; pictures are served as stored).
let sharpLoaded: Promise<typeof Sharp> | undefined;
const loadSharp = () => (sharpLoaded ??= import("sharp").then((m) => m.default));

/**
 * An uploaded picture, checked and resized with sharp (libvips): the type is
 * read from the bytes (never the file name or the declared type), the pixel
 * count is bounded before decoding (a 50 KB PNG can claim 100,000 × 100,000
 * pixels: a decompression bomb), and what is kept is WebP at a few widths,
 * with EXIF orientation applied and metadata (GPS and all) stripped.
 */

export interface ProcessedVariant {
  width: number;
  height: number;
  contentType: string;
  etag: string;
  bytes: Buffer;
}

export interface ProcessedImage {
  width: number;
  height: number;
  /** Smallest first; the last is the image's main size. */
  variants: ProcessedVariant[];
}

const ACCEPTED = "JPEG, PNG or WebP";

/** The format the first bytes announce, or undefined. */
export function sniffImageType(bytes: Uint8Array): "jpeg" | "png" | "webp" | undefined {
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "jpeg";
  if (bytes.length >= 8 && ascii(0, 8) === "\x89PNG\r\n\x1a\n") return "png";
  if (bytes.length >= 12 && ascii(0, 4) === "RIFF" && ascii(8, 12) === "WEBP") return "webp";
  return undefined;
}

const notAnImage = () =>
  new ServiceError("unsupported_media_type", `The file is not a ${ACCEPTED} image`, [
    { path: "file", message: `must be a ${ACCEPTED} image` },
  ]);

export async function processImage(bytes: Buffer): Promise<ProcessedImage> {
  if (bytes.length === 0) {
    throw new ServiceError("validation_failed", "The file is empty", [{ path: "file", message: "is empty" }]);
  }
  if (bytes.length > IMAGE_UPLOAD_MAX_BYTES) {
    throw new ServiceError(
      "payload_too_large",
      `The image is larger than ${IMAGE_UPLOAD_MAX_BYTES / 1024 / 1024} MB`,
      [{ path: "file", message: `must be at most ${IMAGE_UPLOAD_MAX_BYTES} bytes` }],
    );
  }
  const sniffed = sniffImageType(bytes);
  if (!sniffed) throw notAnImage();

  const sharp = await loadSharp();
  let meta: Metadata;
  try {
    meta = await sharp(bytes, { limitInputPixels: IMAGE_PIXELS_MAX }).metadata(); // reads the header only
  } catch (err) {
    if (isPixelLimit(err)) throw tooManyPixels();
    throw notAnImage();
  }
  if (meta.format !== sniffed || !meta.width || !meta.height) throw notAnImage();
  if (meta.width * meta.height > IMAGE_PIXELS_MAX) throw tooManyPixels(meta.width, meta.height);

  // Rotated by EXIF, the width to resize against may be the stored height.
  const sideways = (meta.orientation ?? 1) >= 5;
  const width = sideways ? meta.height : meta.width;
  const widths = [
    ...new Set([...IMAGE_WIDTHS.filter((w) => w < width), Math.min(width, IMAGE_WIDTHS.at(-1)!)]),
  ];

  try {
    const variants: ProcessedVariant[] = [];
    for (const target of widths.sort((a, b) => a - b)) {
      const { data, info } = await sharp(bytes, { limitInputPixels: IMAGE_PIXELS_MAX, failOn: "error" })
        .rotate()
        .resize({ width: target, withoutEnlargement: true })
        .webp({ quality: 80 })
        .toBuffer({ resolveWithObject: true });
      variants.push({
        width: info.width,
        height: info.height,
        contentType: "image/webp",
        etag: `"${createHash("sha256").update(data).digest("base64url").slice(0, 27)}"`,
        bytes: data,
      });
    }
    const main = variants.at(-1)!;
    return { width: main.width, height: main.height, variants };
  } catch (err) {
    if (isPixelLimit(err)) throw tooManyPixels(meta.width, meta.height);
    throw new ServiceError("unsupported_media_type", `The image could not be read: it may be damaged`, [
      { path: "file", message: "could not be decoded" },
    ]);
  }
}

const isPixelLimit = (err: unknown) => err instanceof Error && /pixel limit/i.test(err.message);

function tooManyPixels(width?: number, height?: number) {
  const size = width && height ? `${width} × ${height} pixels` : "too many pixels";
  return new ServiceError(
    "payload_too_large",
    `The image is ${size}; at most ${IMAGE_PIXELS_MAX.toLocaleString("en-US")} pixels are accepted`,
    [{ path: "file", message: `must have at most ${IMAGE_PIXELS_MAX} pixels` }],
  );
}
