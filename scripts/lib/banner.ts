import { join, relative } from "node:path";
import { dataDir, type RunningDatabase } from "@shop/db";
import type { FirstOwner } from "./first-owner.ts";
import type { Secret } from "./secrets.ts";

/** One part's line: its name, its URL, what it offers. */
export interface Listed {
  part: string;
  port: number;
  offers: string;
}

/** What `pnpm start` and `pnpm dev` print once everything answers: one line per URL, then how to stop. */
export function shopBanner(
  title: string,
  root: string,
  parts: Listed[],
  database: RunningDatabase,
  admin: Secret,
  owner: FirstOwner,
): string {
  const pad = (s: string) => s.padEnd(10);
  /** A path as short as it can be said: relative to the repository when inside it. */
  const shown = (path: string) => (path.startsWith(root) ? relative(root, path) : path);
  const ownerNote = `${owner.created ? "new staff account; " : ""}${owner.password ? `password kept in ${shown(join(dataDir(), "owner-password"))}` : "sign in to the admin"}`;
  return [
    "",
    title,
    ...parts.map((p) => `  ${pad(p.part)} http://localhost:${p.port}  (${p.offers})`),
    `  ${pad("database")} ${database.url}  (${database.embedded ? `embedded, data in ${shown(join(dataDir(), "pg"))}` : "DATABASE_URL"})`,
    `  ${pad("owner")} ${owner.email}${owner.password ? ` / ${owner.password}` : ""}  (${ownerNote})`,
    `  ${pad("token")} ${admin.token}  (admin token for scripts and the SDK; ${admin.source === "env" ? "ADMIN_TOKEN" : `saved in ${shown(join(dataDir(), "admin-token"))}`})`,
    "Ctrl-C stops everything.",
    "",
  ].join("\n");
}
