import { RateLimiterRes } from "rate-limiter-flexible";
import { makeLimiter } from "./limiters.ts";

/**
 * Password guessing, slowed per account and per address: at most 5 failed
 * sign-ins per email and 20 per client address in 15 minutes. A successful
 * sign-in clears its account's count.
 */
export const SIGN_IN_LIMITS = { perAccount: 5, perAddress: 20, windowSeconds: 15 * 60 };

const perAccount = makeLimiter({
  keyPrefix: "sign-in-account",
  points: SIGN_IN_LIMITS.perAccount,
  durationSeconds: SIGN_IN_LIMITS.windowSeconds,
});
const perAddress = makeLimiter({
  keyPrefix: "sign-in-address",
  points: SIGN_IN_LIMITS.perAddress,
  durationSeconds: SIGN_IN_LIMITS.windowSeconds,
});

const minutes = (ms: number) => Math.max(1, Math.ceil(ms / 60_000));

/** A message a person can act on when the limit is reached; undefined while attempts are left. */
export async function signInRefusal(email: string, address: string): Promise<string | undefined> {
  const [account, place] = await Promise.all([perAccount.get(email), perAddress.get(address)]);
  if (account && account.consumedPoints >= SIGN_IN_LIMITS.perAccount) {
    return `Too many failed sign-ins for this account. Try again in ${minutes(account.msBeforeNext)} minutes.`;
  }
  if (place && place.consumedPoints >= SIGN_IN_LIMITS.perAddress) {
    return `Too many failed sign-ins from your network. Try again in ${minutes(place.msBeforeNext)} minutes.`;
  }
  return undefined;
}

export async function countFailedSignIn(email: string, address: string): Promise<void> {
  await Promise.all(
    [perAccount.consume(email), perAddress.consume(address)].map((p) =>
      p.catch((e: unknown) => {
        if (!(e instanceof RateLimiterRes)) throw e;
      }),
    ),
  );
}

export const clearFailedSignIns = (email: string) => perAccount.delete(email);
