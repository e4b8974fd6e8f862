import { ORDER_PAGE_MAX } from "@shop/contracts";
import fc from "fast-check";
import { describe, it } from "vitest";
import {
  badIdempotencyKey,
  badJsonBody,
  percentEncode,
  weirdString,
  type BodyInput,
} from "../../src/arbitraries.ts";
import { useBadInputShop, withoutAdminToken } from "../../src/bad-input.ts";
import { jsonText } from "../../src/json-text.ts";
import { badId, placeOrderSpec, validLine } from "../../src/specs.ts";
import { ADMIN_HEADERS, type HttpCall } from "../../src/stack.ts";

// Orders' REST door under generated bad input: every answer a 4xx JSON error
// of the documented shape, never a 5xx, and not one row changed (no order,
// no line, no stock taken, no idempotency key stored, no charge).
const shop = useBadInputShop("orders.property");

/** An id in the path: bad, unknown, or one of `extra` (orders in a state the operation refuses). */
const pathId = (...extra: string[]) =>
  (extra.length > 0 ? fc.oneof(badId, fc.constantFrom(...extra)) : badId).map(percentEncode);

describe("orders REST under bad input", () => {
  it("POST /orders refuses bad bodies and bad Idempotency-Keys, writing nothing", async () => {
    const post = (body: BodyInput, key?: string): HttpCall => ({
      method: "POST",
      path: "/orders",
      headers: {
        ...(body.contentType ? { "content-type": body.contentType } : {}),
        ...(key === undefined ? {} : { "idempotency-key": key }),
      },
      body: body.text,
    });
    const validBody = fc
      .array(validLine(shop.shop), { minLength: 1, maxLength: 3 })
      .map((items): BodyInput => ({ text: jsonText({ items }), contentType: "application/json" }));
    const goodKey = fc.option(fc.uuid({ version: 4 }), { nil: undefined });
    await shop.refusesAll(
      "POST /orders",
      "orders",
      fc.oneof(
        {
          weight: 5,
          arbitrary: fc
            .tuple(badJsonBody(placeOrderSpec(shop.shop)), goodKey)
            .map(([body, key]) => ({ call: post(body, key) })),
        },
        {
          weight: 2,
          arbitrary: fc
            .tuple(fc.oneof(validBody, badJsonBody(placeOrderSpec(shop.shop))), badIdempotencyKey)
            .map(([body, key]) => ({ call: post(body, key) })),
        },
      ),
    );
  });

  it("GET /orders/:id refuses malformed and unknown ids", async () => {
    await shop.refusesAll(
      "GET /orders/:id",
      "orders",
      pathId().map((id) => ({ call: { method: "GET", path: `/orders/${id}` } })),
    );
  });

  it("GET /orders (admin) refuses bad filters, limits and cursors, and anyone without the token", async () => {
    const cursorOf = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
    const badLimit = fc.oneof(
      fc.integer({ min: -1_000, max: 0 }).map(String),
      fc.integer({ min: ORDER_PAGE_MAX + 1, max: Number.MAX_SAFE_INTEGER }).map(String),
      fc.constantFrom("1.5", "abc", "1e400", "NaN", "Infinity", "-0.5", "1,5", "½", "0x", "1e999"),
      weirdString.filter((s) => {
        const n = Number(s);
        return !(Number.isInteger(n) && n >= 1 && n <= ORDER_PAGE_MAX);
      }),
    );
    const badStatus = fc.oneof(
      fc.constantFrom("pending", "Paid", "REFUNDED", "PENDING,PAID", "", " PAID", "*"),
      weirdString.filter((s) => !["PENDING", "PAID", "CANCELLED"].includes(s)),
    );
    const badCursor = fc.oneof(
      fc.constant(""),
      fc.integer({ min: 201, max: 3_000 }).map((n) => "c".repeat(n)),
      weirdString.filter((s) => s !== ""),
      fc.constantFrom(
        cursorOf({ createdAt: "yesterday", id: "x" }),
        cursorOf({ createdAt: new Date(0).toISOString() }),
        cursorOf({ createdAt: new Date(0).toISOString(), id: "not-a-uuid", extra: 1 }),
        cursorOf([1, 2, 3]),
        cursorOf("\u0000"),
        "eyJ",
        "====",
      ),
    );
    const badParam = fc.oneof(
      badLimit.map((v) => ["limit", v] as const),
      badStatus.map((v) => ["status", v] as const),
      badCursor.map((v) => ["cursor", v] as const),
      fc
        .tuple(
          fc.oneof(fc.constantFrom("page", "offset", "__proto__", "sort", "LIMIT"), weirdString),
          weirdString,
        )
        .filter(([k]) => !["limit", "status", "cursor", ""].includes(k)),
    );
    // Sometimes with a good limit too; never beside a bad one (of two values the first counts).
    const query = fc
      .tuple(fc.array(badParam, { minLength: 1, maxLength: 3 }), fc.boolean())
      .map(([bad, withGoodLimit]) => {
        const good = withGoodLimit && !bad.some(([k]) => k === "limit") ? [["limit", "5"] as const] : [];
        return [...good, ...bad].map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`).join("&");
      });
    await shop.refusesAll(
      "GET /orders",
      "orders",
      fc.oneof(
        {
          weight: 4,
          arbitrary: query.map((q) => ({
            call: { method: "GET", path: `/orders?${q}`, headers: ADMIN_HEADERS },
          })),
        },
        { weight: 1, arbitrary: withoutAdminToken(fc.constant({ method: "GET", path: "/orders" })) },
      ),
    );
  });

  it("POST /orders/:id/capture refuses bad and unknown ids, cancelled orders, and anyone without the token", async () => {
    const { cancelledOrderId, pendingOrderId } = shop.shop;
    const capture = (id: string, body?: string): HttpCall => ({
      method: "POST",
      path: `/orders/${id}/capture`,
      headers: ADMIN_HEADERS,
      ...(body === undefined ? {} : { body }),
    });
    await shop.refusesAll(
      "POST /orders/:id/capture",
      "orders",
      fc.oneof(
        {
          weight: 4,
          arbitrary: fc
            .tuple(pathId(cancelledOrderId), fc.option(weirdString, { nil: undefined }))
            .map(([id, body]) => ({ call: capture(id, body) })),
        },
        { weight: 1, arbitrary: withoutAdminToken(fc.constant(capture(pendingOrderId))) },
      ),
    );
  });

  it("POST /orders/:id/cancel refuses bad and unknown ids, paid orders, and anyone without the token", async () => {
    const { paidOrderId, pendingOrderId } = shop.shop;
    const cancel = (id: string): HttpCall => ({
      method: "POST",
      path: `/orders/${id}/cancel`,
      headers: ADMIN_HEADERS,
    });
    await shop.refusesAll(
      "POST /orders/:id/cancel",
      "orders",
      fc.oneof(
        { weight: 4, arbitrary: pathId(paidOrderId).map((id) => ({ call: cancel(id) })) },
        { weight: 1, arbitrary: withoutAdminToken(fc.constant(cancel(pendingOrderId))) },
      ),
    );
  });
});
