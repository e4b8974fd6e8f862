import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

export interface AdminToken {
  token: string;
  source: "env" | "file" | "generated";
}

/**
 * ADMIN_TOKEN when set; else the development token kept in `.data/admin-token`
 * (made once, so a restart keeps the admin signed in); else a new one.
 */
export function resolveAdminToken(file: string, env: NodeJS.ProcessEnv = process.env): AdminToken {
  if (env.ADMIN_TOKEN) return { token: env.ADMIN_TOKEN, source: "env" };
  if (existsSync(file)) {
    const saved = readFileSync(file, "utf8").trim();
    if (saved.length >= 16) return { token: saved, source: "file" };
  }
  const token = randomBytes(24).toString("base64url");
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${token}\n`, { mode: 0o600 });
  return { token, source: "generated" };
}
