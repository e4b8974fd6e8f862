// @shop/sdk: typed clients of the Shop services for internal scripts.
export {
  createShopClient,
  DEFAULT_TIMEOUT_MS,
  type ShopClient,
  type ShopClientOptions,
  type ShopFetch,
} from "./client.ts";
export { ShopClientError, type FailedCall } from "./errors.ts";
export {
  DEFAULT_SERVICE_PORTS,
  defaultServiceUrls,
  SERVICE_NAMES,
  type ServiceName,
  type ServiceUrls,
} from "./urls.ts";
