import {
  CARRIER_MAX,
  IMAGE_ALT_MAX,
  REFUND_REASON_MAX,
  STOCK_QTY_MAX,
  TRACKING_NUMBER_MAX,
} from "@shop/contracts";
import fc from "fast-check";
import { isInterfaceType } from "graphql";
import { hashPassword } from "@shop/staff";
import { beforeAll, describe, expect, it } from "vitest";
import {
  brokenObject,
  deepJunk,
  malformedId,
  unknownId,
  validObject,
  weirdString,
} from "../../src/arbitraries.ts";
import { useBadInputShop } from "../../src/bad-input.ts";
import type { Shop } from "../../src/fixtures.ts";
import {
  badGraphqlRequests,
  problemWithGraphqlAnswer,
  TYPED_ERRORS,
  type MutationSpec,
} from "../../src/graphql-cases.ts";
import type { JsonLike } from "../../src/json-text.ts";
import { forAllInputs } from "../../src/property.ts";
import { createProductSpec, delta, placeOrderSpec, stockQty, updateProductSpec } from "../../src/specs.ts";

// Every GraphQL mutation under generated bad input: a GraphQL error (HTTP
// 200 or 400) or a typed error, never a success or an internal error, and
// not one row changed.
const shop = useBadInputShop("graphql.property");

/** A staff member to change and remove (with a valid id only ever beside a bad argument). */
let staffId = "";
beforeAll(async () => {
  const hash = await hashPassword("a staff member's password");
  const [row] = (await shop.context.query(
    `INSERT INTO staff_members (email, password_hash, role) VALUES ('support-person@shop.test', '${hash}', 'support') RETURNING id`,
  )) as Array<{ id: string }>;
  staffId = row!.id;
}, 60_000);

/** No email address: too short, no @, spaces, over 254 characters, or not a string at all. */
const badEmail: fc.Arbitrary<JsonLike> = fc.oneof(
  fc.constantFrom("", "a", "no-at-sign", "two@@at", "spa ce@shop.test", "@shop.test", "ann@"),
  fc.string({ minLength: 255, maxLength: 400 }).map((s) => `${s.replace(/[\s@]/g, "x")}@shop.test`),
  fc.integer(),
  fc.constant(null),
  deepJunk,
);
/** A role that is none of owner, manager, support. */
const badRole: fc.Arbitrary<JsonLike> = fc.oneof(
  fc.constantFrom("admin", "OWNER", "root", "", "machine"),
  weirdString.filter((r) => !["owner", "manager", "support"].includes(r)),
  fc.integer(),
  fc.constant(null),
);
/** A first password that is too short or too long, or no string. */
const badNewPassword: fc.Arbitrary<JsonLike> = fc.oneof(
  fc.string({ maxLength: 11 }),
  fc.string({ minLength: 257, maxLength: 600 }),
  fc.integer(),
  fc.constant(null),
);
const STAFF_SELECTION = "{ __typename }";

/** Ids that name nothing, or are no ids: malformed strings, unknown UUIDs, and values of other types. */
const badIdValue = (...extra: string[]): fc.Arbitrary<JsonLike> =>
  fc.oneof(
    { weight: 3, arbitrary: malformedId },
    { weight: 2, arbitrary: unknownId },
    {
      weight: 1,
      arbitrary: fc.oneof(
        fc.integer(),
        fc.double({ noNaN: true }),
        fc.boolean(),
        fc.constant(null),
        deepJunk,
      ),
    },
    ...(extra.length > 0 ? [{ weight: 2, arbitrary: fc.constantFrom(...extra) }] : []),
  );

/** Anything where an input object belongs but is not one. */
const notAnInputObject: fc.Arbitrary<JsonLike> = fc.oneof(
  weirdString,
  fc.integer(),
  fc.constant(null),
  fc.array(fc.integer(), { maxLength: 2 }),
  deepJunk.filter((v) => typeof v !== "object" || v === null || Array.isArray(v)),
);

const inputObject = (spec: Parameters<typeof brokenObject>[0]) => ({
  valid: validObject(spec) as fc.Arbitrary<JsonLike>,
  bad: fc.oneof({ weight: 4, arbitrary: brokenObject(spec) }, { weight: 1, arbitrary: notAnInputObject }),
});

/** A string past a field's limit, or no string at all. */
// Not a string of at most `max` (null is left out too: these arguments may be null).
const tooLong = (max: number): fc.Arbitrary<JsonLike> =>
  fc.oneof(
    fc.string({ minLength: max + 1, maxLength: max + 30 }),
    fc.integer(),
    deepJunk.filter((v) => typeof v !== "string" && v !== null),
  );

