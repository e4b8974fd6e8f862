import { randomUUID } from "node:crypto";
import { TRPCClientError } from "@trpc/client";
import { describe, expect, it } from "vitest";
import { usePayments } from "./harness.ts";

/**
 * Anything that could reach Payments could create charges. Now only Shop's
 * own services (the service credential, SERVICE_TOKEN) get past its health
 * checks: a stranger's charge is refused on both doors, and nothing is written.
 */
const h = usePayments();
const body = { order_id: "order-x", amount_cents: 1_000 };

describe("Payments without the service credential", () => {
  it("refuses POST /charges: 401, no charge, no stored key", async () => {
    const [charges, keys] = [await h.db.charge.count(), await h.db.idempotencyKey.count()];
    const res = await h.rest("POST", "/charges", { key: randomUUID(), body, stranger: true });
    expect(res).toMatchObject({ status: 401, body: { error: "unauthorized" } });
    expect(await h.db.charge.count()).toBe(charges);
    expect(await h.db.idempotencyKey.count()).toBe(keys);
  });

  it("refuses a wrong credential as if there were none", async () => {
    const res = await h.rest("POST", "/charges", {
      key: randomUUID(),
      body,
      stranger: true,
      headers: { "x-service-token": "not-the-service-token-0123" },
    });
    expect(res.status).toBe(401);
  });

  it("refuses charges.create and charges.get on tRPC", async () => {
    const before = await h.db.charge.count();
    const err = await h
      .trpc({ stranger: true })
      .charges.create.mutate({ ...body, idempotency_key: randomUUID() })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TRPCClientError);
    expect(await h.db.charge.count()).toBe(before);
    const raw = await h.rest("POST", "/trpc/charges.create", {
      body: { ...body, idempotency_key: randomUUID() },
      stranger: true,
    });
    expect(raw).toMatchObject({ status: 401, body: { error: "unauthorized" } });
    expect(await h.db.charge.count()).toBe(before);
  });

  it("refuses the OpenAPI document and reads, but answers health checks", async () => {
    expect((await h.rest("GET", `/charges/${randomUUID()}`, { stranger: true })).status).toBe(401);
    expect((await h.rest("GET", "/openapi.json", { stranger: true })).status).toBe(401);
    expect((await h.rest("GET", "/healthz", { stranger: true })).status).toBe(200);
  });

  it("still charges for a caller with the credential", async () => {
    const res = await h.rest("POST", "/charges", { key: randomUUID(), body });
    expect(res.status).toBe(201);
  });
});
