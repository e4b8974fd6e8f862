import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { usePayments } from "./harness.ts";

const h = usePayments();
const charge = (overrides: Record<string, unknown> = {}) => ({
  order_id: "order-1",
  amount_cents: 2_500,
  ...overrides,
});
const chargeRows = () => h.db.charge.count();

describe("POST /charges", () => {
  it("charges: 201 {status, charge_id}, one row", async () => {
    const before = await chargeRows();
    const res = await h.rest("POST", "/charges", { key: randomUUID(), body: charge() });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ status: "succeeded", charge_id: expect.any(String) });
    expect(res.headers.get("idempotent-replayed")).toBeNull();
    expect(await chargeRows()).toBe(before + 1);
  });

  it("records a failed charge as failed, and replays that too", async () => {
    h.setOutcome(() => "failed");
    try {
      const key = randomUUID();
      const first = await h.rest("POST", "/charges", { key, body: charge() });
      expect(first).toMatchObject({ status: 201, body: { status: "failed" } });
      h.setOutcome(() => "succeeded");
      const retry = await h.rest("POST", "/charges", { key, body: charge() });
      expect(retry.text).toBe(first.text);
    } finally {
      h.setOutcome(() => "succeeded");
    }
  });

  it("replays the same key and body: same status, same bytes, no second charge", async () => {
    const key = randomUUID();
    const first = await h.rest("POST", "/charges", { key, body: charge({ order_id: "replay" }) });
    const before = await chargeRows();
    // Same body with its keys in another order: the same request.
    const retry = await h.rest("POST", "/charges", {
      key,
      rawBody: JSON.stringify({ amount_cents: 2_500, order_id: "replay" }),
      headers: { "content-type": "application/json" },
    });
    expect(retry.status).toBe(first.status);
    expect(retry.text).toBe(first.text);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(await chargeRows()).toBe(before);
  });

  it("refuses the same key with a different body: 422, no charge", async () => {
    const key = randomUUID();
    await h.rest("POST", "/charges", { key, body: charge() });
    const before = await chargeRows();
    const res = await h.rest("POST", "/charges", { key, body: charge({ amount_cents: 2_501 }) });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ error: "idempotency_key_reused", message: expect.any(String) });
    expect(await chargeRows()).toBe(before);
  });

  it("25 concurrent requests with one new key: exactly one charge; every answer is it or 409", async () => {
    const key = randomUUID();
    const answers = await Promise.all(
      Array.from({ length: 25 }, () =>
        h.rest("POST", "/charges", { key, body: charge({ order_id: "race" }) }),
      ),
    );
    const rows = await h.db.charge.findMany({ where: { orderId: "race" } });
    expect(rows).toHaveLength(1);
    for (const a of answers) {
      if (a.status === 409) expect(a.body).toMatchObject({ error: "idempotency_key_in_use" });
      else expect(a).toMatchObject({ status: 201, body: { status: "succeeded", charge_id: rows[0]!.id } });
    }
    expect(answers.filter((a) => a.status === 201).length).toBeGreaterThanOrEqual(1);
  });

  const key = randomUUID();
  it.each([
    ["no Idempotency-Key", { body: charge() }, 400, "validation_failed"],
    ["an empty Idempotency-Key", { key: "", body: charge() }, 400, "validation_failed"],
    ["a blank Idempotency-Key", { key: "   ", body: charge() }, 400, "validation_failed"],
    ["a 256-character Idempotency-Key", { key: "k".repeat(256), body: charge() }, 400, "validation_failed"],
    ["a missing order_id", { key, body: { amount_cents: 100 } }, 400, "validation_failed"],
    ["an empty order_id", { key, body: charge({ order_id: "" }) }, 400, "validation_failed"],
    ["a numeric order_id", { key, body: charge({ order_id: 42 }) }, 400, "validation_failed"],
    [
      "an order_id with a control character",
      { key, body: charge({ order_id: "o\u0007" }) },
      400,
      "validation_failed",
    ],
    ["a zero amount", { key, body: charge({ amount_cents: 0 }) }, 400, "validation_failed"],
    ["a negative amount", { key, body: charge({ amount_cents: -100 }) }, 400, "validation_failed"],
    ["a fractional amount", { key, body: charge({ amount_cents: 10.5 }) }, 400, "validation_failed"],
    ["an absurd amount", { key, body: charge({ amount_cents: 1e12 }) }, 400, "validation_failed"],
    ["an amount as a string", { key, body: charge({ amount_cents: "100" }) }, 400, "validation_failed"],
    ["an unknown field", { key, body: charge({ currency: "EUR" }) }, 400, "validation_failed"],
    [
      "broken JSON",
      { key, rawBody: '{"order_id":', headers: { "content-type": "application/json" } },
      400,
      "invalid_json",
    ],
    [
      "an oversized body",
      { key, body: charge({ order_id: "x".repeat(100 * 1024) }) },
      413,
      "payload_too_large",
    ],
  ] as const)("refuses %s with a JSON error and charges nothing", async (_, options, status, error) => {
    const before = await chargeRows();
    const res = await h.rest("POST", "/charges", options);
    expect(res.status).toBe(status);
    expect(res.body).toMatchObject({ error, message: expect.any(String) });
    expect(await chargeRows()).toBe(before);
    expect(await h.db.idempotencyKey.count({ where: { key } })).toBe(0);
  });
});

