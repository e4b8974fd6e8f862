import type { Actor } from "@shop/contracts";
import type { PrismaClient } from "@shop/db";
import { ServiceError, type ServiceHonoEnv } from "@shop/service";
import { sessionActor } from "@shop/staff";
import type { Context, MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";

export const SESSION_COOKIE = "shop_session";

export interface StaffDeps {
  db: PrismaClient;
  /** How long an unused session lives (idle expiry). */
  idleMs: number;
}

/** The Set-Cookie value of a session: HttpOnly, SameSite=Strict, Secure over HTTPS, the idle limit as Max-Age. */
export function sessionCookie(token: string, options: { secure: boolean; maxAgeSeconds: number }): string {
  const parts = [
    `${SESSION_COOKIE}=${token}`,
    "Path=/",
    "HttpOnly",
    "SameSite=Strict",
    `Max-Age=${options.maxAgeSeconds}`,
  ];
  if (options.secure) parts.push("Secure");
  return parts.join("; ");
}

export const clearedSessionCookie = (secure: boolean) =>
  `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0${secure ? "; Secure" : ""}`;

/** Over HTTPS (directly, or behind a proxy we trust that says so). */
export function isHttps(c: Context, trustProxy: boolean): boolean {
  if (new URL(c.req.url).protocol === "https:") return true;
  return trustProxy && c.req.header("x-forwarded-proto")?.split(",")[0]?.trim() === "https";
}

export const sessionTokenOf = (c: Context) => getCookie(c, SESSION_COOKIE);

const JSON_MEDIA = /^application\/(?:graphql-response\+)?json\s*(?:;|$)/i;

/**
 * Cross-site request forgery, refused three ways: the cookie is
 * SameSite=Strict (a browser does not send it from another site); a POST with
 * an Origin that is neither ours nor an allowed SPA's is refused; and a POST
 * must be JSON, which an HTML form cannot send (and a cross-origin fetch can
 * send only after a CORS preflight we do not grant). Nothing runs when refused.
 */
export function csrfGuard(allowedOrigins: readonly string[]): MiddlewareHandler<ServiceHonoEnv> {
  return createMiddleware<ServiceHonoEnv>(async (c, next) => {
    // Only a request carrying the session cookie has ambient authority to forge.
    if (c.req.method !== "POST" || sessionTokenOf(c) === undefined) return next();
    const origin = c.req.header("origin");
    const own = new URL(c.req.url).origin;
    if (origin !== undefined && origin !== own && !allowedOrigins.includes(origin)) {
      throw new ServiceError("forbidden", `Requests from ${origin} are not accepted here`);
    }
    const type = c.req.header("content-type") ?? "";
    if (!JSON_MEDIA.test(type)) {
      throw new ServiceError("unsupported_media_type", "Send GraphQL requests as application/json");
    }
    return next();
  });
}

/** The signed-in staff member of this request, from the session cookie, if it is alive. */
export async function staffActorOf(c: Context, staff: StaffDeps | undefined): Promise<Actor | undefined> {
  const token = sessionTokenOf(c);
  if (!staff || !token) return undefined;
  return sessionActor(staff.db, token, staff.idleMs);
}