const NO_SUCH_IMAGE = "00000000-0000-4000-8000-00000000beef";

function mutations(s: Shop): MutationSpec[] {
  const productId = { name: "id", type: "ID!", valid: fc.constant(s.mug.id), bad: badIdValue() };
  return [
    {
      field: "placeOrder",
      admin: false,
      args: [
        { name: "input", type: "PlaceOrderInput!", ...inputObject(placeOrderSpec(s, { graphql: true })) },
      ],
    },
    {
      field: "createProduct",
      admin: true,
      args: [
        {
          name: "input",
          type: "CreateProductInput!",
          ...inputObject(createProductSpec({ price: "priceCents", stock: "stockQty" })),
        },
      ],
    },
    {
      field: "updateProduct",
      admin: true,
      args: [
        productId,
        {
          name: "input",
          type: "UpdateProductInput!",
          ...inputObject(updateProductSpec({ price: "priceCents", graphql: true })),
        },
      ],
    },
    {
      field: "setStock",
      admin: true,
      args: [
        productId,
        { name: "stockQty", type: "Int!", valid: stockQty.valid.map((n) => n % 100), bad: stockQty.bad },
      ],
    },
    {
      field: "adjustStock",
      admin: true,
      args: [{ name: "delta", type: "Int!", ...delta }, productId],
      // Well-typed, but more than the product has, or past the most it may hold.
      badCombinations: fc.oneof(
        fc
          .tuple(fc.constantFrom(s.soldOut, s.lastOne), fc.integer({ min: 2, max: STOCK_QTY_MAX }))
          .map(([p, extra]) => ({ id: p.id, delta: -Math.min(p.stock_qty + extra - 1, STOCK_QTY_MAX) })),
        fc.integer({ min: STOCK_QTY_MAX - 40, max: STOCK_QTY_MAX }).map((d) => ({ id: s.mug.id, delta: d })),
      ),
    },
    {
      field: "archiveProduct",
      admin: true,
      args: [{ name: "id", type: "ID!", valid: fc.constant(s.mug.id), bad: badIdValue() }],
    },
    {
      // Bringing back a product that is on sale changes nothing, so the mug is a valid id here too.
      field: "unarchiveProduct",
      admin: true,
      args: [{ name: "id", type: "ID!", valid: fc.constant(s.mug.id), bad: badIdValue() }],
    },
    // The fixture's products have no pictures: a well-formed image id names none,
    // and every call below changes nothing whichever argument is bad.
    {
      field: "updateProductImage",
      admin: true,
      args: [
        { ...productId, name: "productId" },
        { name: "imageId", type: "ID!", valid: fc.constant(NO_SUCH_IMAGE), bad: badIdValue() },
        {
          name: "alt",
          type: "String!",
          valid: fc.string({ maxLength: 40 }),
          bad: fc.oneof(
            fc.string({ minLength: IMAGE_ALT_MAX + 1, maxLength: IMAGE_ALT_MAX + 40 }),
            fc.integer(),
            fc.constant(null),
            deepJunk,
          ),
        },
      ],
    },
    {
      field: "removeProductImage",
      admin: true,
      args: [
        { ...productId, name: "productId" },
        { name: "imageId", type: "ID!", valid: fc.constant(NO_SUCH_IMAGE), bad: badIdValue() },
      ],
    },
    {
      field: "reorderProductImages",
      admin: true,
      args: [
        { ...productId, name: "productId" },
        {
          name: "imageIds",
          type: "[ID!]!",
          valid: fc.constant([NO_SUCH_IMAGE]),
          bad: fc.oneof(
            fc.array(badIdValue(), { minLength: 1, maxLength: 3 }),
            fc.constant(null),
            weirdString,
          ),
        },
      ],
    },
    {
      field: "fulfillOrder",
      admin: true,
      args: [
        {
          name: "orderId",
          type: "ID!",
          valid: fc.constant(s.paidOrderId),
          bad: badIdValue(s.pendingOrderId),
        },
        { name: "carrier", type: "String", valid: fc.string({ maxLength: 20 }), bad: tooLong(CARRIER_MAX) },
        {
          name: "trackingNumber",
          type: "String",
          valid: fc.string({ maxLength: 20 }),
          bad: tooLong(TRACKING_NUMBER_MAX),
        },
      ],
    },
    {
      field: "refundPayment",
      admin: true,
      args: [
        {
          name: "orderId",
          type: "ID!",
          valid: fc.constant(s.paidOrderId),
          bad: badIdValue(s.pendingOrderId),
        },
        {
          name: "amountCents",
          type: "Int!",
          valid: fc.constant(1),
          // Not a positive amount, or more than was captured.
          bad: fc.oneof(fc.integer({ max: 0 }), fc.integer({ min: 1_000_000, max: 2_000_000_000 })),
        },
        {
          name: "reason",
          type: "String",
          valid: fc.string({ maxLength: 20 }),
          bad: tooLong(REFUND_REASON_MAX),
        },
        {
          name: "idempotencyKey",
          type: "String",
          valid: fc.uuid(),
          bad: fc.constantFrom("", " ", "x".repeat(300)),
        },
      ],
    },
    {
      field: "capturePayment",
      admin: true,
      args: [
        {
          name: "orderId",
          type: "ID!",
          valid: fc.constant(s.pendingOrderId),
          bad: badIdValue(s.cancelledOrderId),
        },
      ],
    },
    {
      field: "cancelOrder",
      admin: true,
      args: [
        {
          name: "orderId",
          type: "ID!",
          valid: fc.constant(s.pendingOrderId),
          bad: badIdValue(s.paidOrderId),
        },
      ],
    },
    {
      field: "addStaffMember",
      admin: true,
      selection: STAFF_SELECTION,
      args: [
        { name: "email", type: "String!", valid: fc.constant("new-person@shop.test"), bad: badEmail },
        {
          name: "role",
          type: "StaffRole!",
          valid: fc.constantFrom("owner", "manager", "support"),
          bad: badRole,
        },
        {
          name: "password",
          type: "String!",
          valid: fc.constant("a first password, long enough"),
          bad: badNewPassword,
        },
      ],
    },
    {
      field: "changeStaffRole",
      admin: true,
      selection: STAFF_SELECTION,
      args: [
        { name: "id", type: "ID!", valid: fc.constant(staffId), bad: badIdValue() },
        { name: "role", type: "StaffRole!", valid: fc.constantFrom("manager", "support"), bad: badRole },
      ],
    },
    {
      field: "removeStaffMember",
      admin: true,
      selection: STAFF_SELECTION,
      args: [{ name: "id", type: "ID!", valid: fc.constant(staffId), bad: badIdValue() }],
    },
  ];
}

