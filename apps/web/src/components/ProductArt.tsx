import type { CSSProperties } from "react";

/**
 * The product's picture until the catalog has photos: its initials on a
 * colour drawn from its name, so each product keeps one look everywhere.
 */
export function ProductArt({ name, size = "large" }: { name: string; size?: "large" | "small" }) {
  const hue = [...name].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 360, 7);
  const initials = name
    .split(/\s+/)
    .filter((word) => /^[a-z]/i.test(word))
    .slice(0, 2)
    .map((word) => word[0]?.toUpperCase())
    .join("");
  return (
    <div
      className={`product-art product-art-${size}`}
      style={{ "--hue": hue } as CSSProperties}
      aria-hidden="true"
    >
      {initials}
    </div>
  );
}
