import fc from "fast-check";
import { describe, it } from "vitest";
import {
  badIdempotencyKey,
  badJsonBody,
  percentEncode,
  validObject,
  type BodyInput,
} from "../../src/arbitraries.ts";
import { useBadInputShop } from "../../src/bad-input.ts";
import { jsonText } from "../../src/json-text.ts";
import { badId, chargeSpec } from "../../src/specs.ts";
import type { HttpCall } from "../../src/stack.ts";

// Payments' REST door under generated bad input: every answer a 4xx JSON
// error of the documented shape, never a 5xx, and no charge or stored key.
const shop = useBadInputShop("payments.property");

describe("payments REST under bad input", () => {
  it("POST /charges refuses a missing or bad Idempotency-Key, and bad bodies under a good one", async () => {
    const post = (body: BodyInput, key: string | undefined): HttpCall => ({
      method: "POST",
      path: "/charges",
      headers: {
        ...(body.contentType ? { "content-type": body.contentType } : {}),
        ...(key === undefined ? {} : { "idempotency-key": key }),
      },
      body: body.text,
    });
    const validBody = validObject(chargeSpec).map((v): BodyInput => ({
      text: jsonText(v),
      contentType: "application/json",
    }));
    await shop.refusesAll(
      "POST /charges",
      "payments",
      fc.oneof(
        {
          weight: 3,
          arbitrary: fc
            .tuple(badJsonBody(chargeSpec), fc.uuid())
            .map(([body, key]) => ({ call: post(body, key) })),
        },
        {
          weight: 2,
          arbitrary: fc
            .tuple(
              fc.oneof(validBody, badJsonBody(chargeSpec)),
              fc.option(badIdempotencyKey, { nil: undefined }),
            )
            .map(([body, key]) => ({ call: post(body, key), statuses: [400, 413, 415] })),
        },
      ),
    );
  });

  it("GET /charges/:id refuses malformed and unknown ids", async () => {
    await shop.refusesAll(
      "GET /charges/:id",
      "payments",
      badId.map((id) => ({ call: { method: "GET", path: `/charges/${percentEncode(id)}` } })),
    );
  });
});
