/** The table-owner lint rule: it passes this repository and fails each way a package can write another's table. */
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { tableOwnerProblems } from "../lint/table-owner-problems.ts";
import { scratchWorkspace } from "./scratch-workspace.ts";

const repo = fileURLToPath(new URL("../..", import.meta.url));
const scratch = scratchWorkspace("table-owners-");
const write = (path: string, text: string) => scratch.write(path, text);

const owners = { products: { owner: "inventory" }, orders: { owner: "orders" } };

/** A tiny workspace: Inventory writes its products, Orders its orders, and reads products. */
function workspace() {
  scratch.create();
  write(
    "prisma/schema.prisma",
    'model Product {\n  id String\n  @@map("products")\n}\nmodel Order {\n  id String\n  @@map("orders")\n}\n',
  );
  write(
    "packages/inventory/src/stock.ts",
    "sql`UPDATE products SET stock_qty = 1`; db.product.update({});\n",
  );
  write(
    "packages/orders/src/place.ts",
    'sql`INSERT INTO "orders" (id) SELECT p.id FROM products p FOR UPDATE`; tx.order.create({});\n',
  );
}

describe("only a table's owner writes it", () => {
  it("holds for this repository", () => {
    expect(tableOwnerProblems(repo)).toEqual([]);
  });

  it("passes a workspace where each package writes its own tables and reads another's", () => {
    workspace();
    expect(tableOwnerProblems(scratch.root, owners)).toEqual([]);
  });

  it.each([
    ["an SQL UPDATE", "packages/orders/src/cancel.ts", "sql`UPDATE products AS p SET stock_qty = 2`;\n"],
    ["a quoted INSERT", "apps/orders/src/seed.ts", 'sql`INSERT INTO "products" (name) VALUES (1)`;\n'],
    ["a DELETE", "packages/orders/src/purge.ts", "sql`DELETE FROM products WHERE true`;\n"],
    ["a Prisma delegate", "packages/orders/src/restock.ts", "await tx.product.updateMany({ data: {} });\n"],
  ])("fails on %s of another's table", (_, file, text) => {
    workspace();
    write(file, text);
    expect(tableOwnerProblems(scratch.root, owners)).toEqual([
      `${file}: writes products, which inventory owns`,
    ]);
  });

  it("fails on a table with no owner", () => {
    workspace();
    expect(tableOwnerProblems(scratch.root, { products: owners.products })).toEqual([
      "prisma/schema.prisma: the table orders has no owner in TABLE_OWNERS",
      "packages/orders/src/place.ts: writes orders, which no one owns",
    ]);
  });
});
