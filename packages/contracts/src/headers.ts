/**
 * The headers calls between Shop's parts carry, named once for both sides:
 * the services that read them (@shop/service) and the clients that send them
 * (the gateway and the SDK, through @shop/sdk/link-options).
 */

/** The request id that follows one request through every service and its log lines. */
export const REQUEST_ID_HEADER = "x-request-id";

/** The service credential (SERVICE_TOKEN) on calls between Shop's own parts. */
export const SERVICE_TOKEN_HEADER = "x-service-token";
