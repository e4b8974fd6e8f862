import { recordAudit } from "@shop/staff";
import { isDatabaseReachable, type PrismaClient } from "@shop/db";
import { DEFAULT_IDEMPOTENCY_TTL_MS } from "@shop/idempotency";
import {
  createServiceApp,
  createServiceMetrics,
  mountTrpc,
  requestScope,
  serveOpenApiDocument,
  serviceCallersOnly,
  type Logger,
  type ServiceHonoEnv,
  type ServiceMetrics,
} from "@shop/service";
import { createMiddleware } from "hono/factory";
import type { ChargeDeps } from "./domain/charges.ts";
import { outcomeAtRate, type DecideOutcome } from "./domain/outcome.ts";
import { chargeRoutes } from "./rest/charges.ts";
import type { PaymentsContext } from "./trpc/init.ts";
import { paymentsRouter } from "./trpc/router.ts";

/** What Payments answers without the service credential: health, for load balancers and probes. */
const OPEN_PATHS = new Set(["/healthz", "/readyz"]);

export interface PaymentsDeps {
  db: PrismaClient;
  log: Logger;
  adminToken: string;
  /** The service credential (SERVICE_TOKEN): without it, Payments answers nothing but health. */
  serviceToken: string;
  /** Share of charges that succeed (PAYMENTS_SUCCESS_RATE); 1 unless set. */
  successRate?: number;
  /** Decide each charge's outcome yourself (tests); overrides successRate. */
  decideOutcome?: DecideOutcome;
  /** How long answers are replayed; 24 h unless set. */
  idempotencyTtlMs?: number;
  /** Where /metrics numbers go; made here if absent. */
  metrics?: ServiceMetrics;
}

/** Payments' HTTP app: the REST routes, the tRPC router at /trpc, health and the OpenAPI document. */
export function createPaymentsApp({ db, log, adminToken, serviceToken, ...options }: PaymentsDeps) {
  const metrics = options.metrics ?? createServiceMetrics("payments");
  const deps: ChargeDeps = {
    db,
    charges: metrics.counter("charges_total", "Charges made, by outcome (replays not counted)", ["status"]),
    decideOutcome: options.decideOutcome ?? outcomeAtRate(options.successRate ?? 1),
    idempotencyTtlMs: options.idempotencyTtlMs ?? DEFAULT_IDEMPOTENCY_TTL_MS,
  };
  const app = createServiceApp({
    name: "payments",
    log,
    adminToken,
    serviceToken,
    metrics,
    audit: (entry) => recordAudit(db, entry),
    isReady: () => isDatabaseReachable(db),
  });
  // Anything that can reach Payments could otherwise create charges: only
  // Shop's own services (the service credential) get past health checks.
  app.use(
    "*",
    createMiddleware<ServiceHonoEnv>((c, next) =>
      OPEN_PATHS.has(c.req.path) ? next() : serviceCallersOnly(c, next),
    ),
  );
  app.route("/", chargeRoutes(deps));
  serveOpenApiDocument(app, {
    title: "Shop Payments",
    description:
      "Idempotent charges. Every error body is {error, message, details?}. " +
      "A retry with the same Idempotency-Key and body gets the first answer, byte for byte.",
  });
  mountTrpc(app, paymentsRouter, (c): PaymentsContext => ({ ...requestScope(c), deps }));
  return app;
}
