import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

export interface Secret {
  token: string;
  source: "env" | "file" | "generated";
}

/**
 * `env[name]` when set; else the development secret kept in `file` under the
 * data folder (made once, so a restart keeps it); else a new one, saved
 * readable by this user only. The admin token and the service token both.
 */
export function resolveSecret(name: string, file: string, env: NodeJS.ProcessEnv = process.env): Secret {
  const fromEnv = env[name];
  if (fromEnv) return { token: fromEnv, source: "env" };
  if (existsSync(file)) {
    const saved = readFileSync(file, "utf8").trim();
    if (saved.length >= 16) return { token: saved, source: "file" };
  }
  const token = randomBytes(24).toString("base64url");
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${token}\n`, { mode: 0o600 });
  return { token, source: "generated" };
}

/** ADMIN_TOKEN, or the one kept in `.data/admin-token`. */
export const resolveAdminToken = (file: string, env: NodeJS.ProcessEnv = process.env) =>
  resolveSecret("ADMIN_TOKEN", file, env);

/** SERVICE_TOKEN, or the one kept in `.data/service-token`: what the services present to each other. */
export const resolveServiceToken = (file: string, env: NodeJS.ProcessEnv = process.env) =>
  resolveSecret("SERVICE_TOKEN", file, env);
