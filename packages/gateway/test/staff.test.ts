/**
 * Staff accounts through the gateway over the real services and database:
 * sign-in, the session cookie, CSRF, and every admin operation × role on
 * GraphQL, REST and tRPC (allowed or denied, and nothing changed when denied).
 */
import { randomUUID } from "node:crypto";
import { MACHINE_ACTOR, type StaffRole } from "@shop/contracts";
import { TEST_SERVICE_TOKEN } from "@shop/service/testing";
import { createStaff, recordAudit } from "@shop/staff";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { gatewayOver } from "./harness.ts";
import { ADMIN_TOKEN, useRealServices } from "./real-services.ts";

// argon2id is slow on purpose, and this machine is shared: sign-ins take seconds under load.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 180_000 });
const stack = useRealServices();
const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };
const PASSWORD = "a long enough password";
const ROLES: StaffRole[] = ["owner", "manager", "support"];
const people = {} as Record<StaffRole, { id: string; email: string; cookie: string }>;
/** Someone whose role the owner changes (changing a role ends that person's sessions). */
let target: { id: string };

const SIGN_IN = `mutation($email: String!, $password: String!) { signIn(email: $email, password: $password) { id email role } }`;

async function signIn(email: string, password = PASSWORD, headers: Record<string, string> = {}) {
  const res = await stack.gateway.graphql(SIGN_IN, { email, password }, headers);
  const setCookie = res.headers.get("set-cookie") ?? "";
  return { ...res, setCookie, cookie: setCookie.split(";")[0] ?? "" };
}

beforeAll(async () => {
  for (const role of ROLES) {
    const email = `${role}-${randomUUID().slice(0, 8)}@shop.test`;
    const created = await createStaff(stack.db.prisma, { email, role, password: PASSWORD });
    const { cookie } = await signIn(email);
    people[role] = { id: created.id, email, cookie };
  }
  target = await createStaff(stack.db.prisma, {
    email: `target-${randomUUID().slice(0, 8)}@shop.test`,
    role: "support",
    password: PASSWORD,
  });
});

describe("signing in", () => {
  it("sets an HttpOnly, SameSite=Strict session cookie (Secure only over HTTPS), and me says who", async () => {
    const { setCookie, body, cookie } = await signIn(people.manager.email);
    expect(body.data?.signIn).toMatchObject({ email: people.manager.email, role: "manager" });
    expect(setCookie).toMatch(/^shop_session=[\w-]{40,};/);
    expect(setCookie).toMatch(/; HttpOnly/);
    expect(setCookie).toMatch(/; SameSite=Strict/);
    expect(setCookie).toMatch(/; Max-Age=1800/);
    expect(setCookie).not.toMatch(/Secure/);
    const me = await stack.gateway.graphql("{ me { email role } }", {}, { cookie });
    expect(me.body.data?.me).toEqual({ email: people.manager.email, role: "manager" });
  });

  it("is Secure behind an HTTPS proxy we trust... and in any case over https://", async () => {
    const res = await stack.gateway.app.request("https://shop.example/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        query: SIGN_IN,
        variables: { email: people.support.email, password: PASSWORD },
      }),
    });
    expect(res.headers.get("set-cookie")).toMatch(/; Secure/);
  });

  it("refuses a wrong password with a clear message and no cookie", async () => {
    const { body, setCookie } = await signIn(people.owner.email, "not the password at all");
    expect(body.errors?.[0]).toMatchObject({
      message: "That email and password do not match a staff account.",
      extensions: { code: "UNAUTHORIZED" },
    });
    expect(setCookie).toBe("");
  });

  it("rotates the session id: the cookie a browser came with is ended (no fixation)", async () => {
    const planted = (await signIn(people.support.email)).cookie;
    const fresh = await signIn(people.support.email, PASSWORD, { cookie: planted });
    expect(fresh.cookie).not.toBe(planted);
    const withPlanted = await stack.gateway.graphql("{ me { email } }", {}, { cookie: planted });
    expect(withPlanted.body.data?.me).toBeNull();
  });

  it("sign-out ends the session; the old cookie is worth nothing", async () => {
    const { cookie } = await signIn(people.support.email);
    const out = await stack.gateway.graphql("mutation { signOut }", {}, { cookie });
    expect(out.headers.get("set-cookie")).toMatch(/^shop_session=; .*Max-Age=0/);
    expect((await stack.gateway.graphql("{ me { email } }", {}, { cookie })).body.data?.me).toBeNull();
  });

  it("an owner removing a person ends their sessions at once", async () => {
    const email = `leaver-${randomUUID().slice(0, 8)}@shop.test`;
    const leaver = await createStaff(stack.db.prisma, { email, role: "manager", password: PASSWORD });
    const { cookie } = await signIn(email);
    const removed = await stack.gateway.graphql(
      "mutation($id: ID!) { removeStaffMember(id: $id) { email } }",
      { id: leaver.id },
      { cookie: people.owner.cookie },
    );
    expect(removed.body.data?.removeStaffMember).toEqual({ email });
    const after = await stack.gateway.graphql("{ adminProducts { id } }", {}, { cookie });
    expect(after.body.errors?.[0]?.extensions?.code).toBe("UNAUTHORIZED");
  });

  it("is rate limited per account, with a message that says when to try again", async () => {
    const email = `guessed-${randomUUID().slice(0, 8)}@shop.test`;
    await createStaff(stack.db.prisma, { email, role: "support", password: PASSWORD });
    for (let i = 0; i < 5; i++) await signIn(email, `wrong guess number ${i}`);
    // Even the right password is refused now: the guesser cannot tell.
    const { body, setCookie } = await signIn(email);
    expect(body.errors?.[0]?.extensions?.code).toBe("RATE_LIMITED");
    expect(body.errors?.[0]?.message).toMatch(
      /Too many failed sign-ins for this account\. Try again in \d+ minutes\./,
    );
    expect(setCookie).toBe("");
  });
});

