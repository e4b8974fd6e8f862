import type { Client } from "@urql/core";
import { describeError, isUnauthorized } from "./graphql/client.ts";
import { CheckTokenQuery } from "./graphql/operations.ts";

/**
 * The admin token lives in sessionStorage: it survives a reload, and is gone
 * when the tab closes. (Not localStorage: a token that outlives the session
 * is one more thing to leak.)
 */
const STORAGE_KEY = "shop.admin.token";

export const savedToken = {
  read: (): string | null => sessionStorage.getItem(STORAGE_KEY),
  save: (token: string): void => sessionStorage.setItem(STORAGE_KEY, token),
  clear: (): void => sessionStorage.removeItem(STORAGE_KEY),
};

export const TOKEN_REJECTED = "That token was not accepted. Check it and try again.";

/** Asks the gateway for an admin-only field with the client's token: null when it answers, else why not. */
export async function checkToken(client: Client): Promise<string | null> {
  const result = await client.query(CheckTokenQuery, {}).toPromise();
  if (!result.error) return null;
  return isUnauthorized(result.error) ? TOKEN_REJECTED : describeError(result.error);
}
