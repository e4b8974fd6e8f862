import type { ErrorHandler, NotFoundHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { ServiceError, toServiceError } from "../errors.ts";
import type { ServiceHonoEnv } from "./types.ts";

/** Every failure answers `{error, message, details?}`; 5xx are logged with their cause, never sent. */
export const onServiceError: ErrorHandler<ServiceHonoEnv> = (err, c) => {
  const serviceError =
    err instanceof HTTPException && !(err instanceof ServiceError)
      ? fromHttpException(err)
      : toServiceError(err);
  if (serviceError.status >= 500) {
    c.get("log").error({ err }, serviceError.message);
  }
  return c.json(serviceError.toBody(), serviceError.status as ContentfulStatusCode);
};

function fromHttpException(err: HTTPException): ServiceError {
  if (err.status === 413) return new ServiceError("payload_too_large", "The request body is too large");
  // The route validators' own refusals (see restRoutes): another media type, broken JSON.
  if (err.status === 415)
    return new ServiceError("unsupported_media_type", "Send the body as application/json");
  if (err.status === 400 && /malformed json/i.test(err.message)) {
    return new ServiceError(
      "invalid_json",
      "The request body is empty or not valid JSON; send a JSON object",
    );
  }
  if (err.status === 401) return new ServiceError("unauthorized", err.message || "Unauthorized");
  if (err.status >= 500) return new ServiceError("internal_error", "Something went wrong on our side");
  return new ServiceError("validation_failed", err.message || "Bad request");
}

export const onRouteNotFound: NotFoundHandler<ServiceHonoEnv> = (c) =>
  c.json(new ServiceError("not_found", `No route for ${c.req.method} ${c.req.path}`).toBody(), 404);