describe("cross-site request forgery", () => {
  const capture = async (headers: Record<string, string>, body: string) =>
    stack.gateway.app.request("/graphql", { method: "POST", headers, body });

  it("a cross-site form post with the session cookie is refused, and nothing runs", async () => {
    const before = await stack.db.prisma.product.count();
    const res = await capture(
      {
        cookie: people.owner.cookie,
        "content-type": "application/x-www-form-urlencoded",
        origin: "https://evil.example",
      },
      "query=mutation%20%7B%20createProduct(input%3A%7Bname%3A%22x%22%2CpriceCents%3A1%2CstockQty%3A1%7D)%20%7B%20__typename%20%7D%20%7D",
    );
    expect(res.status).toBe(403);
    expect(await stack.db.prisma.product.count()).toBe(before);
  });

  it("a form post from a page of ours that is not JSON is refused too", async () => {
    const res = await capture({ cookie: people.owner.cookie, "content-type": "text/plain" }, "{}");
    expect(res.status).toBe(415);
  });

  it("a cross-origin fetch with credentials (JSON) is refused by its Origin, and nothing runs", async () => {
    const before = await stack.db.prisma.product.count();
    const res = await capture(
      { cookie: people.owner.cookie, "content-type": "application/json", origin: "https://evil.example" },
      JSON.stringify({
        query: 'mutation { createProduct(input: {name: "x", priceCents: 1, stockQty: 1}) { __typename } }',
      }),
    );
    expect(res.status).toBe(403);
    expect(res.headers.get("access-control-allow-origin")).toBeNull();
    expect(await stack.db.prisma.product.count()).toBe(before);
  });

  it("the admin SPA's own origin is accepted", async () => {
    const res = await capture(
      { cookie: people.owner.cookie, "content-type": "application/json", origin: "http://localhost:5173" },
      JSON.stringify({ query: "{ me { role } }" }),
    );
    expect(res.status).toBe(200);
  });
});

// ---- every admin operation × role ----

interface Fixture {
  productId: string;
  orderId: string;
  /** An archived product, to restore. */
  archivedId: string;
  /** A support person of no test's, to remove. */
  staffId: string;
}

