import { createLimiter, type RateLimiterAbstract, type Redis } from "@shop/service";

/**
 * Password guessing, slowed per account and per address: at most 5 failed
 * sign-ins per email and 20 per client address in 15 minutes. A successful
 * sign-in clears its account's count.
 */
export const SIGN_IN_LIMITS = { perAccount: 5, perAddress: 20, windowSeconds: 15 * 60 };

export interface SignInLimits {
  /** A message a person can act on when the limit is reached; undefined while attempts are left. */
  refusal(email: string, address: string): Promise<string | undefined>;
  countFailure(email: string, address: string): Promise<void>;
  clear(email: string): Promise<void>;
}

const minutes = (ms: number) => Math.max(1, Math.ceil(ms / 60_000));

/**
 * The sign-in limits of one gateway, shared with every replica through Redis
 * when given. They guard credentials, so while Redis is down sign-in is
 * refused rather than counted per process (a burst of guesses through N
 * replicas is worse than a short wait).
 */
export function createSignInLimits(redis?: Redis): SignInLimits {
  const make = (name: string, points: number): RateLimiterAbstract =>
    createLimiter({
      name,
      points,
      durationSec: SIGN_IN_LIMITS.windowSeconds,
      ...(redis ? { redis, whenRedisDown: "refuse" as const } : {}),
    });
  const perAccount = make("sign-in-account", SIGN_IN_LIMITS.perAccount);
  const perAddress = make("sign-in-address", SIGN_IN_LIMITS.perAddress);
  return {
    async refusal(email, address) {
      let account, place;
      try {
        [account, place] = await Promise.all([perAccount.get(email), perAddress.get(address)]);
      } catch {
        return "Sign-in is unavailable for a moment. Try again in a minute.";
      }
      if (account && account.consumedPoints >= SIGN_IN_LIMITS.perAccount) {
        return `Too many failed sign-ins for this account. Try again in ${minutes(account.msBeforeNext)} minutes.`;
      }
      if (place && place.consumedPoints >= SIGN_IN_LIMITS.perAddress) {
        return `Too many failed sign-ins from your network. Try again in ${minutes(place.msBeforeNext)} minutes.`;
      }
      return undefined;
    },
    async countFailure(email, address) {
      // Over the limit is what counting is for; a store error (Redis down) is
      // not the caller's fault, and the next refusal() check refuses meanwhile.
      await Promise.all(
        [perAccount.consume(email), perAddress.consume(address)].map((p) => p.catch(() => undefined)),
      );
    },
    async clear(email) {
      await perAccount.delete(email);
    },
  };
}
