/** The running stack (playwright.config.ts starts it): its addresses, its admin token and first owner, GraphQL calls. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, type APIRequestContext } from "@playwright/test";
import pg from "pg";

// localhost, as the gateway's URL in the SPAs' build: the session cookie is SameSite=Strict, and
// 127.0.0.1 and localhost are two sites to a browser (a sign-in from one would set no cookie for the other).
export const ADMIN = "http://localhost:5174";
export const WEB = "http://127.0.0.1:5173";
export const GATEWAY = "http://127.0.0.1:4000/graphql";
export const INVENTORY = "http://127.0.0.1:4001";
export const ORDERS = "http://127.0.0.1:4002";
export const PAYMENTS = "http://127.0.0.1:4003";

function dataFile(name: string): string {
  const dataDir = process.env.SHOP_E2E_DATA_DIR;
  if (!dataDir) throw new Error("SHOP_E2E_DATA_DIR is unset: run through playwright.config.ts");
  return readFileSync(join(dataDir, name), "utf8").trim();
}

/** The stack's admin token (the machine credential): ADMIN_TOKEN when the runner set it, else the one `pnpm start` saved. */
export function adminToken(): string {
  return process.env.ADMIN_TOKEN || dataFile("admin-token");
}

/** The credential the services present to each other, which `pnpm start` keeps in the data folder. */
export const serviceToken = (): string => process.env.SERVICE_TOKEN || dataFile("service-token");

/**
 * Rows of the stack's own PostgreSQL (the URL `pnpm start` wrote to the data folder), for what only
 * the database can tell: how many charges an order really has, not what an answer says.
 */
export async function queryDatabase<Row extends pg.QueryResultRow>(
  text: string,
  values: unknown[] = [],
): Promise<Row[]> {
  const client = new pg.Client({ connectionString: dataFile("database-url") });
  await client.connect();
  try {
    return (await client.query<Row>(text, values)).rows;
  } finally {
    await client.end();
  }
}

/** The first owner `pnpm start` made on the empty database, and the password it kept in the data folder. */
export const OWNER_EMAIL = "owner@shop.local";
export const ownerPassword = (): string => dataFile("owner-password");

/** Adds a person through the gateway as the machine credential (an owner's power): their id. */
export async function addStaffMember(
  request: APIRequestContext,
  person: { email: string; role: "owner" | "manager" | "support"; password: string },
): Promise<string> {
  const { addStaffMember } = await graphql<{ addStaffMember: { id: string } }>(
    request,
    "mutation ($email: String!, $role: StaffRole!, $password: String!) { addStaffMember(email: $email, role: $role, password: $password) { id } }",
    person,
    adminToken(),
  );
  return addStaffMember.id;
}

export async function graphql<T>(
  request: APIRequestContext,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<T> {
  const res = await request.post(GATEWAY, {
    data: { query, variables },
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  expect(res.ok()).toBe(true);
  const body = (await res.json()) as { data?: T; errors?: Array<{ message: string }> };
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  if (!body.data) throw new Error("the gateway answered no data");
  return body.data;
}

/** A product of this test's own (admin API), so no other test's sales change its stock. */
export async function createProduct(
  request: APIRequestContext,
  input: { name: string; priceCents: number; stockQty: number },
): Promise<string> {
  const { createProduct } = await graphql<{ createProduct: { __typename: string; id?: string } }>(
    request,
    "mutation ($input: CreateProductInput!) { createProduct(input: $input) { __typename ... on AdminProduct { id } } }",
    { input },
    adminToken(),
  );
  if (!createProduct.id) throw new Error(`createProduct answered ${createProduct.__typename}`);
  return createProduct.id;
}

export async function placeOrder(request: APIRequestContext, items: { productId: string; qty: number }[]) {
  const { placeOrder } = await graphql<{ placeOrder: { __typename: string; id?: string } }>(
    request,
    "mutation ($input: PlaceOrderInput!) { placeOrder(input: $input) { __typename ... on Order { id } } }",
    { input: { items } },
  );
  if (!placeOrder.id) throw new Error(`placeOrder answered ${placeOrder.__typename}`);
  return placeOrder.id;
}

/** A word no other run or project has used, to find this test's products together by a search. */
export const runMark = () => unique("mark").split(" ")[1]!;

/** A name no other run or project has used. */
export const unique = (name: string) =>
  `${name} ${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

/** The longest name the contract allows (200 characters), as one word: no page may widen for it. */
export const unbrokenName = () => unique("Unbroken").replace(/\W/g, "").padEnd(200, "x");