async function fixture(): Promise<Fixture> {
  const created = await stack.gateway.graphql(
    `mutation { createProduct(input: {name: "Fixture", priceCents: 100, stockQty: 10}) { ... on AdminProduct { id } } }`,
    {},
    admin,
  );
  const productId = (created.body.data?.createProduct as { id: string }).id;
  const placed = await stack.gateway.graphql(
    `mutation($id: ID!) { placeOrder(input: {items: [{productId: $id, qty: 1}]}) { ... on Order { id } } }`,
    { id: productId },
  );
  // Straight into the database: what is being tested is who may restore or remove them.
  const archived = await stack.db.prisma.product.create({
    data: { name: "Archived fixture", priceCents: 100, stockQty: 1, archivedAt: new Date() },
  });
  const person = await stack.db.prisma.staffMember.create({
    data: {
      email: `removable-${randomUUID().slice(0, 8)}@shop.test`,
      passwordHash: "not-a-hash",
      role: "support",
    },
  });
  return {
    productId,
    orderId: (placed.body.data?.placeOrder as { id: string }).id,
    archivedId: archived.id,
    staffId: person.id,
  };
}

/** What a denied request must leave as it was. */
async function snapshot() {
  const db = stack.db.prisma;
  return {
    products: await db.product.findMany({
      orderBy: { id: "asc" },
      select: { id: true, name: true, priceCents: true, stockQty: true, archivedAt: true },
    }),
    orders: await db.order.findMany({ orderBy: { id: "asc" }, select: { id: true, status: true } }),
    charges: await db.charge.count(),
    staff: await db.staffMember.findMany({ orderBy: { id: "asc" }, select: { id: true, role: true } }),
  };
}

interface Operation {
  name: string;
  allowed: StaffRole[];
  graphql: (f: Fixture) => { query: string; variables?: Record<string, unknown> };
  /** The service's REST route, where the operation has one. */
  rest?: (f: Fixture) => { service: "inventory" | "orders"; method: string; path: string; body?: unknown };
  /** The service's tRPC procedure. */
  trpc?: (f: Fixture) => {
    service: "inventory" | "orders";
    path: string;
    input?: unknown;
    mutation: boolean;
  };
}

