import { idempotencyTtlMs } from "@shop/idempotency";
import { listenDefaultsOf, portOf } from "@shop/contracts";
import { readServiceEnv, type ServiceEnv } from "@shop/service";
import { z } from "zod";

export interface OrdersEnv extends ServiceEnv {
  /** PAYMENTS_URL: where Payments answers; default http://127.0.0.1:<PAYMENTS_PORT or 4003>. */
  paymentsUrl: string;
  /** PAYMENTS_TIMEOUT_MS: how long one charge request may take before capture gives up (default 5 s). */
  paymentsTimeoutMs: number;
  /** IDEMPOTENCY_TTL_HOURS, in ms: how long a placement's answer is replayed. */
  idempotencyTtlMs: number;
  /** SMTP_URL: smtp:// or smtps:// server for the order emails; unset → .eml files in the data folder. */
  smtpUrl: string | undefined;
  /** MAIL_FROM: the From of the order emails (default "Shop <orders@shop.local>"). */
  mailFrom: string;
  /** REDIS_URL: order-lookup attempts counted for every replica at once; unset: per process. */
  redisUrl?: string;
}

const HttpUrl = z.url({ protocol: /^https?$/, message: "must be an http:// or https:// URL" });
const TimeoutMs = z.coerce.number().int().min(100).max(60_000);
const SmtpUrl = z.url({ protocol: /^smtps?$/, message: "must be an smtp:// or smtps:// URL" });
const MailFrom = z
  .string()
  .min(3)
  .max(300)
  .regex(
    /^[^\p{Cc}]*@[^\p{Cc}]*$/u,
    "must be an address like orders@example.com or Shop <orders@example.com>",
  );

/** Orders' environment, read and checked once at start, with messages a person can act on. */
export function readOrdersEnv(env: NodeJS.ProcessEnv = process.env): OrdersEnv {
  const paymentsUrl = env.PAYMENTS_URL || `http://127.0.0.1:${portOf("payments", env)}`;
  const url = HttpUrl.safeParse(paymentsUrl);
  if (!url.success) throw new Error(`PAYMENTS_URL must be an http(s) URL, got "${paymentsUrl}"`);

  const rawTimeout = env.PAYMENTS_TIMEOUT_MS;
  const timeout = TimeoutMs.safeParse(rawTimeout === undefined || rawTimeout === "" ? 5_000 : rawTimeout);
  if (!timeout.success) {
    throw new Error(`PAYMENTS_TIMEOUT_MS must be a whole number from 100 to 60000, got "${rawTimeout}"`);
  }

  const smtpUrl = env.SMTP_URL || undefined;
  if (smtpUrl !== undefined && !SmtpUrl.safeParse(smtpUrl).success) {
    throw new Error(
      `SMTP_URL must be an smtp:// or smtps:// URL, got "${smtpUrl.replace(/\/\/[^@]*@/, "//***@")}"`,
    );
  }
  const redisUrl = env.REDIS_URL || undefined;
  if (redisUrl !== undefined && !/^rediss?:\/\//.test(redisUrl)) {
    throw new Error("REDIS_URL must be a redis:// or rediss:// URL");
  }
  const mailFrom = env.MAIL_FROM || "Shop <orders@shop.local>";
  if (!MailFrom.safeParse(mailFrom).success) {
    throw new Error(`MAIL_FROM must be an address like "Shop <orders@example.com>", got "${mailFrom}"`);
  }

  return {
    ...readServiceEnv(listenDefaultsOf("orders", env), env),
    smtpUrl,
    mailFrom,
    ...(redisUrl ? { redisUrl } : {}),
    paymentsUrl: url.data,
    paymentsTimeoutMs: timeout.data,
    idempotencyTtlMs: idempotencyTtlMs(env),
  };
}