/**
 * Mutations this suite does not generate input for, and where they are
 * covered: signIn's inputs are the sign-in suite's (argon2id is slow on
 * purpose, so it runs fewer cases); signOut takes no input at all and
 * answers true whoever calls it, so there is nothing bad to send it.
 */
const COVERED_ELSEWHERE = ["signIn" /* sign-in.property.test.ts */, "signOut" /* no arguments */];

describe("GraphQL mutations under bad input", () => {
  const fields = [
    "placeOrder",
    "createProduct",
    "updateProduct",
    "setStock",
    "adjustStock",
    "archiveProduct",
    "unarchiveProduct",
    "updateProductImage",
    "removeProductImage",
    "reorderProductImages",
    "fulfillOrder",
    "refundPayment",
    "capturePayment",
    "cancelOrder",
    "addStaffMember",
    "changeStaffRole",
    "removeStaffMember",
  ];
  it.each(fields)("%s refuses bad arguments, broken requests and missing admin tokens", async (field) => {
    const spec = mutations(shop.shop).find((m) => m.field === field)!;
    await forAllInputs(
      shop.context,
      `mutation ${field}`,
      badGraphqlRequests(spec),
      async ({ call, unauthorized }) => {
        const answer = await shop.stack.request("gateway", call);
        shop.context.tally.status(answer.status);
        return problemWithGraphqlAnswer(answer, field, unauthorized);
      },
    );
  });

  it("knows every typed error of the schema as a refusal", async () => {
    const { schema } = await import("@shop/gateway");
    const errorInterface = schema.getType("Error");
    if (!errorInterface || !isInterfaceType(errorInterface)) throw new Error("no Error interface");
    const typed = schema.getImplementations(errorInterface).objects.map((t) => t.name);
    expect(typed.sort()).toEqual([...TYPED_ERRORS].sort());
  });

  it("covers every mutation of the schema", async () => {
    const { schema } = await import("@shop/gateway");
    const inSchema = Object.keys(schema.getMutationType()?.getFields() ?? {}).sort();
    if (inSchema.join() !== [...fields, ...COVERED_ELSEWHERE].sort().join()) {
      throw new Error(
        `the schema's mutations are ${inSchema.join(", ")}; this suite covers ${fields.join(", ")}`,
      );
    }
  });
});
