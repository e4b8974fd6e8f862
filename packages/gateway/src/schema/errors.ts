import type { StockShortfall } from "@shop/contracts";
import { AnswerError } from "@shop/service";
import type { GatewayContext } from "../context.ts";
import { ServiceCallError, shortfallsOf } from "../services/call.ts";
import { builder } from "./builder.ts";

/**
 * Errors a client is expected to handle are part of the schema: a mutation
 * returns a union of its result and these, and a client switches on
 * `__typename`. Everything else (a service down, a wrong admin token) is an
 * ordinary GraphQL error with `extensions.code`.
 */
export const ErrorInterface = builder.interfaceRef<Error>("Error").implement({
  description: "What every typed error has: a message a person can read.",
  fields: (t) => ({ message: t.exposeString("message") }),
});

// Every typed error below is an answer the client gets as data, not a fault:
// AnswerError captures no stack for it.

export interface ShortfallLine extends StockShortfall {
  productName: string | null;
}

export class InsufficientStockError extends AnswerError {
  readonly lines: ShortfallLine[];
  constructor(lines: ShortfallLine[]) {
    super(
      `Not enough stock: ${lines
        .map((l) => `${l.productName ?? l.productId} (${l.requested} requested, ${l.available} left)`)
        .join("; ")}`,
    );
    this.lines = lines;
  }
}

export class ValidationError extends AnswerError {
  readonly fields: Array<{ path: string; message: string }>;
  constructor(message: string, fields: Array<{ path: string; message: string }>) {
    super(message);
    this.fields = fields;
  }
}

export class NotFoundError extends AnswerError {}
export class InvalidStateError extends AnswerError {}
export class IdempotencyKeyError extends AnswerError {}
export class RateLimitedError extends AnswerError {}
export class RefundExceedsCapturedError extends AnswerError {
  readonly refundableCents: number | null;
  constructor(message: string, refundableCents: number | null) {
    super(message);
    this.refundableCents = refundableCents;
  }
}
export class PaymentFailedError extends AnswerError {
  readonly chargeId: string | null;
  constructor(message: string, chargeId: string | null) {
    super(message);
    this.chargeId = chargeId;
  }
}

const StockShortfallType = builder.objectRef<ShortfallLine>("StockShortfall").implement({
  description: "One product an order asked more of than there is.",
  fields: (t) => ({
    productId: t.exposeID("productId"),
    productName: t.exposeString("productName", { nullable: true }),
    requested: t.exposeInt("requested"),
    available: t.exposeInt("available"),
  }),
});

const FieldErrorType = builder.objectRef<{ path: string; message: string }>("FieldError").implement({
  description: "One invalid input field: its dotted path (as the service names it) and why.",
  fields: (t) => ({ path: t.exposeString("path"), message: t.exposeString("message") }),
});

builder.objectType(InsufficientStockError, {
  name: "InsufficientStockError",
  description: "The order asked for more than is in stock; nothing was written.",
  interfaces: [ErrorInterface],
  fields: (t) => ({ lines: t.field({ type: [StockShortfallType], resolve: (e) => e.lines }) }),
});

builder.objectType(ValidationError, {
  name: "ValidationError",
  description: "The input broke the contract; nothing was written.",
  interfaces: [ErrorInterface],
  fields: (t) => ({ fields: t.field({ type: [FieldErrorType], resolve: (e) => e.fields }) }),
});

builder.objectType(NotFoundError, {
  name: "NotFoundError",
  description: "Something the input names does not exist.",
  interfaces: [ErrorInterface],
});

builder.objectType(InvalidStateError, {
  name: "InvalidStateError",
  description: "The operation does not apply in the order's current state (e.g. cancelling a paid order).",
  interfaces: [ErrorInterface],
});

builder.objectType(IdempotencyKeyError, {
  name: "IdempotencyKeyError",
  description: "The idempotency key is in use by a request still in flight, or was used with other input.",
  interfaces: [ErrorInterface],
});

builder.objectType(RateLimitedError, {
  name: "RateLimitedError",
  description: "Too many tries in a short time; wait a few minutes and try again.",
  interfaces: [ErrorInterface],
});

builder.objectType(RefundExceedsCapturedError, {
  name: "RefundExceedsCapturedError",
  description: "The refund is more than what was paid minus what was refunded already; nothing was refunded.",
  interfaces: [ErrorInterface],
  fields: (t) => ({ refundableCents: t.exposeInt("refundableCents", { nullable: true }) }),
});

builder.objectType(PaymentFailedError, {
  name: "PaymentFailedError",
  description: "The charge failed; the order stays PENDING and can be captured again.",
  interfaces: [ErrorInterface],
  fields: (t) => ({ chargeId: t.exposeID("chargeId", { nullable: true }) }),
});

// Services name fields as their contracts do (price_cents); GraphQL clients
// know them in camelCase (priceCents).
const camelPath = (path: string) => path.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());

const asFieldErrors = (details: unknown) =>
  Array.isArray(details)
    ? details
        .filter(
          (d): d is { path: string; message: string } =>
            typeof d === "object" && d !== null && "path" in d && "message" in d,
        )
        .map((d) => ({ path: camelPath(String(d.path)), message: String(d.message) }))
    : [];

/**
 * A failed service call as the typed error the schema promises for it, when
 * there is one; anything else is rethrown as is (an ordinary GraphQL error).
 */
export async function typedErrorOf(err: unknown, ctx: GatewayContext): Promise<unknown> {
  if (!(err instanceof ServiceCallError)) return err;
  switch (err.code) {
    case "insufficient_stock": {
      // Name the products, so the message says "Mug", not an id.
      const shortfalls = shortfallsOf(err.details);
      const names = await ctx.productNames.of(
        shortfalls.map((s) => s.productId),
        (ids) => ctx.productById.loadMany(ids),
      );
      return new InsufficientStockError(shortfalls.map((s, i) => ({ ...s, productName: names[i] ?? null })));
    }
    case "validation_failed":
    case "invalid_json":
      return new ValidationError(err.message, asFieldErrors(err.details));
    case "not_found":
      return new NotFoundError(err.message);
    case "invalid_state":
      return new InvalidStateError(err.message);
    case "idempotency_key_in_use":
    case "idempotency_key_reused":
      return new IdempotencyKeyError(err.message);
    case "rate_limited":
      return new RateLimitedError(err.message);
    case "refund_exceeds_captured": {
      const details = err.details as { refundable_cents?: unknown } | undefined;
      return new RefundExceedsCapturedError(
        err.message,
        typeof details?.refundable_cents === "number" ? details.refundable_cents : null,
      );
    }
    case "payment_failed": {
      const details = err.details as { charge_id?: unknown } | undefined;
      return new PaymentFailedError(
        err.message,
        typeof details?.charge_id === "string" ? details.charge_id : null,
      );
    }
    default:
      return err;
  }
}

/** Run a resolver's work, turning failures into the typed errors the schema lists. */
export async function withTypedErrors<T>(ctx: GatewayContext, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    throw await typedErrorOf(err, ctx);
  }
}
