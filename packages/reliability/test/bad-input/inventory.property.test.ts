import { STOCK_QTY_MAX } from "@shop/contracts";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { problemWithErrorBody, leakIn } from "../../src/answers.ts";
import {
  badJsonBody,
  junkQuery,
  latin1String,
  percentEncode,
  type BodyInput,
} from "../../src/arbitraries.ts";
import { useBadInputShop, withoutAdminToken } from "../../src/bad-input.ts";
import { forAllInputs } from "../../src/property.ts";
import { badId, badStockChange, createProductSpec, delta, updateProductSpec } from "../../src/specs.ts";
import { ADMIN_HEADERS, type HttpCall } from "../../src/stack.ts";
import { jsonText } from "../../src/json-text.ts";

// Inventory's REST door under generated bad input: every answer a 4xx JSON
// error of the documented shape, never a 5xx, and not one row changed.
const shop = useBadInputShop("inventory.property");
const CREATE = createProductSpec({ price: "price_cents", stock: "stock_qty" });
const UPDATE = updateProductSpec({ price: "price_cents" });

const withBody = (body: BodyInput, headers: Record<string, string> = ADMIN_HEADERS) => ({
  headers: { ...headers, ...(body.contentType ? { "content-type": body.contentType } : {}) },
  body: body.text,
});

const aBadBody = (spec = CREATE) => badJsonBody(spec);
const validCreateBody = fc.constant<BodyInput>({
  text: jsonText({ name: "Valid", price_cents: 100, stock_qty: 1 }),
  contentType: "application/json",
});

describe("inventory REST under bad input", () => {
  it("GET /products ignores junk query parameters and headers: never a 5xx", async () => {
    await forAllInputs(
      shop.context,
      "GET /products",
      fc.record({ query: junkQuery, requestId: latin1String(0, 300), accept: latin1String(0, 40) }),
      async ({ query, requestId, accept }) => {
        const answer = await shop.stack.request("inventory", {
          method: "GET",
          path: `/products?${query}`,
          headers: { "x-request-id": requestId, accept },
        });
        shop.context.tally.status(answer.status);
        if (answer.status === 200) {
          return Array.isArray(JSON.parse(answer.text)) ? leakIn(answer.text) : "200 without a list";
        }
        return answer.status >= 500 ? `answered ${answer.status}` : problemWithErrorBody(answer);
      },
    );
  });

  it("GET /products/:id refuses malformed, unknown and archived ids", async () => {
    const ids = fc.oneof(badId, fc.constant(shop.shop.retired.id));
    await shop.refusesAll(
      "GET /products/:id",
      "inventory",
      ids.map((id) => ({ call: { method: "GET", path: `/products/${percentEncode(id)}` } })),
    );
  });

  it("POST /products refuses bad bodies, and anything without the admin token", async () => {
    const post = (body: BodyInput): HttpCall => ({ method: "POST", path: "/products", ...withBody(body) });
    await shop.refusesAll(
      "POST /products",
      "inventory",
      fc.oneof(
        { weight: 5, arbitrary: aBadBody().map((body) => ({ call: post(body) })) },
        { weight: 1, arbitrary: withoutAdminToken(fc.oneof(validCreateBody, aBadBody()).map(post)) },
      ),
    );
  });

  it("PATCH /products/:id refuses bad bodies and bad ids", async () => {
    const { mug } = shop.shop;
    const patch = (id: string, body: BodyInput): HttpCall => ({
      method: "PATCH",
      path: `/products/${percentEncode(id)}`,
      ...withBody(body),
    });
    const validUpdate = fc.constant<BodyInput>({
      text: '{"price_cents":999}',
      contentType: "application/json",
    });
    await shop.refusesAll(
      "PATCH /products/:id",
      "inventory",
      fc.oneof(
        { weight: 4, arbitrary: aBadBody(UPDATE).map((body) => ({ call: patch(mug.id, body) })) },
        {
          weight: 2,
          arbitrary: fc
            .tuple(badId, fc.oneof(validUpdate, aBadBody(UPDATE)))
            .map(([id, body]) => ({ call: patch(id, body) })),
        },
        { weight: 1, arbitrary: withoutAdminToken(validUpdate.map((body) => patch(mug.id, body))) },
      ),
    );
  });

  it("PATCH /products/:id/stock refuses bad changes, bad ids, and stock below 0 or above the maximum", async () => {
    const { mug, soldOut, lastOne } = shop.shop;
    const patch = (id: string, body: BodyInput): HttpCall => ({
      method: "PATCH",
      path: `/products/${percentEncode(id)}/stock`,
      ...withBody(body),
    });
    const asJson = (value: unknown): BodyInput => ({
      text: JSON.stringify(value),
      contentType: "application/json",
    });
    const validChange = fc.oneof(
      fc.integer({ min: 0, max: 100 }).map((stock_qty) => asJson({ stock_qty })),
      delta.valid.map((d) => asJson({ delta: d })),
    );
    await shop.refusesAll(
      "PATCH /products/:id/stock",
      "inventory",
      fc.oneof(
        {
          weight: 4,
          arbitrary: badJsonBody({}, badStockChange).map((body) => ({ call: patch(mug.id, body) })),
        },
        {
          weight: 1,
          arbitrary: fc
            .tuple(fc.constantFrom(soldOut, lastOne), fc.integer({ min: 2, max: 1_000_000 }))
            .map(([product, extra]) => ({
              call: patch(product.id, asJson({ delta: -(product.stock_qty + extra - 1) })),
              statuses: [409],
            })),
        },
        {
          weight: 1,
          arbitrary: fc.integer({ min: STOCK_QTY_MAX - 40, max: STOCK_QTY_MAX }).map((d) => ({
            call: patch(mug.id, asJson({ delta: d })),
            statuses: [409],
          })),
        },
        {
          weight: 2,
          arbitrary: fc.tuple(badId, validChange).map(([id, body]) => ({ call: patch(id, body) })),
        },
        { weight: 1, arbitrary: withoutAdminToken(validChange.map((body) => patch(mug.id, body))) },
      ),
    );
  });

  it("DELETE /products/:id refuses bad and unknown ids", async () => {
    const { mug } = shop.shop;
    const del = (id: string): HttpCall => ({
      method: "DELETE",
      path: `/products/${percentEncode(id)}`,
      headers: ADMIN_HEADERS,
    });
    await shop.refusesAll(
      "DELETE /products/:id",
      "inventory",
      fc.oneof(
        { weight: 4, arbitrary: badId.map((id) => ({ call: del(id) })) },
        { weight: 1, arbitrary: withoutAdminToken(fc.constant(del(mug.id))) },
      ),
    );
  });

  it("GET /admin/products refuses anything but the admin token", async () => {
    await shop.refusesAll(
      "GET /admin/products",
      "inventory",
      withoutAdminToken(
        junkQuery.map((query): HttpCall => ({
          method: "GET",
          path: `/admin/products?${query}`,
          headers: {},
        })),
      ),
    );
  });

  it("leaves the catalog as the fixtures made it", async () => {
    const answer = await shop.stack.request("inventory", { method: "GET", path: "/products" });
    expect(JSON.parse(answer.text)).toHaveLength(5);
  });
});
