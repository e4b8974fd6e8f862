import { describe, expect, it } from "vitest";
import { product, trpcFailure, useInventory } from "./harness.ts";

/**
 * One implementation, two doors: every operation is called through REST and
 * through tRPC, and both must give the same answer and the same errors.
 */
const h = useInventory();
const UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";

describe("the same operation through REST and tRPC", () => {
  it("create, read, update, change stock, archive", async () => {
    const admin = h.trpc({ admin: true });

    const viaRest = (await h.rest("POST", "/products", { admin: true, body: product({ name: "Cup" }) })).body;
    const viaTrpc = await admin.products.create.mutate(product({ name: "Cup" }));
    expect(viaTrpc).toEqual({ ...(viaRest as object), id: viaTrpc.id });

    expect(await h.trpc().products.get.query({ id: viaTrpc.id })).toEqual(
      (await h.rest("GET", `/products/${viaTrpc.id}`)).body,
    );

    const renamed = await admin.products.update.mutate({ id: viaTrpc.id, patch: { name: "Tea cup" } });
    expect(renamed).toEqual({ ...viaTrpc, name: "Tea cup" });

    expect(await admin.products.changeStock.mutate({ id: viaTrpc.id, change: { delta: 3 } })).toMatchObject({
      stock_qty: 10,
    });
    expect(
      await admin.products.changeStock.mutate({ id: viaTrpc.id, change: { stock_qty: 1 } }),
    ).toMatchObject({
      stock_qty: 1,
    });

    expect(await h.trpc().products.list.query()).toEqual((await h.rest("GET", "/products")).body);

    await admin.products.archive.mutate({ id: viaTrpc.id });
    expect((await h.rest("GET", `/products/${viaTrpc.id}`)).status).toBe(404);
    // Archived products still resolve by id, for the orders that name them.
    expect(await h.trpc().products.byIds.query({ ids: [viaTrpc.id, UNKNOWN_ID] })).toEqual([
      { ...renamed, stock_qty: 1, description: "", sku: null, images: [] },
    ]);
    expect((await admin.products.adminList.query()).find((p) => p.id === viaTrpc.id)?.archived_at).toEqual(
      expect.any(String),
    );

    // Unarchive: through tRPC for one, REST for the other; both back in the catalog as they were.
    const restId = (viaRest as { id: string }).id;
    await admin.products.archive.mutate({ id: restId });
    await admin.products.unarchive.mutate({ id: viaTrpc.id });
    expect((await h.rest("POST", `/products/${restId}/unarchive`, { admin: true })).status).toBe(204);
    const noContent = { description: "", sku: null, images: [] };
    expect(await h.trpc().products.get.query({ id: viaTrpc.id })).toEqual({
      ...renamed,
      stock_qty: 1,
      ...noContent,
    });
    expect((await h.rest("GET", `/products/${restId}`)).body).toEqual({
      ...(viaRest as object),
      ...noContent,
    });
    expect(await trpcFailure(h.trpc().products.unarchive.mutate({ id: viaTrpc.id }))).toMatchObject({
      status: 401,
      error: "unauthorized",
    });
    expect(await trpcFailure(admin.products.unarchive.mutate({ id: UNKNOWN_ID }))).toMatchObject({
      status: 404,
      error: "not_found",
    });
  });

  it.each([
    {
      name: "unknown id",
      rest: () => h.rest("GET", `/products/${UNKNOWN_ID}`),
      trpc: () => h.trpc().products.get.query({ id: UNKNOWN_ID }),
      expected: { status: 404, error: "not_found" },
    },
    {
      name: "malformed id",
      rest: () => h.rest("GET", "/products/42"),
      trpc: () => h.trpc().products.get.query({ id: "42" }),
      expected: { status: 400, error: "validation_failed" },
    },
    {
      name: "invalid create",
      rest: () => h.rest("POST", "/products", { admin: true, body: product({ price_cents: -1 }) }),
      trpc: () => h.trpc({ admin: true }).products.create.mutate(product({ price_cents: -1 })),
      expected: { status: 400, error: "validation_failed" },
    },
    {
      name: "create without the token",
      rest: () => h.rest("POST", "/products", { body: product() }),
      trpc: () => h.trpc().products.create.mutate(product()),
      expected: { status: 401, error: "unauthorized" },
    },
    {
      name: "admin list without the token",
      rest: () => h.rest("GET", "/admin/products"),
      trpc: () => h.trpc().products.adminList.query(),
      expected: { status: 401, error: "unauthorized" },
    },
  ])("$name fails alike on both doors", async ({ rest, trpc, expected }) => {
    const before = await h.db.product.count();
    const viaRest = await rest();
    expect({ status: viaRest.status, error: (viaRest.body as { error: string }).error }).toEqual(expected);
    expect(await trpcFailure(trpc())).toMatchObject(expected);
    expect(await h.db.product.count()).toBe(before);
  });

  it("refuses a delta below zero alike on both doors", async () => {
    const created = await h.trpc({ admin: true }).products.create.mutate(product({ stock_qty: 1 }));
    const viaRest = await h.rest("PATCH", `/products/${created.id}/stock`, {
      admin: true,
      body: { delta: -2 },
    });
    expect(viaRest).toMatchObject({ status: 409, body: { error: "insufficient_stock" } });
    expect(
      await trpcFailure(
        h.trpc({ admin: true }).products.changeStock.mutate({ id: created.id, change: { delta: -2 } }),
      ),
    ).toMatchObject({ status: 409, error: "insufficient_stock" });
  });

  it("never sends a stack trace through tRPC", async () => {
    const res = await h.rest(
      "GET",
      `/trpc/products.get?input=${encodeURIComponent(JSON.stringify({ id: "x" }))}`,
    );
    expect(JSON.stringify(res.body)).not.toMatch(/stack|at .*\.ts:\d+/);
  });
});
