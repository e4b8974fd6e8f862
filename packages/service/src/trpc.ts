import { initTRPC, TRPCError, type TRPC_ERROR_CODE_KEY } from "@trpc/server";
import type { Actor, ErrorBody, Permission } from "@shop/contracts";
import type { Logger } from "pino";
import { ServiceError, toServiceError } from "./errors.ts";
import { checkPermission } from "./http/admin-only.ts";
import type { AuditSink } from "./http/audit-trail.ts";

/** What every tRPC procedure of every service can rely on in `ctx`. */
export interface ServiceTrpcContext {
  requestId: string;
  log: Logger;
  isAdmin: boolean;
  /** Who acts (the machine credential or a staff member the gateway vouches for); none for shoppers. */
  actor: Actor | undefined;
  /** Where admin mutations are recorded (who, which procedure, on what); none in tests of a service alone. */
  audit?: AuditSink | undefined;
}

/** The id a procedure acts on, from its input (or a create's, from its answer): the audit entry's target. */
function targetOf(named: unknown): string | undefined {
  if (typeof named !== "object" || named === null) return undefined;
  const fields = named as Record<string, unknown>;
  for (const key of ["id", "orderId", "productId", "chargeId", "staffId"]) {
    if (typeof fields[key] === "string") return fields[key];
  }
  return undefined;
}

// The REST status of a ServiceError decides its tRPC code, so both doors agree.
const trpcCodeOfStatus: Record<number, TRPC_ERROR_CODE_KEY> = {
  400: "BAD_REQUEST",
  401: "UNAUTHORIZED",
  402: "PAYMENT_REQUIRED",
  403: "FORBIDDEN",
  404: "NOT_FOUND",
  405: "METHOD_NOT_SUPPORTED",
  409: "CONFLICT",
  413: "PAYLOAD_TOO_LARGE",
  415: "UNSUPPORTED_MEDIA_TYPE",
  422: "UNPROCESSABLE_CONTENT",
  429: "TOO_MANY_REQUESTS",
  500: "INTERNAL_SERVER_ERROR",
  503: "SERVICE_UNAVAILABLE",
};

/** The `{error, message, details?}` body of a tRPC error, whatever raised it. */
export function errorBodyOfTrpcError(error: TRPCError): ErrorBody {
  if (error.cause instanceof ServiceError) return error.cause.toBody();
  // Input validation failed: the cause carries the zod issues.
  if (error.code === "BAD_REQUEST" && error.cause && "issues" in error.cause) {
    return toServiceError(error.cause).toBody();
  }
  switch (error.code) {
    case "PARSE_ERROR":
      return { error: "invalid_json", message: "The request is not valid JSON" };
    case "BAD_REQUEST":
      return { error: "validation_failed", message: error.message };
    case "NOT_FOUND":
      return { error: "not_found", message: error.message };
    case "METHOD_NOT_SUPPORTED":
      return { error: "method_not_allowed", message: error.message };
    case "PAYLOAD_TOO_LARGE":
      return { error: "payload_too_large", message: error.message };
    case "UNAUTHORIZED":
      return { error: "unauthorized", message: error.message };
    case "FORBIDDEN":
      return { error: "forbidden", message: error.message };
    case "UNSUPPORTED_MEDIA_TYPE":
      return { error: "unsupported_media_type", message: error.message };
    case "TOO_MANY_REQUESTS":
      return { error: "rate_limited", message: error.message };
    default:
      return toServiceError(error.cause).toBody();
  }
}

/**
 * tRPC for a service whose context is `TContext`: procedures whose
 * ServiceErrors keep their meaning (code, status, body), an error shape with
 * the REST body in `data` and never a stack, and procedures for staff by
 * permission (`staffProcedure("orders.capture")`).
 */
export function createServiceTrpc<TContext extends ServiceTrpcContext>() {
  const t = initTRPC.context<TContext>().create({
    // The shape below never carries a stack, so tRPC need not read one: outside
    // production it would put error.stack in every error's default shape, and
    // formatting a stack through the source maps cost a refused order more than
    // the refusal itself.
    isDev: false,
    errorFormatter({ shape, error }) {
      const body = errorBodyOfTrpcError(error);
      return {
        message: body.message,
        code: shape.code,
        data: {
          code: shape.data.code,
          httpStatus: shape.data.httpStatus,
          path: shape.data.path,
          error: body.error,
          details: body.details,
        },
      };
    },
  });

  const publicProcedure = t.procedure.use(async ({ next }) => {
    const result = await next();
    if (!result.ok && result.error.cause && !(result.error.cause instanceof TRPCError)) {
      const cause = result.error.cause;
      if (cause instanceof ServiceError || result.error.code === "INTERNAL_SERVER_ERROR") {
        const serviceError = toServiceError(cause);
        throw new TRPCError({
          code: trpcCodeOfStatus[serviceError.status] ?? "INTERNAL_SERVER_ERROR",
          message: serviceError.message,
          cause: serviceError,
        });
      }
    }
    return result;
  });

  // A staff mutation that succeeded is an audit entry naming its procedure and
  // target (what its input names, or for a create, what it made); each call of
  // a batch on its own, so a refused call leaves none.
  const staffProcedure = (permission: Permission) =>
    publicProcedure.use(async ({ ctx, next, path, type, getRawInput }) => {
      checkPermission(ctx.actor, permission);
      const result = await next();
      if (result.ok && type === "mutation" && ctx.audit && ctx.actor) {
        try {
          const target = targetOf(await getRawInput()) ?? targetOf(result.data);
          await ctx.audit({ actor: ctx.actor, action: path, target, requestId: ctx.requestId });
        } catch (err) {
          ctx.log.error({ err }, "could not write the audit entry");
        }
      }
      return result;
    });

  return { router: t.router, createCallerFactory: t.createCallerFactory, publicProcedure, staffProcedure };
}