describe("GET /charges/:id", () => {
  it("reads a charge back", async () => {
    const created = (
      await h.rest("POST", "/charges", { key: randomUUID(), body: charge({ order_id: "read" }) })
    ).body as { charge_id: string };
    const res = await h.rest("GET", `/charges/${created.charge_id}`);
    expect(res).toMatchObject({
      status: 200,
      body: {
        id: created.charge_id,
        order_id: "read",
        amount_cents: 2_500,
        status: "succeeded",
        created_at: expect.any(String),
      },
    });
  });

  it.each([
    ["an unknown id", randomUUID(), 404, "not_found"],
    ["a malformed id", "not-a-uuid", 400, "validation_failed"],
  ])("answers %s with a JSON error", async (_, id, status, error) => {
    const res = await h.rest("GET", `/charges/${id}`);
    expect(res).toMatchObject({ status, body: { error } });
  });
});

describe("the tRPC door", () => {
  it("charges once per key, like REST, and shares REST's keys", async () => {
    const key = randomUUID();
    const viaTrpc = await h
      .trpc()
      .charges.create.mutate({ idempotency_key: key, ...charge({ order_id: "doors" }) });
    expect(viaTrpc).toEqual({ status: "succeeded", charge_id: expect.any(String) });
    expect(
      await h.trpc().charges.create.mutate({ idempotency_key: key, ...charge({ order_id: "doors" }) }),
    ).toEqual(viaTrpc);
    const viaRest = await h.rest("POST", "/charges", { key, body: charge({ order_id: "doors" }) });
    expect(viaRest.body).toEqual(viaTrpc);
    expect(await h.db.charge.count({ where: { orderId: "doors" } })).toBe(1);
    expect(await h.trpc().charges.get.query({ id: viaTrpc.charge_id })).toEqual(
      (await h.rest("GET", `/charges/${viaTrpc.charge_id}`)).body,
    );
  });

  it("answers the same errors: 422 on a reused key, 400 on a bad input", async () => {
    const key = randomUUID();
    await h.trpc().charges.create.mutate({ idempotency_key: key, ...charge() });
    await expect(
      h.trpc().charges.create.mutate({ idempotency_key: key, ...charge({ amount_cents: 1 }) }),
    ).rejects.toMatchObject({ data: { httpStatus: 422, error: "idempotency_key_reused" } });
    await expect(h.trpc().charges.create.mutate({ idempotency_key: "", ...charge() })).rejects.toMatchObject({
      data: { httpStatus: 400, error: "validation_failed" },
    });
  });
});