const EVERYONE: StaffRole[] = ["owner", "manager", "support"];
const OPERATIONS: Operation[] = [
  {
    name: "list every product",
    allowed: EVERYONE,
    graphql: () => ({ query: "{ adminProducts { id } }" }),
    rest: () => ({ service: "inventory", method: "GET", path: "/admin/products" }),
    trpc: () => ({ service: "inventory", path: "products.adminList", mutation: false }),
  },
  {
    name: "create a product",
    allowed: ["owner", "manager"],
    graphql: () => ({
      query: 'mutation { createProduct(input: {name: "New", priceCents: 5, stockQty: 1}) { __typename } }',
    }),
    rest: () => ({
      service: "inventory",
      method: "POST",
      path: "/products",
      body: { name: "New", price_cents: 5, stock_qty: 1 },
    }),
    trpc: () => ({
      service: "inventory",
      path: "products.create",
      input: { name: "New", price_cents: 5, stock_qty: 1 },
      mutation: true,
    }),
  },
  {
    name: "rename a product",
    allowed: ["owner", "manager"],
    graphql: (f) => ({
      query: `mutation { updateProduct(id: "${f.productId}", input: {name: "Renamed"}) { __typename } }`,
    }),
    rest: (f) => ({
      service: "inventory",
      method: "PATCH",
      path: `/products/${f.productId}`,
      body: { name: "Renamed" },
    }),
    trpc: (f) => ({
      service: "inventory",
      path: "products.update",
      input: { id: f.productId, patch: { name: "Renamed" } },
      mutation: true,
    }),
  },
  {
    name: "set stock",
    allowed: ["owner", "manager"],
    graphql: (f) => ({ query: `mutation { setStock(id: "${f.productId}", stockQty: 3) { __typename } }` }),
    rest: (f) => ({
      service: "inventory",
      method: "PATCH",
      path: `/products/${f.productId}/stock`,
      body: { stock_qty: 3 },
    }),
    trpc: (f) => ({
      service: "inventory",
      path: "products.changeStock",
      input: { id: f.productId, change: { stock_qty: 3 } },
      mutation: true,
    }),
  },
  {
    name: "adjust stock",
    allowed: ["owner", "manager"],
    graphql: (f) => ({ query: `mutation { adjustStock(id: "${f.productId}", delta: 1) { __typename } }` }),
  },
  {
    name: "archive a product",
    allowed: ["owner", "manager"],
    graphql: (f) => ({ query: `mutation { archiveProduct(id: "${f.productId}") { __typename } }` }),
    rest: (f) => ({ service: "inventory", method: "DELETE", path: `/products/${f.productId}` }),
    trpc: (f) => ({
      service: "inventory",
      path: "products.archive",
      input: { id: f.productId },
      mutation: true,
    }),
  },
  {
    name: "restore an archived product",
    allowed: ["owner", "manager"],
    graphql: (f) => ({ query: `mutation { unarchiveProduct(id: "${f.archivedId}") { __typename } }` }),
    rest: (f) => ({ service: "inventory", method: "POST", path: `/products/${f.archivedId}/unarchive` }),
    trpc: (f) => ({
      service: "inventory",
      path: "products.unarchive",
      input: { id: f.archivedId },
      mutation: true,
    }),
  },
  {
    name: "read the orders index",
    allowed: EVERYONE,
    graphql: () => ({ query: "{ orders { orders { id } } }" }),
    rest: () => ({ service: "orders", method: "GET", path: "/orders" }),
    trpc: () => ({ service: "orders", path: "orders.list", input: {}, mutation: false }),
  },
  {
    name: "capture a payment",
    allowed: EVERYONE,
    graphql: (f) => ({ query: `mutation { capturePayment(orderId: "${f.orderId}") { __typename } }` }),
    rest: (f) => ({ service: "orders", method: "POST", path: `/orders/${f.orderId}/capture` }),
    trpc: (f) => ({ service: "orders", path: "orders.capture", input: { id: f.orderId }, mutation: true }),
  },
  {
    name: "cancel an order",
    allowed: ["owner", "manager"],
    graphql: (f) => ({ query: `mutation { cancelOrder(orderId: "${f.orderId}") { __typename } }` }),
    rest: (f) => ({ service: "orders", method: "POST", path: `/orders/${f.orderId}/cancel` }),
    trpc: (f) => ({ service: "orders", path: "orders.cancel", input: { id: f.orderId }, mutation: true }),
  },
  {
    name: "list staff",
    allowed: ["owner"],
    graphql: () => ({ query: "{ staffMembers { id } }" }),
  },
  {
    name: "add a staff member",
    allowed: ["owner"],
    graphql: () => ({
      query: `mutation { addStaffMember(email: "new-${randomUUID().slice(0, 8)}@shop.test", role: support, password: "${PASSWORD}") { id } }`,
    }),
  },
  {
    name: "change a role",
    allowed: ["owner"],
    graphql: () => ({
      query: `mutation { changeStaffRole(id: "${target.id}", role: support) { id } }`,
    }),
  },
  {
    name: "remove a staff member",
    allowed: ["owner"],
    graphql: (f) => ({ query: `mutation { removeStaffMember(id: "${f.staffId}") { id } }` }),
  },
  {
    name: "read the audit log",
    allowed: ["owner"],
    graphql: () => ({ query: "{ auditLog(limit: 5) { action actor requestId } }" }),
  },
];

const isDenied = (codes: unknown[]) => codes.includes("FORBIDDEN");

describe.each(OPERATIONS)("$name", (op) => {
  it.each(ROLES)("on GraphQL as %s", async (role) => {
    const f = await fixture();
    const before = await snapshot();
    const { query, variables } = op.graphql(f);
    const res = await stack.gateway.graphql(query, variables, { cookie: people[role].cookie });
    const codes = (res.body.errors ?? []).map((e) => e.extensions?.code);
    if (op.allowed.includes(role)) {
      expect(codes, JSON.stringify(res.body.errors)).toEqual([]);
    } else {
      expect(isDenied(codes), JSON.stringify(res.body)).toBe(true);
      expect(await snapshot()).toEqual(before);
    }
  });
});

const actorHeaders = (role: StaffRole) => ({
  "x-service-token": TEST_SERVICE_TOKEN,
  "x-shop-actor": JSON.stringify({
    kind: "staff",
    staffId: people[role].id,
    email: people[role].email,
    role,
  }),
});

