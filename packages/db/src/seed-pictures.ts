import { createHash } from "node:crypto";
import sharp from "sharp";

/**
 * The starter catalog's pictures, drawn at seed time (no download): a still
 * life of the product's kind on a colour of its own, as SVG rendered by
 * sharp to WebP at the widths Inventory stores uploads at.
 */
export const SEED_PICTURE_WIDTHS = [320, 640] as const;

export type SeedShape =
  "mug" | "pot" | "cups" | "kettle" | "cone" | "stack" | "box" | "tin" | "cloth" | "tray" | "carafe" | "bag";

function shapeSvg(shape: SeedShape): string {
  const ink = "#2b2118";
  const body = `fill="#fffaf2" stroke="${ink}" stroke-width="10" stroke-linejoin="round"`;
  switch (shape) {
    case "mug":
      return `<rect x="240" y="190" width="260" height="280" rx="30" ${body}/><path d="M500 250 h40 a60 60 0 0 1 0 120 h-40" fill="none" stroke="${ink}" stroke-width="18"/>`;
    case "pot":
      return `<ellipse cx="400" cy="350" rx="190" ry="140" ${body}/><path d="M215 320 L110 230" stroke="${ink}" stroke-width="22" stroke-linecap="round"/><path d="M585 300 q90 20 40 130" fill="none" stroke="${ink}" stroke-width="18"/><rect x="350" y="185" width="100" height="40" rx="12" ${body}/>`;
    case "cups":
      return `<rect x="170" y="260" width="180" height="160" rx="24" ${body}/><rect x="450" y="260" width="180" height="160" rx="24" ${body}/><ellipse cx="260" cy="440" rx="130" ry="22" ${body}/><ellipse cx="540" cy="440" rx="130" ry="22" ${body}/>`;
    case "kettle":
      return `<path d="M250 470 L290 230 h220 L550 470 Z" ${body}/><path d="M290 260 L150 170" stroke="${ink}" stroke-width="14" stroke-linecap="round"/><path d="M510 250 q110 0 90 150" fill="none" stroke="${ink}" stroke-width="18"/>`;
    case "cone":
      return `<path d="M230 200 h340 L440 430 h-80 Z" ${body}/><rect x="300" y="430" width="200" height="40" rx="10" ${body}/>`;
    case "stack":
      return `<path d="M250 200 h300 l-60 260 h-180 Z" ${body}/><path d="M270 240 h260 M280 290 h240" stroke="${ink}" stroke-width="8"/>`;
    case "box":
      return `<rect x="300" y="150" width="200" height="320" rx="26" ${body}/><circle cx="400" cy="150" r="50" ${body}/><path d="M500 260 h70" stroke="${ink}" stroke-width="22" stroke-linecap="round"/>`;
    case "tin":
      return `<rect x="280" y="200" width="240" height="270" rx="20" ${body}/><rect x="265" y="170" width="270" height="50" rx="14" ${body}/>`;
    case "cloth":
      return `<path d="M200 230 L600 200 L580 450 L220 470 Z" ${body}/><path d="M220 300 L590 270 M225 380 L585 350" stroke="${ink}" stroke-width="6" stroke-dasharray="18 14"/>`;
    case "tray":
      return `<rect x="150" y="300" width="500" height="110" rx="40" ${body}/><path d="M200 330 h400" stroke="${ink}" stroke-width="6"/>`;
    case "carafe":
      return `<path d="M340 160 h120 v90 q120 80 100 220 h-320 q-20 -140 100 -220 Z" ${body}/><path d="M290 380 q110 30 220 0" fill="none" stroke="${ink}" stroke-width="8"/>`;
    case "bag":
      return `<path d="M260 210 h280 l30 260 h-340 Z" ${body}/><path d="M300 210 l40 -50 h120 l40 50" fill="none" stroke="${ink}" stroke-width="10"/><circle cx="400" cy="330" r="45" fill="none" stroke="${ink}" stroke-width="8"/>`;
  }
}

function svgFor(name: string, shape: SeedShape): string {
  const hue = [...name].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 360, 7);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600" viewBox="0 0 800 600">
    <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="hsl(${hue} 55% 78%)"/><stop offset="1" stop-color="hsl(${(hue + 40) % 360} 50% 62%)"/>
    </linearGradient></defs>
    <rect width="800" height="600" fill="url(#g)"/>
    <ellipse cx="400" cy="490" rx="300" ry="40" fill="rgba(0,0,0,0.12)"/>
    ${shapeSvg(shape)}
  </svg>`;
}

export interface SeedPictureVariant {
  width: number;
  height: number;
  etag: string;
  bytes: Uint8Array<ArrayBuffer>;
}

export async function drawSeedPicture(name: string, shape: SeedShape): Promise<SeedPictureVariant[]> {
  const svg = Buffer.from(svgFor(name, shape));
  return Promise.all(
    SEED_PICTURE_WIDTHS.map(async (width) => {
      const { data, info } = await sharp(svg)
        .resize({ width })
        .webp({ quality: 80 })
        .toBuffer({ resolveWithObject: true });
      const etag = `"${createHash("sha256").update(data).digest("base64url").slice(0, 27)}"`;
      return { width: info.width, height: info.height, etag, bytes: new Uint8Array(data) };
    }),
  );
}
