/**
 * The whole shop in-process over one test database: the three services and
 * the gateway, each the real app its main.ts serves, wired as in production
 * but with every HTTP hop an in-process `app.request` (no sockets), so a
 * generated input costs a millisecond or two, not a round trip.
 */
import { createGatewayApp } from "@shop/gateway";
import { createLogger } from "@shop/service";
import { TEST_SERVICE_TOKEN } from "@shop/service/testing";
import type { PrismaClient } from "@shop/db";
import { inProcessServices } from "@shop/stack";

export const ADMIN_TOKEN = "reliability-admin-token-0123456789";
export const ADMIN_HEADERS = { authorization: `Bearer ${ADMIN_TOKEN}` };

export type ServiceName = "inventory" | "orders" | "payments";
const SERVICE_URLS: Record<ServiceName, string> = {
  inventory: "http://inventory.test",
  orders: "http://orders.test",
  payments: "http://payments.test",
};

/** What one request answered: status, headers and the body exactly as sent. */
export interface Answer {
  status: number;
  headers: Headers;
  text: string;
}

export interface HttpCall {
  method: string;
  path: string;
  headers?: Record<string, string>;
  /** Sent as is: generated inputs are JSON text, often deliberately broken. */
  body?: string;
}

export interface InProcessStack {
  /** One request to a service or the gateway, answered by the real app. */
  request(target: ServiceName | "gateway", call: HttpCall): Promise<Answer>;
}

export function inProcessStack(db: PrismaClient): InProcessStack {
  // Errors are the point of these tests: their log lines would only be noise.
  const log = createLogger("reliability", "silent");
  const apps = inProcessServices({ db, adminToken: ADMIN_TOKEN, serviceToken: TEST_SERVICE_TOKEN, log });
  const gateway = createGatewayApp({
    log,
    serviceUrls: SERVICE_URLS,
    serviceTimeoutMs: 5_000,
    corsOrigins: [],
    rateLimitPerMinute: 0,
    serviceToken: TEST_SERVICE_TOKEN,
    // The gateway names the admin token's bearer the machine actor (staff management).
    adminToken: ADMIN_TOKEN,
    staff: { db, idleMs: 30 * 60_000 },
    fetch: async (service, url, init) => apps[service].request(url, init),
  });

  return {
    async request(target, { method, path, headers = {}, body }) {
      const app = target === "gateway" ? gateway : apps[target];
      // Payments answers only Shop's own services: bad input is sent as its one caller (Orders) would.
      const sent = target === "payments" ? { "x-service-token": TEST_SERVICE_TOKEN, ...headers } : headers;
      const res = await app.request(path, {
        method,
        headers: sent,
        ...(body === undefined ? {} : { body }),
      });
      return { status: res.status, headers: res.headers, text: await res.text() };
    },
  };
}