describe.each(OPERATIONS.filter((op) => op.rest))("$name", (op) => {
  it.each(ROLES)("on the service's REST route as %s", async (role) => {
    const f = await fixture();
    const before = await snapshot();
    const call = op.rest!(f);
    const res = await stack.apps[call.service].request(call.path, {
      method: call.method,
      headers: { ...actorHeaders(role), ...(call.body ? { "content-type": "application/json" } : {}) },
      ...(call.body ? { body: JSON.stringify(call.body) } : {}),
    });
    if (op.allowed.includes(role)) {
      expect(res.status, await res.clone().text()).toBeLessThan(300);
    } else {
      expect(res.status).toBe(403);
      expect(await res.json()).toMatchObject({ error: "forbidden" });
      expect(await snapshot()).toEqual(before);
    }
  });
});

describe.each(OPERATIONS.filter((op) => op.trpc))("$name", (op) => {
  it.each(ROLES)("on the service's tRPC procedure as %s", async (role) => {
    const f = await fixture();
    const before = await snapshot();
    const call = op.trpc!(f);
    const input = encodeURIComponent(JSON.stringify(call.input ?? null));
    const res = call.mutation
      ? await stack.apps[call.service].request(`/trpc/${call.path}`, {
          method: "POST",
          headers: { ...actorHeaders(role), "content-type": "application/json" },
          body: JSON.stringify(call.input ?? null),
        })
      : await stack.apps[call.service].request(`/trpc/${call.path}?input=${input}`, {
          headers: actorHeaders(role),
        });
    if (op.allowed.includes(role)) {
      expect(res.status, await res.clone().text()).toBe(200);
    } else {
      expect(res.status).toBe(403);
      expect(await snapshot()).toEqual(before);
    }
  });
});

describe("the services believe the gateway's word on who acts only with the service credential", () => {
  it("a forged x-shop-actor without the service token is nobody: 401, nothing changed", async () => {
    const f = await fixture();
    const before = await snapshot();
    const res = await stack.apps.orders.request(`/orders/${f.orderId}/cancel`, {
      method: "POST",
      headers: {
        "x-shop-actor": JSON.stringify({
          kind: "staff",
          staffId: people.owner.id,
          email: "x@y",
          role: "owner",
        }),
      },
    });
    expect(res.status).toBe(401);
    expect(await snapshot()).toEqual(before);
  });
});

