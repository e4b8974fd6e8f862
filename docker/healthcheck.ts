/**
 * A service image's health check, run as a plain command (`node
 * docker/healthcheck.ts`) so that every compose implementation passes it on
 * unchanged: this service's /readyz on its own port must answer 2xx within 2 s.
 */
import { portOf, type ShopPart } from "../packages/contracts/src/ports.ts";

// Probes only as the entry point; imported (docker/warm-compile-cache.ts), it just loads.
if (import.meta.main) {
  const part = process.env.APP as ShopPart;
  try {
    const response = await fetch(`http://127.0.0.1:${portOf(part)}/readyz`, {
      signal: AbortSignal.timeout(2_000),
    });
    process.exitCode = response.ok ? 0 : 1;
  } catch {
    process.exitCode = 1;
  }
}