describe("the audit log", () => {
  it("names who did what, when, and the request id; the admin token as the machine credential", async () => {
    const f = await fixture();
    await stack.gateway.graphql(
      `mutation { capturePayment(orderId: "${f.orderId}") { __typename } }`,
      {},
      {
        cookie: people.manager.cookie,
        "x-request-id": "audit-me-1",
      },
    );
    const log = await stack.gateway.graphql(
      "{ auditLog(limit: 50) { action actor actorKind target requestId at } }",
      {},
      {
        cookie: people.owner.cookie,
      },
    );
    const entries = log.body.data?.auditLog as Array<Record<string, string>>;
    expect(entries).toContainEqual(
      expect.objectContaining({
        action: "orders.capture",
        actor: people.manager.email,
        actorKind: "staff",
        target: f.orderId,
        requestId: "audit-me-1",
      }),
    );
    expect(entries).toContainEqual(
      expect.objectContaining({
        action: "products.create",
        actorKind: "machine",
        actor: "admin token (machine credential)",
      }),
    );
  });

  it("names what an entry acted on: a product, an order and a person as an owner knows them; what is gone or of no kind, by nothing", async () => {
    const f = await fixture();
    const [{ number }] = await stack.db.prisma.$queryRaw<[{ number: number }]>`
      SELECT number FROM orders WHERE id = ${f.orderId}::uuid`;
    const run = randomUUID().slice(0, 8);
    const entries: Array<[action: string, target: string | undefined]> = [
      ["PATCH /products/:id/stock", f.productId],
      ["products.archive", f.archivedId],
      ["orders.capture", f.orderId],
      ["staff.change_role", f.staffId],
      ["staff.remove", randomUUID()], // a person since removed
      ["products.update", randomUUID()], // no such product
      ["POST /orders/:id/cancel", randomUUID()], // no such order: Orders answers 404
      ["POST /refunds", randomUUID()], // not an order, a product or a person
      ["products.create", undefined],
    ];
    for (const [i, [action, id]] of entries.entries()) {
      await recordAudit(stack.db.prisma, {
        actor: MACHINE_ACTOR,
        action,
        target: id,
        requestId: `names-${run}-${i}`,
      });
    }
    const log = await stack.gateway.graphql(
      "{ auditLog(limit: 20) { action target targetKind targetName requestId } }",
      {},
      { cookie: people.owner.cookie },
    );
    expect(log.body.errors).toBeUndefined();
    const named = (log.body.data?.auditLog as Array<Record<string, unknown>>)
      .filter((e) => String(e["requestId"]).startsWith(`names-${run}-`))
      .sort((a, b) => String(a["requestId"]).localeCompare(String(b["requestId"])))
      .map(({ action, targetKind, targetName }) => [action, targetKind, targetName]);
    expect(named).toEqual([
      ["PATCH /products/:id/stock", "PRODUCT", "Fixture"],
      ["products.archive", "PRODUCT", "Archived fixture"],
      ["orders.capture", "ORDER", `#${number}`],
      [
        "staff.change_role",
        "STAFF",
        (await stack.db.prisma.staffMember.findUniqueOrThrow({ where: { id: f.staffId } })).email,
      ],
      ["staff.remove", "STAFF", null],
      ["products.update", "PRODUCT", null],
      ["POST /orders/:id/cancel", "ORDER", null],
      ["POST /refunds", null, null],
      ["products.create", null, null],
    ]);
  });

  it("names what a create made, through either door: the product the answer names", async () => {
    const viaGraphql = await stack.gateway.graphql(
      `mutation { createProduct(input: {name: "Made through tRPC", priceCents: 100, stockQty: 1}) { ... on AdminProduct { id } } }`,
      {},
      { ...admin, "x-request-id": "made-through-trpc" },
    );
    const madeThroughTrpc = (viaGraphql.body.data?.createProduct as { id: string }).id;
    const viaRest = await stack.apps.inventory.request("/products", {
      method: "POST",
      headers: { ...admin, "content-type": "application/json", "x-request-id": "made-through-rest" },
      body: JSON.stringify({ name: "Made through REST", price_cents: 100, stock_qty: 1 }),
    });
    expect(viaRest.status).toBe(201);
    const madeThroughRest = ((await viaRest.json()) as { id: string }).id;
    // A 201 says where the new product lives; the audit trail reads its id there.
    expect(viaRest.headers.get("location")).toBe(`/products/${madeThroughRest}`);

    const log = await stack.gateway.graphql(
      "{ auditLog(limit: 10) { action target targetKind targetName requestId } }",
      {},
      { cookie: people.owner.cookie },
    );
    const entries = log.body.data?.auditLog as Array<Record<string, unknown>>;
    expect(entries).toContainEqual({
      action: "products.create",
      target: madeThroughTrpc,
      targetKind: "PRODUCT",
      targetName: "Made through tRPC",
      requestId: "made-through-trpc",
    });
    expect(entries).toContainEqual({
      action: "POST /products",
      target: madeThroughRest,
      targetKind: "PRODUCT",
      targetName: "Made through REST",
      requestId: "made-through-rest",
    });
  });

  it("still shows an entry whose target's service does not answer, with its id and no name", async () => {
    const f = await fixture();
    const requestId = `unnamed-${randomUUID().slice(0, 8)}`;
    await recordAudit(stack.db.prisma, {
      actor: MACHINE_ACTOR,
      action: "products.archive",
      target: f.productId,
      requestId,
    });
    // A gateway of its own, over the same database and services but Inventory, which is down.
    const down = gatewayOver(
      (service, url, init) =>
        service === "inventory"
          ? Promise.resolve(Response.json({ error: "unavailable", message: "down" }, { status: 503 }))
          : stack.apps[service].request(url, init),
      { adminToken: ADMIN_TOKEN, staff: { db: stack.db.prisma, idleMs: 30 * 60_000 } },
    );
    try {
      const log = await down.graphql(
        "{ auditLog(limit: 5) { target targetKind targetName requestId } }",
        {},
        { cookie: people.owner.cookie },
      );
      expect(log.body.errors).toBeUndefined();
      expect(log.body.data?.auditLog).toContainEqual({
        target: f.productId,
        targetKind: "PRODUCT",
        targetName: null,
        requestId,
      });
    } finally {
      await down.app.close();
    }
  });
});
